import { readFileSync } from 'node:fs';
import { ConfigError, countParameters, FAMILIES, familyOf, modelFromConfig, partOf, SUPPORTED_MODEL_TYPES } from 'lib';
import { describe, expect, it } from 'vitest';
import { configErrorText } from '../../src/count/config-error-text.ts';
import { DEFAULT_STATE, stateFromHash, stateToHash } from '../../src/count/count-state.ts';
import { modelReport } from '../../src/count/model-report.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { presetById, PRESETS } from '../../src/count/presets.ts';
import { COUNT_STRINGS, type CountText } from '../../src/components/CountYourModel/ui-strings.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';

type Fixture = { models: Record<string, { config: Record<string, unknown>; total: number; active: unknown }> };
const readFixture = (file: string): Fixture => JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
const fixture = readFixture('pytorch-llm.json');
/** The 2026 families, by preset id. */
const fixture2026 = readFixture('pytorch-llm-2026.json');
const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
const format = numberFormats('en');
const report = (id: string, state = DEFAULT_STATE) => {
  const preset = presetById(id)!;
  return modelReport(preset.config, preset.name, state, text, format);
};
/** The rows of the section titled `title`, table `index`. */
const rows = (id: string, title: string, index = 0, state = DEFAULT_STATE) =>
  report(id, state).sections.find((s) => s.title === title)!.tables[index]!.rows;

describe('the presets', () => {
  it.each(PRESETS.map((preset) => [preset.name, preset] as const))('%s is the config the PyTorch fixture was built from, and counts as it does', (name, preset) => {
    const expected = fixture.models[name] ?? fixture2026.models[preset.id]!;
    expect(preset.config).toEqual(expected.config);
    expect(countParameters(modelFromConfig({ ...preset.config }), { trainableOnly: false })).toBe(expected.total);
  });

  it('has a preset for every family the library builds', () => {
    const families = new Set(PRESETS.map((preset) => familyOf(String(preset.config.model_type))));
    expect(FAMILIES.filter((family) => !families.has(family)).map((family) => family.name)).toEqual([]);
  });
});

