import { MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import { TopKRouter } from '../../layers/router.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm, swigluExperts } from './decoder-parts.ts';
import { nextTokenLayers } from './deepseek-v3.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * GLM-4.5 and GLM-4.5-Air (`glm4_moe`): grouped-query attention with biases on the query, key and
 * value (`attention_bias`) but none on the output, q/k norms per head when `use_qk_norm`, a dense
 * MLP in the first `first_k_dense_replace` layers, then DeepSeek-V3's block: `n_routed_experts`
 * experts one by one, its router (a bare weight and its `e_score_correction_bias` buffer) and
 * shared experts, in the order of transformers' released Glm4MoeMoE.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', false);
  const qkNorm = read.flag('use_qk_norm', false);
  const intermediateSize = read.size('intermediate_size');
  const firstDense = read.count('first_k_dense_replace', 1);
  const numExperts = read.size('n_routed_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'n_routed_experts', numExperts);
  const expertSize = read.size('moe_intermediate_size');
  const shared = read.size('n_shared_experts');
  const H = h.hiddenSize;
  const moe = () => {
    const experts = swigluExperts(numExperts, H, expertSize, 'Glm4MoeMLP');
    const gate = new TopKRouter(H, numExperts, { scoreCorrectionBias: true });
    return new MixtureOfExperts([['experts', experts], ['gate', gate], ['shared_experts', gatedMLP(H, expertSize * shared)]], experts, topK);
  };
  return new CausalLM(config, (index) => new DecoderLayer([
    ['self_attn', attention(h, { qkvBias: bias, outputBias: false, ...(qkNorm ? { qkNormEps: config.rmsNormEps } : {}) })],
    ['mlp', index >= firstDense ? moe() : gatedMLP(H, intermediateSize)],
    ['input_layernorm', rmsNorm(read, H)],
    ['post_attention_layernorm', rmsNorm(read, H)],
  ]));
}

export const glm4Moe: Family = {
  modelTypes: ['glm4_moe'],
  name: 'GLM-4.5',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['full'],
  active: CONVENTIONS.zhipu,
  checkpointExtras: nextTokenLayers,
};
