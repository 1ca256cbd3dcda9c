import { Linear } from '../../layers/linear.ts';
import { MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm, swigluExperts } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * Qwen3-MoE (Qwen3-30B-A3B, 235B-A22B): Qwen3's attention with its per-head q/k norms, and a
 * mixture of `num_experts` experts in every `decoder_sparse_step`-th layer not listed in
 * `mlp_only_layers` (those keep a dense MLP of `intermediate_size`). No shared expert.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', false);
  const intermediateSize = read.size('intermediate_size');
  const numExperts = read.size('num_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'num_experts', numExperts);
  const expertSize = read.size('moe_intermediate_size');
  const step = read.sizeOr('decoder_sparse_step', () => 1);
  const denseLayers = new Set(read.indices('mlp_only_layers') ?? []);
  const sparse = (index: number) => !denseLayers.has(index) && (index + 1) % step === 0;
  return new CausalLM(config, (index) => {
    let mlp;
    if (sparse(index)) {
      const experts = swigluExperts(numExperts, h.hiddenSize, expertSize, 'Qwen3MoeMLP');
      mlp = new MixtureOfExperts([['gate', new Linear(h.hiddenSize, numExperts, { bias: false })], ['experts', experts]], experts, topK);
    } else mlp = gatedMLP(h.hiddenSize, intermediateSize);
    return new DecoderLayer([
      ['self_attn', attention(h, { qkvBias: bias, outputBias: bias, qkNormEps: config.rmsNormEps })],
      ['mlp', mlp],
      ['input_layernorm', rmsNorm(read, h.hiddenSize)],
      ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
    ]);
  });
}

export const qwen3Moe: Family = {
  modelTypes: ['qwen3_moe'],
  name: 'Qwen3-MoE',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['full'],
  active: CONVENTIONS.qwen,
};
