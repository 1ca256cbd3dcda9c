// The parameter map's tree: its boxes add up to the library's count, the boxes one token lights up
// to the active count by each vendor's convention, and a tied tensor is one box under both names.
import { countActiveParameters, countParameters, isGroup, type ParameterLeaf, parameterTree, type ParameterTree, SimpleNN, modelFromConfig, builtModel } from 'lib';
import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../src/count/presets.ts';

const leaves = (tree: ParameterTree): ParameterLeaf[] => tree.parts.flatMap((p) => p.children.flatMap((c) => (isGroup(c) ? c.children : [c])));
const add = (items: readonly { parameters: number; active: number }[], key: 'parameters' | 'active') => items.reduce((s, n) => s + n[key], 0);

describe('parameterTree', () => {
  it.each(PRESETS.map((p) => [p.name, p.config] as const))('%s: the boxes add up to the count, the lit ones to the active count', (_, config) => {
    const model = modelFromConfig({ ...config });
    const { inputEmbedding, outputHead } = builtModel(model)!.family.active;
    for (const options of [{}, { inputEmbedding, outputHead }]) {
      const tree = parameterTree(model, options);
      expect(add(leaves(tree), 'parameters')).toBe(countParameters(model, { trainableOnly: false }));
      expect(add(leaves(tree), 'active')).toBe(countActiveParameters(model, options));
      expect(tree.parameters).toBe(countParameters(model, { trainableOnly: false }));
    }
  });

  it('draws DeepSeek-V3 as a few dozen boxes: its 58 identical MoE layers as one run, 8 of 256 experts lit', () => {
    const tree = parameterTree(modelFromConfig({ ...presetById('deepseek-v3')!.config }));
    const experts = leaves(tree).filter((l) => l.experts);
    expect(leaves(tree).length).toBeLessThan(60);
    const used = experts.find((l) => l.experts!.used)!;
    expect(used.copies).toBe(58);
    expect(used.name).toBe('model.layers.3–60.mlp.experts');
    expect([used.experts!.count, used.experts!.of]).toEqual([8, 256]);
    expect(used.experts!.tensors).toEqual([['gate_proj.weight', [2048, 7168]], ['up_proj.weight', [2048, 7168]], ['down_proj.weight', [7168, 2048]]]);
    const skipped = experts.find((l) => !l.experts!.used)!;
    expect(skipped.active).toBe(0);
    expect(skipped.parameters).toBe(used.parameters * (248 / 8));
  });

  it('gives gpt-oss stacked experts the same split, one expert per slice of the stacked tensors', () => {
    const tree = parameterTree(modelFromConfig({ ...presetById('gpt-oss-20b')!.config }));
    const used = leaves(tree).find((l) => l.experts?.used)!;
    expect([used.experts!.count, used.experts!.of, used.copies]).toEqual([4, 32, 24]);
    expect(used.experts!.tensors.map(([name]) => name)).toContain('gate_up_proj');
  });

  it('draws a tied head once, under the embedding, naming the head as its second name', () => {
    const model = modelFromConfig({ ...presetById('qwen2.5-0.5b')!.config });
    const all = leaves(parameterTree(model));
    const embedding = all.find((l) => l.name === 'model.embed_tokens.weight')!;
    expect(embedding.alsoNamed).toEqual(['lm_head.weight']);
    expect(all.some((l) => l.name === 'lm_head.weight')).toBe(false);
  });

  it('splits a model built by hand by its top-level modules: SimpleNN(3, 5, 2) into 15 + 5 and 10 + 2', () => {
    const tree = parameterTree(new SimpleNN(3, 5, 2));
    expect(tree.parts.map((p) => [p.part, p.parameters])).toEqual([
      ['hidden', 20],
      ['output', 12],
    ]);
    expect(leaves(tree).map((l) => [l.name, l.shape])).toEqual([
      ['hidden.weight', [5, 3]],
      ['hidden.bias', [5]],
      ['output.weight', [2, 5]],
      ['output.bias', [2]],
    ]);
    expect(tree.parameters).toBe(countParameters(new SimpleNN(3, 5, 2)));
  });

  it('keeps buffers out of the area', () => {
    const model = modelFromConfig({ ...presetById('gpt2')!.config });
    const tree = parameterTree(model);
    expect(tree.buffers.length).toBe([...model.namedBuffers()].length);
    expect(tree.parameters).toBe(countParameters(model, { trainableOnly: false }));
  });
});
