// Every differentiable operation against finite differences, on random shapes: the gradient that
// backward() finds must match (f(x + h) − f(x − h)) / 2h for each element of each input.
import {
  add, dropout, linear, matmul, mean, mseLoss, mul, RandomGenerator, relu, Sequential, Linear, Tanh,
  ReLU, sub, sum, tanh, Tensor,
} from 'lib';
import { describe, expect, it } from 'vitest';

const random = new RandomGenerator(2024);
const size = () => 1 + Math.floor(random.random() * 4); // 1 to 4

function randomTensor(shape: number[]): Tensor {
  const data = Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.uniform(-1, 1));
  return new Tensor(shape, data).requiresGrad_();
}

// Weighting the output by fixed random numbers makes every output element matter differently.
function scalarOf(output: Tensor, weights: Float64Array): number {
  return output.data.reduce((total, v, i) => total + v * weights[i]!, 0);
}

/** Checks d(Σ wᵢ · fᵢ)/d(input) from autograd against central differences, for every input. */
function expectGradientsMatch(f: (...inputs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const output = f(...inputs);
  const weights = Float64Array.from(output.data, () => random.uniform(-1, 1));
  sum(mul(output, new Tensor(output.shape, weights))).backward();
  const h = 1e-6;
  for (const [k, input] of inputs.entries()) {
    expect(input.grad, `input ${k} has a gradient`).not.toBeNull();
    for (let i = 0; i < input.numel(); i++) {
      const saved = input.data[i]!;
      input.data[i] = saved + h;
      const up = scalarOf(f(...inputs), weights);
      input.data[i] = saved - h;
      const down = scalarOf(f(...inputs), weights);
      input.data[i] = saved;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(input.grad!.data[i]! - numeric), `input ${k}, element ${i}`).toBeLessThan(1e-7 * (1 + Math.abs(numeric)));
    }
  }
}

const trials = Array.from({ length: 5 }, (_, i) => i + 1);

describe.each(trials)('finite differences, trial %i', () => {
  it('agree with linear on a batch with leading dimensions', () => {
    const [batch, rows, n, m] = [size(), size(), size(), size()];
    expectGradientsMatch(linear, [randomTensor([batch, rows, n]), randomTensor([m, n]), randomTensor([m])]);
  });

  it('agree with matmul', () => {
    const [n, k, m] = [size(), size(), size()];
    expectGradientsMatch(matmul, [randomTensor([n, k]), randomTensor([k, m])]);
  });

  it('agree with add, sub and mul when both sides broadcast', () => {
    const [a, b, c] = [size(), size(), size()];
    for (const op of [add, sub, mul]) {
      expectGradientsMatch(op, [randomTensor([a, 1, c]), randomTensor([b, 1])]);
    }
  });

  it('agree with relu, tanh, sum and mean', () => {
    const shape = [size(), size()];
    for (const op of [relu, tanh, sum, mean]) expectGradientsMatch(op, [randomTensor(shape)]);
  });

  it('agree with the MSE loss, for the input and the target', () => {
    const shape = [size(), size()];
    expectGradientsMatch(mseLoss, [randomTensor(shape), randomTensor(shape)]);
  });

  it('agree with dropout for a fixed mask', () => {
    const shape = [size(), size(), size()];
    // The same seed draws the same mask on every evaluation.
    expectGradientsMatch((x) => dropout(x, 0.4, true, new RandomGenerator(7)), [randomTensor(shape)]);
  });

  it('agree with a Tanh and ReLU network with respect to its input', () => {
    const [n, hidden, m] = [size(), size() + 2, size()];
    const model = new Sequential(new Linear(n, hidden), new Tanh(), new Linear(hidden, hidden), new ReLU(), new Linear(hidden, m));
    expectGradientsMatch((x) => model.call(x), [randomTensor([size(), n])]);
  });
});
