// Lesson 6 states some of its figures in words ("nearly two thirds", "within a percent",
// "half a MiB"). These tests compute each one with the library from the same configs the page
// uses (the models' published config.json values) and check the words in both languages.
import { readFileSync } from 'node:fs';
import { countActiveParameters, countParameters, kvCacheMemory, loraParameters, type Module, modelFromConfig, trainingMemory, weightMemory } from 'lib';
import { describe, expect, it } from 'vitest';

const page = (path: string) => readFileSync(new URL(`../../content/docs/${path}`, import.meta.url), 'utf8');
const en = page('lessons/06-counting-a-large-language-model.mdx');
const zh = page('zh-cn/lessons/06-counting-a-large-language-model.mdx');

const sumOf = (model: Module, pattern: RegExp) =>
  [...model.namedParameters()].filter(([name]) => pattern.test(name)).reduce((sum, [, p]) => sum + p.numel(), 0);
const llama2Config = {
  model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32,
  num_attention_heads: 32, num_key_value_heads: 32, vocab_size: 32000, tie_word_embeddings: false,
};
const llama3Config = { ...llama2Config, intermediate_size: 14336, num_key_value_heads: 8, vocab_size: 128256 };
const mixtralConfig = { ...llama3Config, model_type: 'mixtral', vocab_size: 32000, num_local_experts: 8, num_experts_per_tok: 2 };
const llama2 = modelFromConfig(llama2Config);
const llama3 = modelFromConfig(llama3Config);
const mixtral = modelFromConfig(mixtralConfig);
const gpt2 = modelFromConfig({ model_type: 'gpt2', vocab_size: 50257, n_positions: 1024, n_embd: 768, n_layer: 12, n_head: 12 });
const nonEmbedding = (model: Module) => countParameters(model) - sumOf(model, /embed_tokens|lm_head|wte|wpe/);
const d = 4096;
const GiB = 2 ** 30;

describe('lesson 6 in words', () => {
  it('states its configs as the page does', () => {
    for (const text of [en, zh]) {
      expect(text).toContain('hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32');
      expect(text).toContain("intermediate_size: 14336, num_key_value_heads: 8, vocab_size: 128256");
    }
  });

  it('rounds ⅔ · 4d up to a multiple of 256 to get 11,008, keeping the MLP within a percent of 8d²', () => {
    expect(Math.ceil((2 / 3) * 4 * d / 256) * 256).toBe(llama2Config.intermediate_size);
    expect(Math.abs(sumOf(llama2, /layers\.0\.mlp/) / (8 * d ** 2) - 1)).toBeLessThan(0.01);
  });

  it('finds the MLPs nearly two thirds of Llama-2-7B', () => {
    const share = sumOf(llama2, /mlp/) / countParameters(llama2);
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(2 / 3);
    expect(en).toContain('Nearly two thirds of the model is MLP');
    expect(zh).toContain('模型将近三分之二是 MLP');
  });

  it('holds 12 · L · d² to the non-embedding count within a percent for GPT-2 and Llama-2, not Llama-3', () => {
    expect(Math.abs(nonEmbedding(gpt2) / (12 * 12 * 768 ** 2) - 1)).toBeLessThan(0.01);
    expect(Math.abs(nonEmbedding(llama2) / (12 * 32 * d ** 2) - 1)).toBeLessThan(0.01);
    // Llama-3: attention 2.5d², MLP 10.5d², so 13d² per layer besides its norms.
    expect(sumOf(llama3, /layers\.0\.self_attn/)).toBe(2.5 * d ** 2);
    expect(sumOf(llama3, /layers\.0\.mlp/)).toBe(10.5 * d ** 2);
  });

  it("gives nanoGPT's 123.65M for GPT-2 small without its position embedding", () => {
    expect(((countParameters(gpt2) - sumOf(gpt2, /wpe/)) / 1e6).toFixed(2)).toBe('123.65');
  });

  it("rounds Mixtral to Mistral AI's 46.7B total and 12.9B active, more than a quarter active", () => {
    const [total, active] = [countParameters(mixtral), countActiveParameters(mixtral)];
    expect((total / 1e9).toFixed(1)).toBe('46.7');
    expect((active / 1e9).toFixed(1)).toBe('12.9');
    expect(active / total).toBeGreaterThan(0.25);
  });

  it('puts Llama-2-7B at about 13.5 GB in bfloat16 and past 80 GiB to train with Adam', () => {
    expect((weightMemory(llama2, 'bfloat16').bytes / 1e9).toFixed(1)).toBe('13.5');
    expect(trainingMemory(llama2, 'adam-mixed-precision').bytes).toBeGreaterThan(80 * GiB);
  });

  it('caches half a MiB per token for Llama-2-7B, and twice the context in half the memory for Llama-3-8B', () => {
    const [kv2, kv3] = [kvCacheMemory(llama2, { tokens: 4096 }), kvCacheMemory(llama3, { tokens: 8192 })];
    expect(kv2.bytesPerToken).toBe(2 ** 20 / 2);
    expect(kv3.bytes).toBe(kv2.bytes / 2);
    expect(kvCacheMemory(llama2, { tokens: 4096, batch: 8 }).bytes).toBe(16 * GiB);
  });

  it("prints LoRA's share of Llama-2-7B as PEFT's print_trainable_parameters does, to four decimals", () => {
    const lora = loraParameters(llama2, { r: 8, targetModules: ['q_proj', 'v_proj'] });
    expect(lora.total).toBe(countParameters(llama2) + lora.trainable);
    expect(lora.percentage.toFixed(4)).toBe('0.0622');
  });
});
