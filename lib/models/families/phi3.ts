import { Dropout } from '../../layers/dropout.ts';
import { FusedGatedMLP, FusedQKVAttention } from '../../layers/fused.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { decoderConfig, heads, rmsNorm } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * Phi-3 and Phi-4 (`phi3`): Llama's parameters under fused names, one `qkv_proj` for the query, key
 * and value and one `gate_up_proj` for the MLP's gate and up projections; every layer within
 * `sliding_window` when the config sets one.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const intermediateSize = read.size('intermediate_size');
  const window = read.has('sliding_window') ? read.size('sliding_window') : undefined;
  return new CausalLM(config, () => new DecoderLayer([
    ['self_attn', new FusedQKVAttention(h.hiddenSize, h.numHeads, h.numKeyValueHeads, h.headDim, window)],
    ['mlp', new FusedGatedMLP(h.hiddenSize, intermediateSize)],
    ['input_layernorm', rmsNorm(read, h.hiddenSize)],
    ['resid_attn_dropout', new Dropout(0)],
    ['resid_mlp_dropout', new Dropout(0)],
    ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
  ]));
}

export const phi3: Family = {
  modelTypes: ['phi3'],
  name: 'Phi-3',
  build,
  partOf: decoderPartOf,
  loraTargets: ['qkv_proj', 'o_proj', 'gate_up_proj', 'down_proj'],
  attention: ['full', 'sliding'],
  active: CONVENTIONS.microsoft,
};
