// A checkpoint compared with its config's model names the multi-token-prediction tensors its
// family record knows it carries, instead of calling them extra.
import { modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import { compareWithModel } from '../../src/checkpoint/compare.ts';
import type { TensorInfo } from '../../src/checkpoint/tensor-info.ts';
import pytorch from '../fixtures/pytorch-llm-2026.json';

const tiny = (id: keyof typeof pytorch.tiny) => pytorch.tiny[id];
const asFile = (entries: [string, number[]][]): TensorInfo[] =>
  entries.map(([name, shape]) => ({ name, dtype: 'BF16', shape, elements: shape.reduce((a, b) => a * b, 1), file: 'model.safetensors' }));

describe('an MTP layer in a checkpoint', () => {
  it("is named as Qwen3-Next's mtp block, which its record knows, not as extra", () => {
    const { config, parameters } = tiny('qwen3_next with full_attention_interval 2 and mlp_only_layers');
    const model = modelFromConfig(config as Record<string, unknown>);
    const file = asFile([...(parameters as [string, number[]][]), ['mtp.fc.weight', [16, 32]], ['mtp.norm.weight', [16]]]);
    const comparison = compareWithModel(file, model);
    expect(comparison.extra).toEqual([]);
    expect(comparison.parts.map((p) => [p.name, p.part])).toEqual([['mtp.fc.weight', 'mtp'], ['mtp.norm.weight', 'mtp']]);
    expect(comparison.matching).toBe(parameters.length);
  });

  it('leaves a tensor no record names as extra', () => {
    const { config, parameters } = tiny('qwen3_next with full_attention_interval 2 and mlp_only_layers');
    const file = asFile([...(parameters as [string, number[]][]), ['model.extra_scale', [1]]]);
    expect(compareWithModel(file, modelFromConfig(config as Record<string, unknown>)).extra).toEqual([{ name: 'model.extra_scale', shape: [1] }]);
  });
});
