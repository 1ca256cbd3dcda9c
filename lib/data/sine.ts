// A small noisy regression problem for watching overfitting happen: y = sin(3x) + noise.
import { normal } from '../init.ts';
import { RandomGenerator } from '../random.ts';
import { Tensor } from '../tensor.ts';

/** Inputs and targets, both of shape `[points, 1]`. */
export interface Split {
  x: Tensor;
  y: Tensor;
}

export interface SineDataOptions {
  trainPoints?: number;
  validationPoints?: number;
  /** The standard deviation of the Gaussian noise added to every target. */
  noise?: number;
  seed?: number;
}

/** The curve the data come from, without noise. */
export const sineTarget = (x: number): number => Math.sin(3 * x);

/**
 * Points with x uniform in [−1, 1) and y = sin(3x) + noise, a training split and a validation
 * split drawn from the same distribution. The same seed gives the same points, and asking for
 * more training points keeps the first ones (each split has its own stream of random numbers).
 */
export function sineData({ trainPoints = 20, validationPoints = 200, noise = 0.3, seed = 0 }: SineDataOptions = {}): {
  train: Split;
  validation: Split;
} {
  const random = new RandomGenerator(seed);
  const train = sample(trainPoints, noise, random.fork());
  const validation = sample(validationPoints, noise, random.fork());
  return { train, validation };
}

function sample(points: number, noise: number, random: RandomGenerator): Split {
  const x = new Float64Array(points);
  const y = new Float64Array(points);
  const gaussian = normal(0, noise);
  for (let i = 0; i < points; i++) {
    x[i] = random.uniform(-1, 1);
    y[i] = sineTarget(x[i]!) + gaussian(random);
  }
  return { x: new Tensor([points, 1], x), y: new Tensor([points, 1], y) };
}
