import type { ConfigReader } from '../config-reader.ts';
import { GPT2LMHeadModel } from '../hf/gpt2.ts';
import { CONVENTIONS, type Family, type Part } from './family.ts';

function build(read: ConfigReader) {
  read.unsupported('add_cross_attention', false);
  read.divides('n_head', 'n_embd');
  const nEmbd = read.size('n_embd');
  return new GPT2LMHeadModel({
    vocabSize: read.size('vocab_size'),
    nPositions: read.size('n_positions'),
    nEmbd,
    nLayer: read.size('n_layer'),
    nHead: read.size('n_head'),
    nInner: read.sizeOr('n_inner', () => 4 * nEmbd),
    layerNormEpsilon: read.number('layer_norm_epsilon', 1e-5),
    tieWordEmbeddings: read.flag('tie_word_embeddings', true),
  });
}

function partOf(name: string): Part {
  if (/^transformer\.(wte|wpe)\./.test(name)) return 'embeddings';
  if (/\.ln_\d\.|^transformer\.ln_f\./.test(name)) return 'norms';
  if (/\.attn\./.test(name)) return 'attention';
  if (/\.mlp\./.test(name)) return 'mlp';
  if (/^lm_head\./.test(name)) return 'head';
  return 'other';
}

/** GPT-2 (`GPT2LMHeadModel`): `transformer.h.0.attn.c_attn.weight`, Conv1D matrices stored [in, out]. */
export const gpt2: Family = {
  modelTypes: ['gpt2'],
  name: 'GPT-2',
  build,
  partOf,
  loraTargets: ['c_attn', 'c_proj', 'c_fc'],
  attention: ['full'],
  active: CONVENTIONS.openaiGpt2,
  gguf: {
    top: { token_embd: 'transformer.wte', position_embd: 'transformer.wpe', output_norm: 'transformer.ln_f', output: 'lm_head' },
    layers: 'transformer.h',
    block: { attn_norm: 'ln_1', attn_qkv: 'attn.c_attn', attn_output: 'attn.c_proj', ffn_norm: 'ln_2', ffn_up: 'mlp.c_fc', ffn_down: 'mlp.c_proj' },
    transposed: new Set(['attn_qkv', 'attn_output', 'ffn_up', 'ffn_down']),
  },
};
