import { DEFAULT_SEED, Linear, manualSeed, RandomGenerator, SimpleNN } from 'lib';
import { describe, expect, it } from 'vitest';

const draw = (generator: RandomGenerator, n: number) =>
  Array.from({ length: n }, () => generator.nextUint32());

describe('RandomGenerator', () => {
  it('draws the numbers of the xoshiro128** reference code seeded by splitmix32', () => {
    // From the C reference (prng.di.unimi.it/xoshiro128starstar.c), state = four splitmix32 outputs.
    expect(draw(new RandomGenerator(0), 6)).toEqual([
      1789933344, 44971166, 2521387044, 3848737593, 1138324114, 749234105,
    ]);
    expect(draw(new RandomGenerator(42), 6)).toEqual([
      660444221, 3652823732, 77672526, 910233633, 2297337756, 3786072677,
    ]);
  });

  it('starts from PyTorch’s default seed', () => {
    expect(draw(new RandomGenerator(), 4)).toEqual(draw(new RandomGenerator(DEFAULT_SEED), 4));
    expect(DEFAULT_SEED).toBe(67280421310721);
  });

  it('tells apart seeds that differ only above bit 31, and negative seeds', () => {
    const first = draw(new RandomGenerator(0), 4);
    expect(draw(new RandomGenerator(2 ** 32), 4)).not.toEqual(first);
    expect(draw(new RandomGenerator(-1), 4)).not.toEqual(draw(new RandomGenerator(2 ** 32 - 1), 4));
  });

  it('draws floats in [0, 1) with a mean near one half', () => {
    const generator = new RandomGenerator(1);
    const values = Array.from({ length: 10_000 }, () => generator.random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b) / values.length).toBeCloseTo(0.5, 1);
  });

  it('restarts the sequence when reseeded', () => {
    const generator = new RandomGenerator(5);
    const first = draw(generator, 3);
    expect(draw(generator.manualSeed(5), 3)).toEqual(first);
  });
});

describe('Linear initialisation', () => {
  it('draws weights and biases within ±1/√inFeatures, as PyTorch does', () => {
    const layer = new Linear(16, 64);
    const bound = 1 / Math.sqrt(16);
    for (const values of [layer.weight.data, layer.bias!.data]) {
      expect(Math.max(...values)).toBeLessThanOrEqual(bound);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-bound);
    }
    // Uniform over the whole range, not squeezed near zero.
    expect(Math.max(...layer.weight.data)).toBeGreaterThan(0.9 * bound);
    expect(Math.min(...layer.weight.data)).toBeLessThan(-0.9 * bound);
  });

  it('makes the same model again after manualSeed with the same seed', () => {
    manualSeed(7);
    const first = new SimpleNN(3, 5, 2);
    manualSeed(7);
    const second = new SimpleNN(3, 5, 2);
    manualSeed(8);
    const third = new SimpleNN(3, 5, 2);
    const values = (model: SimpleNN) => [...model.parameters()].map((p) => [...p.data]);
    expect(values(second)).toEqual(values(first));
    expect(values(third)).not.toEqual(values(first));
  });

  it('gives the same values whatever order the parameters are first read in', () => {
    manualSeed(3);
    const first = new Linear(3, 5);
    const firstWeight = [...first.weight.data];
    const firstBias = [...first.bias!.data];
    manualSeed(3);
    const second = new Linear(3, 5);
    expect([...second.bias!.data]).toEqual(firstBias);
    expect([...second.weight.data]).toEqual(firstWeight);
  });

  it('returns the global generator from manualSeed, like torch.manual_seed', () => {
    const generator = manualSeed(11);
    expect(generator).toBeInstanceOf(RandomGenerator);
    expect(draw(generator, 2)).toEqual(draw(new RandomGenerator(11), 2));
  });
});
