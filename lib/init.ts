import type { RandomGenerator } from './random.ts';

/** Makes one initial value from a seeded generator; called once per element, row-major. */
export type Initializer = (random: RandomGenerator) => number;

/** Values uniform in [low, high), as `torch.nn.init.uniform_(t, low, high)` draws them. */
export function uniform(low: number, high: number): Initializer {
  return (random) => random.uniform(low, high);
}

/** Values from a normal distribution, as `torch.nn.init.normal_(t, mean, std)` draws them. */
export function normal(mean = 0, std = 1): Initializer {
  // Box–Muller: 1 - random() lies in (0, 1], so the logarithm is finite.
  return (random) =>
    mean + std * Math.sqrt(-2 * Math.log(1 - random.random())) * Math.cos(2 * Math.PI * random.random());
}

/** Every value the same, as `torch.nn.init.constant_(t, value)` (ones for a norm layer's weight). */
export function constant(value: number): Initializer {
  return () => value;
}

/**
 * PyTorch's default for conv and linear layers: `kaiming_uniform_(a=√5)` for the weight and the
 * same bound for the bias, both ±1/√fanIn.
 */
export function fanInUniform(fanIn: number): Initializer {
  const bound = 1 / Math.sqrt(fanIn);
  return uniform(-bound, bound);
}
