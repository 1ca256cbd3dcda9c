// Lesson 7 states its figures in numbers and in words ("more than half", "a ninth", "the 685B").
// Both languages' pages read the numbers from content/figures/lesson-7.ts; these tests check that
// module against the library and against real PyTorch's counts (tests/fixtures/pytorch-llm-2026.json,
// and pytorch-llm.json for Mixtral), and the words in both languages.
import { readFileSync } from 'node:fs';
import { countParameters, kvCacheMemory, modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import {
  deepseekActive, deepseekByHand, deepseekByHandTotal, deepseekFigures, deepseekV3Config, eScoreCorrectionBias, exercises,
  fp8ScaleInv, gptOss20bConfig, gptOssFigures, headline, hubTotal, memory, mtpLayer, shareConfigs, shares,
} from '../../content/figures/lesson-7.ts';
import older from '../fixtures/pytorch-llm.json' with { type: 'json' };
import pytorch from '../fixtures/pytorch-llm-2026.json' with { type: 'json' };

const page = (path: string) => readFileSync(new URL(`../../content/docs/${path}`, import.meta.url), 'utf8');
const en = page('lessons/07-counting-the-frontier.mdx');
const zh = page('zh-cn/lessons/07-counting-the-frontier.mdx');
type Fixture = (typeof pytorch.models)['deepseek-v3'];
const fixture = (id: string) => (pytorch.models as unknown as Record<string, Fixture>)[id];
const ids: Record<string, string> = {
  'Qwen3-30B-A3B': 'qwen3-30b-a3b',
  'gpt-oss-20b': 'gpt-oss-20b',
  'Llama-4-Scout-17B-16E': 'llama-4-scout-17b-16e',
  'GLM-4.5-Air': 'glm-4.5-air',
  'DeepSeek-V3': 'deepseek-v3',
  'Kimi K2': 'kimi-k2',
};
const numel = (list: [string, number[]][]) => list.reduce((sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1), 0);

describe('lesson 7 in figures', () => {
  it("builds DeepSeek-V3 and gpt-oss-20b from the configs the fixtures' PyTorch models were built from", () => {
    for (const [config, id] of [[deepseekV3Config, 'deepseek-v3'], [gptOss20bConfig, 'gpt-oss-20b']] as const) {
      const theirs = fixture(id).config as Record<string, unknown>;
      for (const [key, value] of Object.entries(config)) if (key in theirs) expect([key, value]).toEqual([key, theirs[key]]);
    }
  });

  it('reads every figure from the one module in both languages, and has as many cells and twins in each', () => {
    for (const text of [en, zh]) {
      expect(text).toContain("from '/content/figures/lesson-7.ts'");
      expect(text).not.toMatch(/^export const (?!(fmt|pct|billions|conventionOf)\b)/m);
    }
    const count = (text: string, fence: string) => text.split(fence).length - 1;
    expect(count(zh, '```ts cell')).toBe(count(en, '```ts cell'));
    expect(count(zh, '```python twin')).toBe(count(en, '```python twin'));
    expect(count(zh, '<CheckYourself')).toBe(count(en, '<CheckYourself'));
  });

  it("counts DeepSeek-V3 by hand, by the library and by PyTorch alike: 671,026,404,352", () => {
    expect(deepseekFigures.total).toBe(671_026_404_352);
    expect(deepseekFigures.total).toBe(fixture('deepseek-v3').total);
    expect(deepseekByHandTotal).toBe(deepseekFigures.total);
    expect(deepseekFigures.attentionByLibrary).toBe(deepseekFigures.attention);
    expect(deepseekFigures.moeBlockByLibrary).toBe(deepseekFigures.routedExperts + deepseekFigures.sharedExpert + deepseekFigures.router);
    expect(deepseekByHand.dense).toBe(3 * deepseekFigures.denseMlp);
    // Every name and shape of one MoE layer's attention, as the fixture lists them.
    const moeLayer = (fixture('deepseek-v3').layers as unknown as Record<string, { parameters: [string, number[]][] }>).moe.parameters;
    const attention = moeLayer.filter(([name]) => name.includes('.self_attn.'));
    expect(numel(attention)).toBe(deepseekFigures.attention);
  });

  it('finds MLA well under full attention of the same heads, o_proj more than half of it, experts a ninth of the dense MLP', () => {
    expect(deepseekFigures.attention).toBeLessThan(deepseekFigures.fullAttention / 3);
    expect(deepseekFigures.mla.o_proj).toBeGreaterThan(deepseekFigures.attention / 2);
    expect(9 * deepseekV3Config.moe_intermediate_size).toBe(deepseekV3Config.intermediate_size);
    expect(deepseekFigures.expertsShare).toBeGreaterThan(0.97);
  });

  it('gives the active counts of each convention as PyTorch does, and the vendors\' 37B and 36.6B', () => {
    const theirs = fixture('deepseek-v3').active;
    expect(deepseekActive.withInputEmbedding).toBe(theirs.with_input_embedding);
    expect(deepseekActive.withoutInputEmbedding).toBe(theirs.without_input_embedding);
    expect(deepseekActive.withoutInputEmbeddingOrHead).toBe(theirs.without_input_embedding_or_head);
    expect(Math.round(deepseekActive.withoutInputEmbedding / 1e9)).toBe(37);
    expect((deepseekActive.withoutInputEmbedding / 1e9).toFixed(1)).toBe('36.6');
    expect((deepseekFigures.head / 1e9).toFixed(1)).toBe('0.9');
  });

  it("adds the MTP layer, the correction biases and the FP8 scales up to the Hub's exact total, 685B rounded", () => {
    const extras = fixture('deepseek-v3').checkpoint_only;
    expect(mtpLayer).toBe(extras.mtp);
    expect(mtpLayer).toBe(numel(fixture('deepseek-v3').checkpoint_only_parameters.mtp as unknown as [string, number[]][]));
    expect(eScoreCorrectionBias).toBe(extras.e_score_correction_bias);
    expect(eScoreCorrectionBias).toBe(numel(fixture('deepseek-v3').buffers as unknown as [string, number[]][]) + deepseekV3Config.n_routed_experts);
    expect(fp8ScaleInv).toBe(extras.fp8_weight_scale_inv);
    const hub = fixture('deepseek-v3').published.find((p) => p.counts === 'checkpoint')!.figure as number;
    expect(hubTotal).toBe(hub);
    expect(Math.round(hubTotal / 1e9)).toBe(685);
    expect(fixture('deepseek-v3').checkpoint_only_parameters.mtp[0][0]).toMatch(/^model\.layers\.61\./);
  });

  it("counts gpt-oss-20b's stacked experts, sinks and router bias as PyTorch does, OpenAI's 20.91B and 3.61B", () => {
    const theirs = fixture('gpt-oss-20b');
    expect(gptOssFigures.total).toBe(theirs.total);
    expect(gptOssFigures.active.withoutInputEmbedding).toBe(theirs.active.without_input_embedding);
    expect(gptOssFigures.active.withInputEmbedding).toBe(theirs.active.with_input_embedding);
    expect((gptOssFigures.total / 1e9).toFixed(2)).toBe('20.91');
    expect((gptOssFigures.active.withoutInputEmbedding / 1e9).toFixed(2)).toBe('3.61');
    expect(gptOssFigures.sinks).toBe(gptOss20bConfig.num_attention_heads);
    expect(gptOssFigures.router).toBe(32 * 2880 + 32);
    expect(gptOssFigures.slidingLayers).toBe(gptOss20bConfig.num_hidden_layers / 2);
    const layer = (Object.values(theirs.layers)[0] as unknown as { parameters: [string, number[]][] }).parameters;
    expect(layer).toContainEqual(['model.layers.0.mlp.experts.gate_up_proj', [32, 2880, 5760]]);
    expect(layer).toContainEqual(['model.layers.0.mlp.experts.down_proj', [32, 2880, 2880]]);
    expect(gptOssFigures.experts).toBe(numel(layer.filter(([name]) => name.includes('.mlp.experts.'))));
    // A window is a rule, not a tensor: the same config without it counts the same.
    const { sliding_window: _, ...windowless } = gptOss20bConfig;
    expect(countParameters(modelFromConfig({ ...windowless, layer_types: Array(24).fill('full_attention') }))).toBe(gptOssFigures.total);
  });

  it('falls from about 28% of Mixtral to about 5.5% of DeepSeek-V3 and less for Kimi K2, each under its own convention', () => {
    expect(shares.map((s) => s.name)).toEqual(shareConfigs.map(([name]) => name));
    const key = (s: (typeof shares)[number]) =>
      s.convention.inputEmbedding ? 'with_input_embedding' : s.convention.outputHead ? 'without_input_embedding' : 'without_input_embedding_or_head';
    for (const s of shares) {
      if (s.name === 'Mixtral 8x7B') {
        expect([s.total, s.active]).toEqual([older.models['Mixtral-8x7B-v0.1'].total, older.models['Mixtral-8x7B-v0.1'].active]);
        continue;
      }
      const theirs = fixture(ids[s.name]);
      expect([s.name, s.total]).toEqual([s.name, theirs.total]);
      expect([s.name, s.active]).toEqual([s.name, (theirs.active as Record<string, number>)[key(s)]]);
      // The convention the fixture records for the vendor's own figure.
      expect([s.name, key(s)]).toEqual([s.name, theirs.published_active[0].convention]);
    }
    expect(Math.round(100 * headline.mixtral.share)).toBe(28);
    expect((100 * headline.deepseek.share).toFixed(1)).toBe('5.5');
    expect(shares.at(-1)!.share).toBeLessThan(headline.deepseek.share);
    // Meta's 109B counts the vision tower; the language model is less.
    expect(Math.round(fixture('llama-4-scout-17b-16e').published_total as number / 1e9)).toBe(109);
    expect(shares[3].total).toBeLessThan(108e9);
  });

  it('caches 576 values per layer and token with MLA against 40,960, and sizes the weights by the total', () => {
    const [latent] = kvCacheMemory(modelFromConfig(deepseekV3Config), { tokens: 1 }).groups;
    expect(latent.valuesPerToken).toBe(576);
    expect(memory.latentValues).toBe(576);
    expect(latent.decompressedValuesPerToken).toBe(40_960);
    expect(memory.decompressedValues).toBe(40_960);
    expect(memory.bfloat16).toBe(2 * deepseekFigures.total);
    expect(memory.float8).toBe(deepseekFigures.total);
    expect(exercises.memory.right).toBe(deepseekFigures.total);
  });

  it("names real mistakes in the exercises: each wrong count differs from the right one", () => {
    for (const answers of Object.values(exercises)) {
      const counts = Object.values(answers);
      expect(new Set(counts).size).toBe(counts.length);
    }
    expect(exercises.kvBProj.right).toBe(512 * 128 * 256);
    expect(exercises.moeLayer.right).toBe(deepseekFigures.moeBlockByLibrary);
  });
});
