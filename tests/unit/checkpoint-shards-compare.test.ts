import { Embedding, Linear, Module, SimpleNN } from 'lib';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../../src/checkpoint/checkpoint-error.ts';
import { compareWithModel } from '../../src/checkpoint/compare.ts';
import { combineShards, parseShardIndex } from '../../src/checkpoint/shards.ts';
import { unpack } from '../../src/checkpoint/packed.ts';
import type { TensorInfo } from '../../src/checkpoint/tensor-info.ts';

const tensor = (name: string, shape: number[], file = 'model.safetensors', dtype = 'F32'): TensorInfo => ({
  name,
  dtype,
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
  file,
});

/** A tiny language model whose head shares the embedding's matrix, as tie_word_embeddings does. */
class TinyTiedLM extends Module {
  embed = new Embedding(6, 4);
  head = new Linear(4, 6, { bias: false });

  constructor() {
    super();
    this.head.weight = this.embed.weight;
  }

  forward(): never {
    throw new Error('counted only');
  }
}

describe('a sharded checkpoint', () => {
  const first = [tensor('hidden.weight', [5, 3], 'a.safetensors'), tensor('hidden.bias', [5], 'a.safetensors')];
  const second = [tensor('output.weight', [2, 5], 'b.safetensors'), tensor('output.bias', [2], 'b.safetensors')];
  const index = parseShardIndex(
    JSON.stringify({
      metadata: { total_size: 128 },
      weight_map: { 'hidden.weight': 'a.safetensors', 'hidden.bias': 'a.safetensors', 'output.weight': 'b.safetensors', 'output.bias': 'b.safetensors' },
    }),
    'model.safetensors.index.json',
  );

  it('puts two shards together into the 32 parameters of SimpleNN, with nothing to report', () => {
    const { tensors, problems } = combineShards([{ file: 'a.safetensors', tensors: first }, { file: 'b.safetensors', tensors: second }], index);
    expect(tensors.reduce((sum, t) => sum + t.elements, 0)).toBe(32);
    expect(problems).toEqual([]);
    expect(index.totalSize).toBe(128);
  });

  it('names the shard the index lists but the reader did not choose', () => {
    const { problems } = combineShards([{ file: 'a.safetensors', tensors: first }], index);
    expect(problems).toEqual([{ problem: 'shardMissing', file: 'b.safetensors', tensors: 2 }]);
  });

  it('names a tensor stored in two shards, and a tensor the index puts elsewhere', () => {
    const moved = [tensor('hidden.bias', [5], 'b.safetensors'), ...second];
    const { problems } = combineShards([{ file: 'a.safetensors', tensors: first }, { file: 'b.safetensors', tensors: moved }], index);
    expect(problems).toEqual([{ problem: 'duplicate', tensor: 'hidden.bias', files: ['a.safetensors', 'b.safetensors'] }]);
    const { problems: misplaced } = combineShards([{ file: 'a.safetensors', tensors: [first[0]!] }, { file: 'b.safetensors', tensors: moved }], index);
    expect(misplaced).toEqual([{ problem: 'elsewhere', tensor: 'hidden.bias', file: 'b.safetensors', indexed: 'a.safetensors' }]);
  });

  it('refuses an index that is not JSON or has no weight_map, naming the file', () => {
    for (const [text, problem] of [['{', 'indexNotJson'], ['{"metadata": {}}', 'indexNoWeightMap']] as const) {
      const error = (() => {
        try {
          parseShardIndex(text, 'model.safetensors.index.json');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CheckpointError);
      expect((error as CheckpointError).problem).toBe(problem);
      expect((error as CheckpointError).file).toBe('model.safetensors.index.json');
    }
  });
});

describe('a checkpoint against the model its config describes', () => {
  it('matches SimpleNN tensor by tensor', () => {
    const tensors = [tensor('hidden.weight', [5, 3]), tensor('hidden.bias', [5]), tensor('output.weight', [2, 5]), tensor('output.bias', [2])];
    const comparison = compareWithModel(tensors, new SimpleNN(3, 5, 2));
    expect(comparison).toEqual({ matching: 4, missing: [], extra: [], misShaped: [], tied: [], storedTwice: [], packed: [], parts: [] });
  });

  it('names missing, extra and mis-shaped tensors', () => {
    const tensors = [tensor('hidden.weight', [5, 4]), tensor('hidden.bias', [5]), tensor('output.weight', [2, 5]), tensor('dropout.mask', [5])];
    const comparison = compareWithModel(tensors, new SimpleNN(3, 5, 2));
    expect(comparison.missing).toEqual([{ name: 'output.bias', shape: [2] }]);
    expect(comparison.extra).toEqual([{ name: 'dropout.mask', shape: [5] }]);
    expect(comparison.misShaped).toEqual([{ name: 'hidden.weight', expected: [5, 3], actual: [5, 4] }]);
  });

  it('explains a tied head the file stores once, under the embedding', () => {
    const comparison = compareWithModel([tensor('embed.weight', [6, 4])], new TinyTiedLM());
    expect(comparison.tied).toEqual([{ name: 'head.weight', storedAs: 'embed.weight' }]);
    expect(comparison.missing).toEqual([]);
  });

  it('says a tied matrix stored under both names is stored twice', () => {
    const comparison = compareWithModel([tensor('embed.weight', [6, 4]), tensor('head.weight', [6, 4])], new TinyTiedLM());
    expect(comparison.storedTwice).toEqual([{ name: 'head.weight', alsoAs: 'embed.weight' }]);
    expect(comparison.matching).toBe(2);
  });

  it('compares a GPTQ layer as the weight it stands for, and finds a packed weight of the wrong shape', () => {
    // Linear(64 → 16), 4-bit in groups of 32: qweight [8, 16], qzeros [2, 2], scales [2, 16], g_idx [64].
    const gptq = (inputs: number) => [
      tensor('hidden.qweight', [inputs / 8, 16], 'q.safetensors', 'I32'),
      tensor('hidden.qzeros', [inputs / 32, 2], 'q.safetensors', 'I32'),
      tensor('hidden.scales', [inputs / 32, 16], 'q.safetensors', 'F16'),
      tensor('hidden.g_idx', [inputs], 'q.safetensors', 'I32'),
      tensor('hidden.bias', [16]),
      tensor('output.weight', [2, 16]),
      tensor('output.bias', [2]),
    ];
    const model = new SimpleNN(64, 16, 2);
    const comparison = compareWithModel(unpack(gptq(64)).parameters, model);
    expect(comparison).toMatchObject({ matching: 4, missing: [], extra: [], misShaped: [] });
    expect(comparison.packed).toEqual([{ name: 'hidden.weight', layout: 'gptq', storedAs: 'hidden.qweight' }]);
    expect(compareWithModel(unpack(gptq(128)).parameters, model).misShaped).toEqual([{ name: 'hidden.weight', expected: [16, 64], actual: [16, 128] }]);
  });

  it('names the tensors of an MTP layer past num_hidden_layers and of a vision tower, instead of calling them extra', () => {
    const tensors = [
      tensor('model.layers.2.eh_proj.weight', [4, 8]),
      tensor('vision_tower.blocks.0.attn.qkv.weight', [12, 4]),
      tensor('multi_modal_projector.linear.weight', [4, 4]),
      tensor('model.layers.1.stray.weight', [1]),
    ];
    const comparison = compareWithModel(tensors, new SimpleNN(3, 5, 2), { layers: 2 });
    expect(comparison.parts.map((p) => [p.name, p.part])).toEqual([
      ['model.layers.2.eh_proj.weight', 'mtp'],
      ['vision_tower.blocks.0.attn.qkv.weight', 'vision'],
      ['multi_modal_projector.linear.weight', 'vision'],
    ]);
    expect(comparison.extra).toEqual([{ name: 'model.layers.1.stray.weight', shape: [1] }]);
  });
});
