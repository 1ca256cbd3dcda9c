import { countParameters, Linear, type Module, ReLU, Sequential, SimpleNN } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-counts.json';
import { TiedLinears } from '../support/pytorch-twins.ts';

const namesAndShapes = (model: Module) => {
  const named = [...model.namedParameters()];
  return { names: named.map(([name]) => name), shapes: named.map(([, p]) => [...p.shape]) };
};

describe('countParameters', () => {
  it('counts 32 parameters in SimpleNN(3, 5, 2)', () => {
    expect(countParameters(new SimpleNN(3, 5, 2))).toBe(32);
  });

  it('counts 6h + 2 parameters in SimpleNN(3, h, 2) for every h from 1 to 128', () => {
    for (let h = 1; h <= 128; h++) {
      expect(countParameters(new SimpleNN(3, h, 2)), `h = ${h}`).toBe(6 * h + 2);
    }
  });

  it('agrees with PyTorch on SimpleNN(3, h, 2) for h from 1 to 128: counts, names, shapes, order', () => {
    expect(pytorch.simpleNNByHiddenSize).toHaveLength(128);
    for (const expected of pytorch.simpleNNByHiddenSize) {
      const model = new SimpleNN(3, expected.hiddenSize, 2);
      expect(
        {
          total: countParameters(model, { trainableOnly: false }),
          trainable: countParameters(model),
          ...namesAndShapes(model),
        },
        `h = ${expected.hiddenSize}`,
      ).toEqual({
        total: expected.total,
        trainable: expected.trainable,
        names: expected.names,
        shapes: expected.shapes,
      });
    }
  });

  it('counts a frozen hidden layer as non-trainable: 12 trainable of 32, as in PyTorch', () => {
    const model = new SimpleNN(3, 5, 2);
    model.hidden.requiresGrad_(false);
    expect(countParameters(model)).toBe(12);
    expect(countParameters(model, { trainableOnly: false })).toBe(32);
    expect(countParameters(model)).toBe(pytorch.frozenHidden.trainable);
    expect(countParameters(model, { trainableOnly: false })).toBe(pytorch.frozenHidden.total);
  });

  it('counts 15 parameters in a Linear(3, 5) without bias', () => {
    const layer = new Linear(3, 5, { bias: false });
    expect(countParameters(layer)).toBe(15);
    expect(countParameters(layer)).toBe(pytorch.linearNoBias.total);
  });

  it('counts a layer used twice in a Sequential once, where a per-layer sum says twice as many', () => {
    const shared = new Linear(3, 3);
    const model = new Sequential(shared, new ReLU(), shared);
    let naiveSum = 0;
    for (let i = 0; i < model.length; i++) naiveSum += countParameters(model.get(i));
    expect(countParameters(model)).toBe(12);
    expect(naiveSum).toBe(24);
    expect({ total: countParameters(model), naiveSum }).toEqual({
      total: pytorch.sharedInSequential.total,
      naiveSum: pytorch.sharedInSequential.naiveSum,
    });
    expect(namesAndShapes(model).names).toEqual(pytorch.sharedInSequential.parameters.map((p) => p.name));
  });

  it('counts a weight tied between two layers once, as PyTorch does', () => {
    const model = new TiedLinears();
    const naiveSum = countParameters(model.encoder) + countParameters(model.decoder);
    expect(countParameters(model)).toBe(24);
    expect({ total: countParameters(model), naiveSum }).toEqual({
      total: pytorch.tiedWeight.total,
      naiveSum: pytorch.tiedWeight.naiveSum,
    });
    expect(namesAndShapes(model)).toEqual({
      names: pytorch.tiedWeight.parameters.map((p) => p.name),
      shapes: pytorch.tiedWeight.parameters.map((p) => p.shape),
    });
  });

  it('counts frozen parameters only when trainableOnly is false', () => {
    const model = new SimpleNN(3, 5, 2).requiresGrad_(false);
    expect(countParameters(model)).toBe(0);
    expect(countParameters(model, { trainableOnly: false })).toBe(32);
  });

  it('counts a ten-billion-parameter layer without allocating its weights', () => {
    // 80 GB of float64 if the storage were allocated eagerly; counting must not touch it.
    expect(countParameters(new Linear(100_000, 100_000))).toBe(10_000_100_000);
  });
});
