// Bad sizes and shapes fail early, naming the layer and what it expected.
import {
  BatchNorm2d,
  Conv2d,
  Embedding,
  Flatten,
  GPT2,
  LayerNorm,
  Linear,
  LSTM,
  MaxPool2d,
  MultiheadAttention,
  SimpleNN,
} from 'lib';
import { describe, expect, it } from 'vitest';

describe('shape inference', () => {
  it('names the layer and dimension that does not fit', () => {
    expect(() => new Conv2d(3, 8, 3).callShape([1, 4, 8, 8])).toThrow(/Conv2d: expected size 3 in dimension -3/);
    expect(() => new Conv2d(3, 8, 5).callShape([1, 3, 4, 4])).toThrow(/kernel is larger than the padded input/);
    expect(() => new Conv2d(3, 8, 3).callShape([3, 8])).toThrow(/Conv2d: expected a 3- or 4-dimensional input/);
    expect(() => new BatchNorm2d(4).callShape([2, 4, 8])).toThrow(/BatchNorm2d: expected a 4-dimensional input/);
    expect(() => new LayerNorm(16).callShape([2, 8])).toThrow(/does not end in \[16\]/);
    expect(() => new Linear(3, 5).callShape([2, 4])).toThrow(/Linear: expected size 3 in dimension -1/);
    expect(() => new LSTM(5, 1).callShape([7, 2, 4])).toThrow(/LSTM: expected size 5/);
    expect(() => new MultiheadAttention(8, 2).callShape([5, 3, 4])).toThrow(/MultiheadAttention: expected size 8/);
    expect(() => new Flatten(2, 5).callShape([2, 3])).toThrow(/cannot flatten dimensions 2..5/);
    expect(() => new MaxPool2d(2).callShape([8, 8])).toThrow(/MaxPool2d: expected a 3- or 4-dimensional input/);
    expect(() => new GPT2().callShape([1, 1025])).toThrow(/longer than the block size 1024/);
  });

  it('works for a single sample as well as a batch', () => {
    expect(new Conv2d(3, 8, 3).callShape([3, 10, 10])).toEqual([8, 8, 8]);
    expect(new SimpleNN(3, 5, 2).callShape([3])).toEqual([2]);
    expect(new Embedding(10, 4).callShape([])).toEqual([4]);
  });
});

describe('bad sizes', () => {
  it('rejects groups that do not divide the channels, and heads that do not divide the width', () => {
    expect(() => new Conv2d(6, 8, 3, { groups: 4 })).toThrow(/divisible by groups \(4\)/);
    expect(() => new MultiheadAttention(10, 3)).toThrow(/embedDim \(10\) must be divisible by numHeads \(3\)/);
  });

  it('rejects kernels, paddings and indices out of range', () => {
    expect(() => new Conv2d(3, 8, [3, 3, 3] as unknown as number)).toThrow(/kernelSize must be a number or 2 numbers/);
    expect(() => new Conv2d(3, 8, 0)).toThrow(/kernelSize must be a positive integer, got 0/);
    expect(() => new Conv2d(3, 8, 3, { padding: -1 })).toThrow(/padding must be an integer ≥ 0/);
    expect(() => new Embedding(4, 2, { paddingIdx: 4 })).toThrow(/paddingIdx must be within numEmbeddings/);
  });
});
