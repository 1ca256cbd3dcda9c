// GGUF files named and shaped as llama.cpp's converter writes them (gguf-py's TENSOR_NAMES, each
// shape innermost first, a Mixtral layer's experts stacked expert-outermost), read back, put under
// their Hugging Face names and compared with the model modelFromConfig builds, and the page's
// report of such a file.
import { readFileSync } from 'node:fs';
import { type HFConfig, modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import { compareWithModel } from '../../src/checkpoint/compare.ts';
import { readGgufHeader } from '../../src/checkpoint/gguf.ts';
import { ggufAsHuggingFace } from '../../src/checkpoint/gguf-names.ts';
import { checkpointSections } from '../../src/count/checkpoint-report.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { COUNT_STRINGS, type CountText } from '../../src/components/CountYourModel/ui-strings.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import { ggufBytes, ggufF32 as f32, type GgufTensorSpec } from '../support/checkpoint-files.ts';

/** The same in F16 (GGML type 1). */
const f16 = (name: string, ...ne: number[]): GgufTensorSpec => ({ ...f32(name, ...ne), type: 1, bytes: 2 * ne.reduce((a, b) => a * b, 1) });

const readGguf = (tensors: GgufTensorSpec[]) =>
  readGgufHeader(new Blob([ggufBytes({ 'general.architecture': { type: 'string', value: 'llama' } }, tensors)]), 'model.gguf');

async function compared(config: HFConfig, tensors: GgufTensorSpec[]) {
  const header = await readGguf(tensors);
  const translated = ggufAsHuggingFace(header.tensors, config.model_type as string);
  const model = modelFromConfig(config);
  return { header, translated, comparison: compareWithModel(translated, model), expected: model.stateDict().size };
}

/** A comparison with nothing to report. */
const CLEAN = { matching: 0, missing: [], extra: [], misShaped: [], tied: [], storedTwice: [], packed: [], parts: [] };

const sizes = { vocab_size: 10, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2 };
const TINY_LLAMA = { model_type: 'llama', ...sizes };
const TINY_MIXTRAL = { model_type: 'mixtral', ...sizes, num_local_experts: 4, num_experts_per_tok: 2, tie_word_embeddings: true };
const TINY_QWEN2 = { model_type: 'qwen2', ...sizes, tie_word_embeddings: true };
const TINY_QWEN3 = { model_type: 'qwen3', ...sizes, head_dim: 4 };

/** Layer `n`'s attention and norms: hidden 8, 4 query heads and 2 key-value heads of `headDim`. */
const attention = (n: number, headDim = 2): GgufTensorSpec[] => [
  f32(`blk.${n}.attn_norm.weight`, 8),
  f32(`blk.${n}.attn_q.weight`, 8, 4 * headDim),
  f32(`blk.${n}.attn_k.weight`, 8, 2 * headDim),
  f32(`blk.${n}.attn_v.weight`, 8, 2 * headDim),
  f32(`blk.${n}.attn_output.weight`, 4 * headDim, 8),
  f32(`blk.${n}.ffn_norm.weight`, 8),
];
const mlp = (n: number): GgufTensorSpec[] => [
  f32(`blk.${n}.ffn_gate.weight`, 8, 12),
  f32(`blk.${n}.ffn_up.weight`, 8, 12),
  f32(`blk.${n}.ffn_down.weight`, 12, 8),
];
const embedding = [f32('token_embd.weight', 8, 10), f32('output_norm.weight', 8)];
const head = [f32('output.weight', 8, 10)];

// A Llama 3.1 file: its rope_scaling makes the converter store rope_freqs, head_dim / 2 factors.
const LLAMA_FILE = [...embedding, ...head, f32('rope_freqs.weight', 1), ...[0, 1].flatMap((n) => [...attention(n), ...mlp(n)])];

describe('a GGUF file compared with the model of its config', () => {
  it('llama: every tensor matches under its Hugging Face name and shape, rope_freqs left out', async () => {
    const { header, translated, comparison, expected } = await compared(TINY_LLAMA, LLAMA_FILE);
    expect(comparison).toEqual({ ...CLEAN, matching: expected });
    expect(translated.find((t) => t.name === 'model.layers.1.mlp.down_proj.weight')?.shape).toEqual([8, 12]);
    const sum = (tensors: { elements: number }[]) => tensors.reduce((total, t) => total + t.elements, 0);
    expect(sum(translated)).toBe(sum(header.tensors) - 1);
  });

  it('mixtral: each merged expert tensor becomes one matrix per expert, the tied head explained', async () => {
    // The gate in F16 tells it from the up projection, which has the same shape.
    const experts = (n: number) => [
      f32(`blk.${n}.ffn_gate_inp.weight`, 8, 4),
      f16(`blk.${n}.ffn_gate_exps.weight`, 8, 12, 4),
      f32(`blk.${n}.ffn_down_exps.weight`, 12, 8, 4),
      f32(`blk.${n}.ffn_up_exps.weight`, 8, 12, 4),
    ];
    const { header, translated, comparison, expected } = await compared(TINY_MIXTRAL, [
      ...embedding, ...[0, 1].flatMap((n) => [...attention(n), ...experts(n)]),
    ]);
    expect(comparison).toEqual({
      ...CLEAN, matching: expected - 1,
      tied: [{ name: 'lm_head.weight', storedAs: 'model.embed_tokens.weight' }],
    });
    const layer1 = translated.filter((t) => t.name.startsWith('model.layers.1.block_sparse_moe.experts.3.'));
    const projections = layer1.map((t) => [t.name.split('.').at(-2), t.dtype, t.shape]).sort();
    expect(projections).toEqual([['w1', 'F16', [12, 8]], ['w2', 'F32', [8, 12]], ['w3', 'F32', [12, 8]]]);
    expect(translated.reduce((total, t) => total + t.elements, 0)).toBe(header.tensors.reduce((total, t) => total + t.elements, 0));
  });

  it('mixtral: gate and up fused into ffn_gate_up_exps split back into w1 and w3', async () => {
    const fused = (n: number) => [
      f32(`blk.${n}.ffn_gate_inp.weight`, 8, 4),
      f32(`blk.${n}.ffn_gate_up_exps.weight`, 8, 24, 4),
      f32(`blk.${n}.ffn_down_exps.weight`, 12, 8, 4),
    ];
    const { comparison, expected } = await compared({ ...TINY_MIXTRAL, tie_word_embeddings: false }, [
      ...embedding, ...head, ...[0, 1].flatMap((n) => [...attention(n), ...fused(n)]),
    ]);
    expect(comparison).toEqual({ ...CLEAN, matching: expected });
  });

  it('qwen2: the query, key and value biases match, the tied head explained', async () => {
    const biases = (n: number) => [f32(`blk.${n}.attn_q.bias`, 8), f32(`blk.${n}.attn_k.bias`, 4), f32(`blk.${n}.attn_v.bias`, 4)];
    const { comparison, expected } = await compared(TINY_QWEN2, [
      ...embedding, ...[0, 1].flatMap((n) => [...attention(n), ...biases(n), ...mlp(n)]),
    ]);
    expect(comparison).toEqual({
      ...CLEAN, matching: expected - 1,
      tied: [{ name: 'lm_head.weight', storedAs: 'model.embed_tokens.weight' }],
    });
  });

  it('qwen3: the per-head query and key norms match', async () => {
    const norms = (n: number) => [f32(`blk.${n}.attn_q_norm.weight`, 4), f32(`blk.${n}.attn_k_norm.weight`, 4)];
    const { comparison, expected } = await compared(TINY_QWEN3, [
      ...embedding, ...head, ...[0, 1].flatMap((n) => [...attention(n, 4), ...norms(n), ...mlp(n)]),
    ]);
    expect(comparison).toEqual({ ...CLEAN, matching: expected });
  });

  it('gpt2: Conv1D weights, which the converter transposed, keep their [in, out] shape', async () => {
    const block = (n: number) => [
      f32(`blk.${n}.attn_norm.weight`, 8), f32(`blk.${n}.attn_norm.bias`, 8),
      f32(`blk.${n}.attn_qkv.weight`, 8, 24), f32(`blk.${n}.attn_qkv.bias`, 24),
      f32(`blk.${n}.attn_output.weight`, 8, 8), f32(`blk.${n}.attn_output.bias`, 8),
      f32(`blk.${n}.ffn_norm.weight`, 8), f32(`blk.${n}.ffn_norm.bias`, 8),
      f32(`blk.${n}.ffn_up.weight`, 8, 32), f32(`blk.${n}.ffn_up.bias`, 32),
      f32(`blk.${n}.ffn_down.weight`, 32, 8), f32(`blk.${n}.ffn_down.bias`, 8),
    ];
    const config = { model_type: 'gpt2', vocab_size: 10, n_positions: 6, n_embd: 8, n_layer: 1, n_head: 2 };
    const { translated, comparison, expected } = await compared(config, [
      f32('token_embd.weight', 8, 10), f32('position_embd.weight', 8, 6),
      f32('output_norm.weight', 8), f32('output_norm.bias', 8), ...block(0),
    ]);
    expect(comparison).toEqual({
      ...CLEAN, matching: expected - 1,
      tied: [{ name: 'lm_head.weight', storedAs: 'transformer.wte.weight' }],
    });
    expect(translated.find((t) => t.name === 'transformer.h.0.mlp.c_fc.weight')?.shape).toEqual([8, 32]);
  });

  it('bert: everything but the pooler, which the converter drops', async () => {
    const both = (name: string, ...ne: number[]) => [f32(`${name}.weight`, ...ne), f32(`${name}.bias`, ne.at(-1)!)];
    const block = (n: number) => [
      ...both(`blk.${n}.attn_q`, 8, 8), ...both(`blk.${n}.attn_k`, 8, 8), ...both(`blk.${n}.attn_v`, 8, 8),
      ...both(`blk.${n}.attn_output`, 8, 8), ...both(`blk.${n}.attn_output_norm`, 8),
      ...both(`blk.${n}.ffn_up`, 8, 12), ...both(`blk.${n}.ffn_down`, 12, 8), ...both(`blk.${n}.layer_output_norm`, 8),
    ];
    const config = {
      model_type: 'bert', vocab_size: 10, hidden_size: 8, num_hidden_layers: 1, num_attention_heads: 2,
      intermediate_size: 12, max_position_embeddings: 6, type_vocab_size: 2,
    };
    const { comparison, expected } = await compared(config, [
      f32('token_embd.weight', 8, 10), f32('position_embd.weight', 8, 6), f32('token_types.weight', 8, 2),
      ...both('token_embd_norm', 8), ...block(0),
    ]);
    expect(comparison.missing).toEqual([{ name: 'pooler.dense.weight', shape: [8, 8] }, { name: 'pooler.dense.bias', shape: [8] }]);
    expect(comparison).toMatchObject({ matching: expected - 2, extra: [], misShaped: [], tied: [] });
  });

  it('names a wrong shape and a missing tensor by their Hugging Face names; a tensor it cannot name stays extra', async () => {
    const file = LLAMA_FILE.filter((t) => t.name !== 'blk.0.ffn_down.weight').map((t) =>
      t.name === 'blk.1.attn_k.weight' ? f32(t.name, 8, 8) : t,
    );
    const { comparison, expected } = await compared(TINY_LLAMA, [...file, f32('blk.0.attn_qkv.weight', 8, 16)]);
    expect(comparison.misShaped).toEqual([{ name: 'model.layers.1.self_attn.k_proj.weight', expected: [4, 8], actual: [8, 8] }]);
    expect(comparison.missing).toEqual([{ name: 'model.layers.0.mlp.down_proj.weight', shape: [8, 12] }]);
    expect(comparison.extra).toEqual([{ name: 'blk.0.attn_qkv.weight', shape: [8, 16] }]);
    expect(comparison.matching).toBe(expected - 2);
  });
});

describe("the page's report of a GGUF file", () => {
  const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
  const format = numberFormats('en');

  it('counts rope_freqs apart, and compares the tensors under their Hugging Face names', async () => {
    const header = { format: 'gguf' as const, ...(await readGguf(LLAMA_FILE)) };
    const model = { name: 'tiny', module: modelFromConfig(TINY_LLAMA), modelType: 'llama' };
    const [file, comparison] = checkpointSections({ headers: [header] }, { config: TINY_LLAMA, model }, text, format);
    // The model's 1,160 parameters, in the 21 tensors beside rope_freqs.
    expect(file?.notes).toContain('1,160 parameters (1.16K) in 21 tensors.');
    expect(file?.notes.some((note) => note.startsWith('Only in the GGUF file: rope_freqs.weight [1].'))).toBe(true);
    expect(comparison?.notes).toEqual([
      "21 of the model's 21 tensors are in the files with the same name and shape.",
      text.ggufCompared,
      text.compareNone,
    ]);
  });
});
