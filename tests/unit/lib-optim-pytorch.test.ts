// Optimisers against real PyTorch (tests/fixtures/pytorch-autograd.json, float64): SimpleNN(3, 5, 2)
// after each of two full-batch steps of SGD, SGD with Nesterov momentum, Adam and AdamW.
import { Adam, AdamW, mseLoss, type Optimizer, SGD, type Tensor, tensor } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-autograd.json';
import { expectAllClose, fixtureSimpleNN } from '../support/autograd-fixture.ts';

const { input, target } = pytorch.simpleNN;
const runs = pytorch.optimizers;

const makers: Record<keyof typeof runs, (params: Iterable<Tensor>) => Optimizer> = {
  sgd: (params) => new SGD(params, { lr: 0.1, momentum: 0.9, weightDecay: 0.01 }),
  sgdNesterov: (params) => new SGD(params, { lr: 0.1, momentum: 0.5, nesterov: true }),
  adam: (params) => new Adam(params, { lr: 0.01, betas: [0.9, 0.999], weightDecay: 0.05 }),
  adamW: (params) => new AdamW(params, { lr: 0.01, weightDecay: 0.1 }),
};

describe.each(Object.keys(runs) as (keyof typeof runs)[])('%s against PyTorch', (name) => {
  const model = fixtureSimpleNN();
  const optimizer = makers[name](model.parameters());
  const steps = runs[name].steps.map((expected) => {
    optimizer.zeroGrad();
    const loss = mseLoss(model.call(tensor(input)), tensor(target));
    loss.backward();
    optimizer.step();
    const parameters = new Map([...model.namedParameters()].map(([n, p]) => [n, tensor(p.toArray())]));
    return { expected, loss: loss.item(), parameters };
  });

  it.each(steps.map((step, i) => ({ ...step, number: i + 1 })))(
    'leaves every parameter where PyTorch does after step $number, within 1e-12',
    ({ expected, loss, parameters }) => {
      expect(Math.abs(loss - expected.loss)).toBeLessThanOrEqual(1e-12);
      for (const [parameterName, values] of Object.entries(expected.parameters)) {
        expectAllClose(parameters.get(parameterName)!, values, 1e-12);
      }
    },
  );
});

it('is checked against the options the fixture used', () => {
  expect(runs.sgd.options).toEqual({ lr: 0.1, momentum: 0.9, weight_decay: 0.01 });
  expect(runs.sgdNesterov.options).toEqual({ lr: 0.1, momentum: 0.5, nesterov: true });
  expect(runs.adam.options).toEqual({ lr: 0.01, betas: [0.9, 0.999], weight_decay: 0.05 });
  expect(runs.adamW.options).toEqual({ lr: 0.01, weight_decay: 0.1 });
});