describe('a model report', () => {
  it('counts Llama-2-7B exactly: total, trainable and active', () => {
    const table = rows('llama-2-7b', 'Parameters of Llama-2-7B');
    expect(table.slice(0, 3).map((row) => row[1])).toEqual(['6,738,415,616', '6,738,415,616', '6,738,415,616']);
  });

  it("shows Mixtral's active parameters below its total", () => {
    const [total, , active] = rows('mixtral-8x7b', 'Parameters of Mixtral-8x7B-v0.1');
    expect(active![1]).toBe(format.count(fixture.models['Mixtral-8x7B-v0.1']!.active as number));
    expect(Number(total![1]!.replace(/,/g, ''))).toBeGreaterThan(Number(active![1]!.replace(/,/g, '')));
  });

  it('splits the count into components that add up to the total, and names the tied head', () => {
    const qwen = report('qwen2.5-0.5b');
    const components = qwen.sections.find((s) => s.title === 'By component')!;
    const sum = components.tables[0]!.rows.reduce((total, row) => total + Number(row[1]!.replace(/,/g, '')), 0);
    expect(sum).toBe(countParameters(qwen.model, { trainableOnly: false }));
    expect(components.notes).toEqual(['lm_head.weight is model.embed_tokens.weight (tied weights): one matrix, counted once.']);
  });

  it('gives PEFT’s 4,194,304 LoRA parameters for Llama-2-7B with r = 8 on q_proj and v_proj', () => {
    const lora = rows('llama-2-7b', 'LoRA');
    expect(lora[0]![1]).toBe('4,194,304');
  });

  it('puts Llama-2-7B in bfloat16 at about 13.5 GB, and its KV cache at 512 KiB per token', () => {
    expect(rows('llama-2-7b', 'Memory', 0)[1]).toEqual(['bfloat16 / float16', '13.48 GB']);
    // 2 · 32 layers · 32 heads · 128 · 2 bytes
    expect(rows('llama-2-7b', 'Memory', 1)[0]![1]).toBe(`${format.count(2 * 32 * 32 * 128 * 2)} B`);
  });

  it('gives a mixture of experts its active count under its vendor’s convention, and sizes memory by the total', () => {
    const [, , active, withoutEmbedding] = rows('deepseek-v3', 'Parameters of DeepSeek-V3');
    expect([active![1], withoutEmbedding![1]]).toEqual(['37,552,282,624', '36,625,603,584']);
    const notes = report('deepseek-v3').sections[0]!.notes;
    expect(notes).toContain(text['convention.withoutEmbedding'].replace('{{vendor}}', 'DeepSeek'));
    const glm = rows('glm-4.5-air', 'Parameters of GLM-4.5-Air').map((row) => row[0]);
    expect(glm).toContain(text.activeWithoutEmbeddingAndHead);
    expect(rows('deepseek-v3', 'Memory', 0)[1]).toEqual(['bfloat16 / float16', format.gigabytes(2 * 671_026_404_352)]);
  });

  it('counts the language model of a multimodal config and says the vision tower is not counted', () => {
    const scout = presetById('llama-4-scout-17b-16e')!.config;
    const multimodal = modelReport({ model_type: 'llama4', text_config: scout, vision_config: { hidden_size: 1408 } }, 'Llama 4 Scout', DEFAULT_STATE, text, format);
    const [total] = multimodal.sections[0]!.tables[0]!.rows;
    expect(total![1]).toBe('107,769,861,120');
    expect(multimodal.sections[0]!.notes[0]).toBe(text.notCounted.replace('{{keys}}', 'vision_config'));
    expect(multimodal.modelType).toBe('llama4_text');
  });

  it('sorts DeepSeek-V3 into parts, its experts counted as a whole', () => {
    const components = report('deepseek-v3').sections.find((s) => s.title === 'By component')!.tables[0]!.rows;
    const byName = Object.fromEntries(components.map(([name, n]) => [name, Number(n!.replace(/,/g, ''))]));
    // 58 MoE layers × 256 experts × 3 · 7168 · 2048 weights.
    expect(byName[text['component.experts']]).toBe(58 * 256 * 3 * 7168 * 2048);
    expect(byName[text['component.router']]).toBe(58 * 256 * 7168);
    expect(Object.values(byName).reduce((a, b) => a + b, 0)).toBe(671_026_404_352);
  });

  it('says an encoder keeps no KV cache instead of failing', () => {
    const memory = report('bert-base').sections.find((s) => s.title === 'Memory')!;
    expect(memory.notes).toContain(text.kvNone);
  });

  it('knows where a parameter of each family belongs', () => {
    const classify = (id: string, name: string) => {
      const { model } = report(id);
      expect(model.stateDict().has(name)).toBe(true);
      return partOf(model, name);
    };
    expect(classify('mixtral-8x7b', 'model.layers.0.block_sparse_moe.gate.weight')).toBe('router');
    expect(classify('mixtral-8x7b', 'model.layers.0.block_sparse_moe.experts.0.w1.weight')).toBe('experts');
    expect(classify('gpt2', 'transformer.h.0.attn.c_attn.weight')).toBe('attention');
    expect(classify('gpt2', 'transformer.ln_f.weight')).toBe('norms');
    expect(classify('bert-base', 'encoder.layer.0.output.dense.weight')).toBe('mlp');
    expect(classify('bert-base', 'encoder.layer.0.attention.output.LayerNorm.weight')).toBe('norms');
    expect(classify('bert-base', 'pooler.dense.weight')).toBe('head');
  });
});

