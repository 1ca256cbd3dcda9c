import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * OLMo 2: RMSNorms over all the queries and all the keys at once (`q_norm` of num_heads · head_dim,
 * `k_norm` of num_key_value_heads · head_dim), and the layer's norms after attention and after the
 * MLP instead of before them: `post_attention_layernorm`, `post_feedforward_layernorm`.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', false);
  const intermediateSize = read.size('intermediate_size');
  return new CausalLM(config, () => new DecoderLayer([
    ['self_attn', attention(h, { qkvBias: bias, outputBias: bias, qkNormEps: config.rmsNormEps, qkNormOver: 'all' })],
    ['mlp', gatedMLP(h.hiddenSize, intermediateSize)],
    ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
    ['post_feedforward_layernorm', rmsNorm(read, h.hiddenSize)],
  ]));
}

export const olmo2: Family = {
  modelTypes: ['olmo2'],
  name: 'OLMo 2',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['full'],
  active: CONVENTIONS.ai2,
};
