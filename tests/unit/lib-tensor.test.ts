import { Parameter, Tensor, tensor, uniform, zeros } from 'lib';
import { describe, expect, it } from 'vitest';

describe('Tensor', () => {
  it('builds a tensor from nested arrays, row-major', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect([...t.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.numel()).toBe(6);
    expect(t.get(1, 0)).toBe(4);
    expect(t.get(-1, -1)).toBe(6);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('builds scalars, vectors and empty tensors', () => {
    expect(tensor(7).shape).toEqual([]);
    expect(tensor(7).numel()).toBe(1);
    expect(tensor(7).toArray()).toBe(7);
    expect(tensor([1, 2]).toArray()).toEqual([1, 2]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([]).numel()).toBe(0);
  });

  it('makes zeros of any shape', () => {
    const t = zeros([2, 2, 2]);
    expect(t.numel()).toBe(8);
    expect(t.toArray()).toEqual([
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]);
  });

  it('knows its size without allocating storage', () => {
    // 8 GB of float64 if allocated; reading shape and numel() must not touch the storage.
    const big = new Tensor([1_000_000, 1_000]);
    expect(big.numel()).toBe(1_000_000_000);
  });

  it('fills its storage from a function on first read, once', () => {
    let calls = 0;
    const t = new Tensor([2], () => {
      calls++;
      return Float64Array.of(1, 2);
    });
    expect(calls).toBe(0);
    expect(t.get(1)).toBe(2);
    expect(t.data).toBe(t.data);
    expect(calls).toBe(1);
  });

  it('starts without a gradient and with a frozen shape', () => {
    const t = tensor([1, 2]);
    expect(t.grad).toBeNull();
    expect(Object.isFrozen(t.shape)).toBe(true);
  });
});

describe('Parameter', () => {
  it('is a trainable tensor of the given shape', () => {
    const p = new Parameter([5, 3]);
    expect(p).toBeInstanceOf(Tensor);
    expect(p.requiresGrad).toBe(true);
    expect(p.numel()).toBe(15);
    expect([...p.data]).toEqual(new Array(15).fill(0));
  });

  it('shares the values of the tensor it wraps, as nn.Parameter does', () => {
    const t = tensor([1, 2, 3]);
    const p = new Parameter(t);
    expect(p.shape).toEqual([3]);
    expect(p.data).toBe(t.data);
  });

  it('fills itself from an initialiser', () => {
    const p = new Parameter([100], uniform(2, 3));
    expect(Math.min(...p.data)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...p.data)).toBeLessThan(3);
  });
});
