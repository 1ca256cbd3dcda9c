// Helpers for the tests that compare lib's numbers with PyTorch's fixtures.
import { SimpleNN, type Tensor, tensor } from 'lib';
import { expect } from 'vitest';
import pytorch from '../fixtures/pytorch-autograd.json';

type Nested = number | Nested[];

/** SimpleNN(3, 5, 2) with a fixture's weights (the autograd fixture's by default), by parameter name. */
export function fixtureSimpleNN(weights: Record<string, Nested> = pytorch.simpleNN.weights): SimpleNN {
  const model = new SimpleNN(3, 5, 2);
  for (const [name, parameter] of model.namedParameters()) {
    parameter.data.set(tensor(weights[name]!).data);
  }
  return model;
}

/** Same shape, and every element within `tolerance` of PyTorch's. */
export function expectAllClose(actual: Tensor, expected: Nested, tolerance: number): void {
  const want = tensor(expected);
  expect(actual.shape).toEqual(want.shape);
  actual.data.forEach((value, i) => {
    expect(Math.abs(value - want.data[i]!), `element ${i}`).toBeLessThanOrEqual(tolerance);
  });
}
