// Lesson 6 states its figures in numbers and in words ("nearly two thirds", "within a percent",
// "half a MiB"). Both languages' pages read the numbers from content/figures/lesson-6.ts; these
// tests check that module against the library, against real PyTorch's counts
// (tests/fixtures/pytorch-llm.json), and the words in both languages.
import { readFileSync } from 'node:fs';
import { countParameters, modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import {
  bertConfig, bertFigures, exercises, gpt2Figures, kvCache, llama2Config, llama2Figures, llama3Figures, lora, mistralConfig,
  mistralFigures, mixtralFigures, models, qwenConfig, qwenFigures, rules, sumOf,
} from '../../content/figures/lesson-6.ts';
import pytorch from '../fixtures/pytorch-llm.json' with { type: 'json' };

const page = (path: string) => readFileSync(new URL(`../../content/docs/${path}`, import.meta.url), 'utf8');
const en = page('lessons/06-counting-a-large-language-model.mdx');
const zh = page('zh-cn/lessons/06-counting-a-large-language-model.mdx');
const d = 4096;
const GiB = 2 ** 30;
const published = (name: keyof typeof pytorch.models) => pytorch.models[name];

describe('lesson 6 in words', () => {
  it("builds its models from the published config.json sizes, as the fixtures' real PyTorch models were", () => {
    const sizes = (config: object, keys: Record<string, unknown>) => Object.fromEntries(Object.keys(keys).filter((k) => k in config).map((k) => [k, (config as Record<string, unknown>)[k]]));
    for (const [config, name] of [[llama2Config, 'Llama-2-7B'], [mistralConfig, 'Mistral-7B-v0.1'], [qwenConfig, 'Qwen2.5-0.5B'], [bertConfig, 'BERT-base']] as const) {
      const theirs = published(name).config;
      expect(sizes(config, theirs)).toEqual(sizes(theirs, config));
    }
  });

  it('reads every figure from the one module in both languages', () => {
    for (const text of [en, zh]) {
      expect(text).toContain("from '/content/figures/lesson-6.ts'");
      expect(text).not.toMatch(/^export const (?!fmt\b)/m);
    }
  });

  it('counts Llama-2-7B, Llama-3-8B and Mixtral as PyTorch builds them from the same configs', () => {
    expect(llama2Figures.total).toBe(published('Llama-2-7B').total);
    expect(llama3Figures.total).toBe(published('Llama-3-8B').total);
    expect(mixtralFigures.total).toBe(published('Mixtral-8x7B-v0.1').total);
    expect(mixtralFigures.active).toBe(published('Mixtral-8x7B-v0.1').active);
    expect(llama2Figures.embedTokens + 32 * llama2Figures.layer.total + llama2Figures.finalNorm + llama2Figures.lmHead).toBe(llama2Figures.total);
  });

  it('rounds ⅔ · 4d up to a multiple of 256 to get 11,008, keeping the MLP within a percent of 8d²', () => {
    expect(Math.ceil((2 / 3) * 4 * d / 256) * 256).toBe(llama2Config.intermediate_size);
    expect(Math.abs(llama2Figures.layer.mlp / rules.mlpEightDSquared - 1)).toBeLessThan(0.01);
  });

  it('finds the MLPs nearly two thirds of Llama-2-7B', () => {
    const share = llama2Figures.mlps / llama2Figures.total;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(2 / 3);
    expect(en).toContain('Nearly two thirds of the model is MLP');
    expect(zh).toContain('模型将近三分之二是 MLP');
  });

  it('holds 12 · L · d² to the non-embedding count within a percent for GPT-2 and Llama-2, not Llama-3', () => {
    expect(Math.abs(gpt2Figures.nonEmbedding / rules.gpt2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(llama2Figures.nonEmbedding / rules.llama - 1)).toBeLessThan(0.01);
    // Llama-3: attention 2.5d², MLP 10.5d², so 13d² per layer besides its norms.
    expect(llama3Figures.layer.attention).toBe(2.5 * d ** 2);
    expect(llama3Figures.layer.mlp).toBe(10.5 * d ** 2);
  });

  it("gives nanoGPT's 123.65M for GPT-2 small without its position embedding", () => {
    expect((gpt2Figures.nanoGPT / 1e6).toFixed(2)).toBe('123.65');
  });

  it("rounds Mixtral to Mistral AI's 46.7B total and 12.9B active, more than a quarter active", () => {
    expect((mixtralFigures.total / 1e9).toFixed(1)).toBe('46.7');
    expect((mixtralFigures.active / 1e9).toFixed(1)).toBe('12.9');
    expect(mixtralFigures.active / mixtralFigures.total).toBeGreaterThan(0.25);
  });

  it('puts Llama-2-7B at about 13.5 GB in bfloat16 and past 80 GiB to train with Adam', () => {
    expect((llama2Figures.bfloat16Bytes / 1e9).toFixed(1)).toBe('13.5');
    expect(llama2Figures.adamMixedPrecisionBytes).toBeGreaterThan(80 * GiB);
  });

  it('caches half a MiB per token for Llama-2-7B, and twice the context in half the memory for Llama-3-8B', () => {
    expect(kvCache.llama2.bytesPerToken).toBe(2 ** 20 / 2);
    expect(kvCache.llama3.tokens).toBe(2 * kvCache.llama2.tokens);
    expect(kvCache.llama3.bytes).toBe(kvCache.llama2.bytes / 2);
    expect(exercises.kvBatch.right * 2).toBe(16 * GiB);
  });

  it("prints LoRA's share of Llama-2-7B as PEFT's print_trainable_parameters does, to four decimals", () => {
    expect(lora.total).toBe(llama2Figures.total + lora.trainable);
    expect(lora.percentage.toFixed(4)).toBe('0.0622');
  });
});

describe('Mistral, Qwen and BERT', () => {
  it("counts Mistral-7B as PyTorch does, exactly a same-sized Llama's count: the window adds nothing", () => {
    expect(mistralFigures.total).toBe(published('Mistral-7B-v0.1').total);
    expect(mistralFigures.sameSizedLlama).toBe(mistralFigures.total);
    expect(exercises.slidingWindow.right).toBe(0);
    expect(mistralConfig.sliding_window).toBe(4096);
  });

  it("counts Qwen2.5-0.5B's 494,032,768 with its q, k, v biases and a tied head, the 0.49B of its card", () => {
    expect(qwenFigures.total).toBe(494_032_768);
    expect(qwenFigures.total).toBe(published('Qwen2.5-0.5B').total);
    expect((qwenFigures.total / 1e9).toFixed(2)).toBe('0.49');
    const headDim = qwenConfig.hidden_size / qwenConfig.num_attention_heads;
    expect(qwenFigures.qkvBiasesPerLayer).toBe(qwenConfig.hidden_size + 2 * qwenConfig.num_key_value_heads * headDim);
    expect(qwenFigures.qkvBiasesPerLayer).toBe(896 + 128 + 128);
    expect(qwenFigures.qkvBiases).toBe(qwenConfig.num_hidden_layers * qwenFigures.qkvBiasesPerLayer);
    // Untied, the same model would hold a second vocabulary-sized matrix.
    const untied = modelFromConfig({ ...qwenConfig, tie_word_embeddings: false });
    expect(countParameters(untied) - qwenFigures.total).toBe(qwenFigures.untiedHead);
    expect(qwenFigures.untiedHead).toBe(qwenFigures.embedTokens);
    expect((published('Qwen2.5-7B').config as { tie_word_embeddings?: boolean }).tie_word_embeddings).toBe(false);
  });

  it("counts BERT-base's 109,482,240: three embedding tables and a LayerNorm, 12 GPT-2-sized layers, the pooler", () => {
    expect(bertFigures.total).toBe(109_482_240);
    expect(bertFigures.total).toBe(published('BERT-base').total);
    expect(bertFigures.wordEmbeddings).toBe(bertConfig.vocab_size * 768);
    expect(bertFigures.positionEmbeddings).toBe(bertConfig.max_position_embeddings * 768);
    expect(bertFigures.segmentEmbeddings).toBe(bertConfig.type_vocab_size * 768);
    expect(bertFigures.embeddings).toBe(bertFigures.wordEmbeddings + bertFigures.positionEmbeddings + bertFigures.segmentEmbeddings + 2 * 768);
    expect(bertFigures.layer).toBe(sumOf(models.gpt2, /\.h\.0\./));
    expect(bertFigures.pooler).toBe(768 * 768 + 768);
    expect(bertFigures.embeddings + 12 * bertFigures.layer + bertFigures.pooler).toBe(bertFigures.total);
  });
});
