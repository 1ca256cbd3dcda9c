import { Embedding, GELU, GPT2, Linear, LSTM, manualSeed, resnet18, Sequential, SimpleNN, Tensor, tensor, zeros } from 'lib';
import { describe, expect, it } from 'vitest';

describe('bad input', () => {
  it('rejects a Linear with zero, negative or fractional sizes, naming the argument', () => {
    expect(() => new Linear(0, 5)).toThrow(RangeError);
    expect(() => new Linear(0, 5)).toThrow(/inFeatures must be a positive integer, got 0/);
    expect(() => new Linear(3, -1)).toThrow(/outFeatures must be a positive integer, got -1/);
    expect(() => new Linear(2.5, 5)).toThrow(/inFeatures .* got 2\.5/);
    expect(() => new Linear(3, Number.NaN)).toThrow(/outFeatures .* got NaN/);
  });

  it('rejects a SimpleNN with a bad size, naming the argument', () => {
    expect(() => new SimpleNN(3, 0, 2)).toThrow(/SimpleNN: hiddenSize must be a positive integer, got 0/);
    expect(() => new SimpleNN(3.5, 5, 2)).toThrow(/SimpleNN: inputSize/);
    expect(() => new SimpleNN(3, 5, -2)).toThrow(/SimpleNN: outputSize/);
  });

  it('says both shapes when an input does not fit a Linear', () => {
    const layer = new Linear(3, 5);
    expect(() => layer.call(zeros([2, 4]))).toThrow(RangeError);
    expect(() => layer.call(zeros([2, 4]))).toThrow(/\[2, 4\].*\[5, 3\]/);
    expect(() => layer.call(tensor(1))).toThrow(/input of shape \[\]/);
    expect(() => new SimpleNN(3, 5, 2).call(zeros([4]))).toThrow(/\[4\].*\[5, 3\]/);
  });

  it('rejects ragged and non-numeric nested arrays', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(/length 2 at dimension 1/);
    expect(() => tensor([1, [2]])).toThrow(TypeError);
    expect(() => tensor(['a' as unknown as number])).toThrow(TypeError);
  });

  it('rejects bad shapes and storage of the wrong length', () => {
    expect(() => zeros([-1])).toThrow(RangeError);
    expect(() => zeros([2.5])).toThrow(/dimension 0/);
    expect(() => new Tensor([2, 2], new Float64Array(3))).toThrow(/3 values do not fill shape \[2, 2\]/);
    expect(() => new Tensor([2], () => new Float64Array(3)).data).toThrow(RangeError);
    expect(() => new Tensor([2], [1, 2] as unknown as Float64Array)).toThrow(TypeError);
  });

  it('rejects indices out of range or of the wrong count', () => {
    const t = zeros([2, 3]);
    expect(() => t.get(2, 0)).toThrow(/index 2 is out of range for dimension 0 of size 2/);
    expect(() => t.get(0, -4)).toThrow(RangeError);
    expect(() => t.get(0)).toThrow(/expected 2 indices/);
    expect(() => new Sequential(new Linear(1, 1)).get(1)).toThrow(/out of range for 1 modules/);
  });

  it('rejects a Sequential of things that are not modules', () => {
    expect(() => new Sequential(new Linear(1, 1), (() => 0) as never)).toThrow(/argument 1 is not a Module/);
  });

  it('says that a shape-only layer or model counts and sizes but does not compute', () => {
    const tiny = { vocabSize: 10, blockSize: 4, nLayer: 1, nHead: 1, nEmbd: 4, dropout: 0 };
    for (const module of [new Embedding(10, 3), new GELU(), new LSTM(2, 3), new GPT2(tiny), resnet18()]) {
      const name = module.constructor.name;
      expect(() => module.call(), name).toThrow(new RegExp(`^${name}\\.forward is not implemented: .*does not compute`));
    }
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => manualSeed(1.5)).toThrow(RangeError);
    expect(() => manualSeed(2 ** 53)).toThrow(/safe integer/);
  });
});
