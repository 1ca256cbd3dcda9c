// The 2026 families from their real config.json against PyTorch layouts of the transformers
// modeling code (tests/fixtures/pytorch-llm-2026.json, written by scripts/generate_llm_2026_fixtures.py
// on the meta device): the totals and active counts under each vendor's convention, every name and
// shape of one layer of each kind and of everything outside the layers, the buffers checkpoints
// carry, and every name and shape of a tiny config of each family with every switch set.
import { builtModel, countActiveParameters, countParameters, type Module, modelFromConfig, parameterParts } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-llm-2026.json';

type Shaped = [string, number[]][];
const namesAndShapes = (entries: Iterable<[string, { shape: readonly number[] }]>): Shaped =>
  [...entries].map(([name, tensor]) => [name, [...tensor.shape]]);
const actives = (model: Module) => ({
  with_input_embedding: countActiveParameters(model),
  without_input_embedding: countActiveParameters(model, { inputEmbedding: false }),
  without_input_embedding_or_head: countActiveParameters(model, { inputEmbedding: false, outputHead: false }),
});
const inLayer = (index: number) => (name: string) => name.startsWith(`model.layers.${index}.`);

describe.each(Object.entries(pytorch.models))('%s', (_, expected) => {
  it('counts as PyTorch does: the total and the active count under each convention', () => {
    const model = modelFromConfig(expected.config as Record<string, unknown>);
    expect(countParameters(model)).toBe(expected.total);
    expect(actives(model)).toEqual(expected.active);
  });

  it('names and shapes one layer of each kind, and everything outside the layers, as the checkpoint does', () => {
    const model = modelFromConfig(expected.config as Record<string, unknown>);
    const parameters = namesAndShapes(model.namedParameters());
    for (const layer of Object.values(expected.layers)) {
      expect(parameters.filter(([name]) => inLayer(layer.index)(name))).toEqual(layer.parameters);
    }
    expect(parameters.filter(([name]) => !name.startsWith('model.layers.'))).toEqual(expected.outside_layers);
    expect(namesAndShapes(model.namedBuffers()).filter(([name]) => !name.endsWith('inv_freq'))).toEqual(expected.buffers);
  });
});

describe.each(Object.entries(pytorch.tiny))('tiny %s', (_, expected) => {
  it('names and shapes every parameter in PyTorch order, and counts as PyTorch does', () => {
    const model = modelFromConfig(expected.config as Record<string, unknown>);
    expect(namesAndShapes(model.namedParameters())).toEqual(expected.parameters);
    expect(countParameters(model)).toBe(expected.total);
    expect(actives(model)).toEqual(expected.active);
    const parts = parameterParts(model);
    expect([...parts.parts.values()].reduce((a, b) => a + b, 0)).toBe(expected.total);
  });
});

describe('what a checkpoint carries beyond the model', () => {
  it("knows DeepSeek-V3's and GLM-4.5's multi-token-prediction layer, after the model's own", () => {
    const mtp = (id: 'deepseek-v3' | 'glm-4.5-air') => builtModel(modelFromConfig(pytorch.models[id].config as Record<string, unknown>))!.checkpointExtras;
    expect(mtp('deepseek-v3')).toEqual({ what: 'mtp', prefixes: ['model.layers.61.'] });
    expect(mtp('glm-4.5-air')).toEqual({ what: 'mtp', prefixes: ['model.layers.46.'] });
    expect(builtModel(modelFromConfig(pytorch.models['kimi-k2'].config as Record<string, unknown>))!.checkpointExtras).toBeNull();
  });
});
