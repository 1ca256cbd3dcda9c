import { Linear, ReLU, Sequential, SimpleNN, tensor } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-counts.json';
import { expectAllClose, fixtureSimpleNN } from '../support/autograd-fixture.ts';

const { weights, batch, sample } = pytorch.simpleNNForward;

// SimpleNN(3, 5, 2) with the fixed weights the fixture script gave its PyTorch twin.
const fixtureModel = () => fixtureSimpleNN(weights);

describe('forward', () => {
  it('computes the same batch output as PyTorch in float64, within 1e-12', () => {
    const output = fixtureModel().call(tensor(batch.input));
    expectAllClose(output, batch.output, 1e-12);
  });

  it('computes the same output as PyTorch for a single sample of shape [3]', () => {
    const output = fixtureModel().call(tensor(sample.input));
    expectAllClose(output, sample.output, 1e-12);
  });

  it('computes y = x Wᵀ + b for a tiny Linear by hand', () => {
    const layer = new Linear(2, 1);
    layer.weight.data.set([2, -3]);
    layer.bias!.data.set([0.5]);
    // 1·2 + 4·(−3) + 0.5 = −9.5 and 0·2 + (−1)·(−3) + 0.5 = 3.5
    expect(layer.call(tensor([[1, 4], [0, -1]])).toArray()).toEqual([[-9.5], [3.5]]);
  });

  it('leaves out the bias when there is none', () => {
    const layer = new Linear(2, 2, { bias: false });
    layer.weight.data.set([1, 2, 3, 4]);
    expect(layer.call(tensor([1, 1])).toArray()).toEqual([3, 7]);
  });

  it('keeps leading batch dimensions, as PyTorch does', () => {
    const layer = new Linear(2, 3);
    expect(layer.call(tensor([[[1, 2]], [[3, 4]]])).shape).toEqual([2, 1, 3]);
  });

  it('runs a tiny SimpleNN by hand, with ReLU zeroing the negative hidden values', () => {
    const model = new SimpleNN(2, 2, 1);
    model.hidden.weight.data.set([1, -1, 2, 0.5]);
    model.hidden.bias!.data.set([0, -1]);
    model.output.weight.data.set([1, -2]);
    model.output.bias!.data.set([0.25]);
    // x = [3, 1]:  hidden [2, 5.5] → output 2 − 11 + 0.25 = −8.75
    // x = [−1, 1]: hidden [−2, −2.5] → ReLU [0, 0] → output 0.25
    expect(model.call(tensor([[3, 1], [-1, 1]])).toArray()).toEqual([[-8.75], [0.25]]);
  });

  it('applies ReLU elementwise', () => {
    expect(new ReLU().call(tensor([[-2, 0, 3], [0.5, -0.1, 7]])).toArray()).toEqual([
      [0, 0, 3],
      [0.5, 0, 7],
    ]);
  });

  it('chains the modules of a Sequential, running a module added twice twice', () => {
    const double = new Linear(1, 1);
    double.weight.data.set([2]);
    double.bias!.data.set([1]);
    const model = new Sequential(double, new ReLU(), double);
    // 3 → 7 → 7 → 15, and −3 → −5 → 0 → 1
    expect(model.call(tensor([[3], [-3]])).toArray()).toEqual([[15], [1]]);
  });

  it('gives call() and forward() the same result', () => {
    const model = fixtureModel();
    const x = tensor(batch.input);
    expect(model.call(x).toArray()).toEqual(model.forward(x).toArray());
  });
});