describe('the address of a calculation', () => {
  it('brings back a pasted config and every input', () => {
    const state = { ...DEFAULT_STATE, preset: '', config: '{"model_type":"llama","名":"ü"}', repo: 'me/tiny', batch: 4, tokens: 32768, kvDtype: 'int8', rank: 16, targets: ['q_proj', 'o_proj'] };
    expect(stateFromHash(stateToHash(state))).toEqual(state);
  });

  it('falls back to the defaults for what it gets wrong, and ignores other hashes', () => {
    expect(stateFromHash('#count?preset=gpt2&batch=-3&r=x')).toEqual({ ...DEFAULT_STATE, preset: 'gpt2' });
    expect(stateFromHash('#lab?width=3')).toBeNull();
  });
});

describe("a config the library refuses, in the page's words", () => {
  const zh = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/zh-CN.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
  const refusal = (config: unknown): ConfigError => {
    try {
      modelFromConfig(config as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ConfigError) return error;
    }
    throw new Error('modelFromConfig did not refuse the config with a ConfigError');
  };
  const llama = presetById('llama-2-7b')!.config;

  it.each([
    [{ ...llama, hidden_size: '4096' }, '"hidden_size" must be a positive integer, not "4096".', '"hidden_size" 必须是正整数，而不是 "4096"。'],
    [{ ...llama, model_type: undefined }, `The config has no "model_type"; this page builds ${SUPPORTED_MODEL_TYPES.join(', ')}.`, `配置中没有 "model_type"；本页能构建的有：${SUPPORTED_MODEL_TYPES.join(', ')}。`],
    [{ ...llama, vocab_size: 1e300 }, '"vocab_size" (1e+300) is beyond any real model; this page counts at most 16777216.', '"vocab_size"（1e+300）超出了任何真实模型；本页最多计算 16777216。'],
    [{ ...llama, hidden_size: 2 ** 24, intermediate_size: 2 ** 24, num_attention_heads: 1, num_key_value_heads: 1, num_hidden_layers: 8 }, 'The count passes 2⁵³, beyond which a JavaScript number no longer holds every integer: it would not be exact, so it is not shown.', '参数量超过 2⁵³：超过它，JavaScript 的数字无法再表示每一个整数，结果不再精确，因此不予显示。'],
    [{ ...presetById('gemma-2-9b')!.config, layer_types: ['full_attention'] }, '"layer_types" has 1 entries; it needs one per layer, "num_hidden_layers" (42).', '"layer_types" 有 1 项；它需要每层一项，即 "num_hidden_layers"（42）项。'],
    [{ ...presetById('gemma-2-9b')!.config, layer_types: 'full_attention' }, '"layer_types" must be a list, not "full_attention".', '"layer_types" 必须是列表，而不是 "full_attention"。'],
    [{ ...presetById('qwen3-next-80b-a3b')!.config, layer_types: Array(48).fill('sliding_attention') }, '"layer_types" holds "sliding_attention"; each entry must be one of linear_attention, full_attention.', '"layer_types" 含有 "sliding_attention"；每一项必须是 linear_attention, full_attention 之一。'],
    [{ ...presetById('deepseek-v3')!.config, n_routed_experts: 4 }, '"num_experts_per_tok" (8) cannot exceed "n_routed_experts" (4).', '"num_experts_per_tok"（8）不能超过 "n_routed_experts"（4）。'],
    [{ ...llama, num_key_value_heads: 5 }, '"num_attention_heads" (32) must be a multiple of "num_key_value_heads" (5).', '"num_attention_heads"（32）必须是 "num_key_value_heads"（5）的整数倍。'],
    [{ ...presetById('gpt2')!.config, add_cross_attention: true }, '"add_cross_attention": true adds parameters that the gpt2 layout here does not build; only false is supported.', '"add_cross_attention" 为 true 时会增加本页 gpt2 结构没有构建的参数；只支持 false。'],
  ])('%# in English and in Chinese', (config, english, chinese) => {
    expect(configErrorText(refusal(config), text)).toBe(english);
    expect(configErrorText(refusal(config), zh)).toBe(chinese);
  });
});
