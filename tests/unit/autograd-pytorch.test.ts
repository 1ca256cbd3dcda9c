// Autograd against real PyTorch (tests/fixtures/pytorch-autograd.json, float64): SimpleNN(3, 5, 2)
// on a fixed batch, its output, its MSE loss and every parameter's gradient.
import { mseLoss, type Parameter, tensor } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-autograd.json';
import { expectAllClose, fixtureSimpleNN } from '../support/autograd-fixture.ts';
import { numelOf } from '../support/fixture-counts.ts';

const { input, target, output, loss, gradients } = pytorch.simpleNN;

describe('autograd against PyTorch', () => {
  const model = fixtureSimpleNN();
  const prediction = model.call(tensor(input));
  const lossValue = mseLoss(prediction, tensor(target));
  lossValue.backward();

  it('computes the same forward output, within 1e-12', () => {
    expectAllClose(prediction, output, 1e-12);
  });

  it('computes the same MSE loss, within 1e-12', () => {
    expect(Math.abs(lossValue.item() - loss)).toBeLessThanOrEqual(1e-12);
  });

  it.each(Object.keys(gradients))('computes the same gradient for %s, within 1e-12', (name) => {
    const parameter = new Map(model.namedParameters()).get(name) as Parameter;
    expectAllClose(parameter.grad!, gradients[name as keyof typeof gradients], 1e-12);
  });

  it('fills one gradient entry for each of the 32 parameters', () => {
    expect(numelOf([...model.parameters()].map((p) => p.grad!))).toBe(32);
  });
});
