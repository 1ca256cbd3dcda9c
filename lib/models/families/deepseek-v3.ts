// DeepSeek-V3 (V3, R1, V3.1) and Kimi K2, whose config says `kimi_k2` for the same architecture:
// multi-head latent attention in every layer, a dense MLP in the first `first_k_dense_replace`
// layers, and after them `n_routed_experts` routed experts of which a token uses
// `num_experts_per_tok`, beside `n_shared_experts` shared ones every token uses.
import { Linear } from '../../layers/linear.ts';
import { MultiHeadLatentAttention } from '../../layers/latent-attention.ts';
import { MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import { TopKRouter } from '../../layers/router.ts';
import type { Module } from '../../module.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { decoderConfig, gatedMLP, rmsNorm, swigluExperts } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * The DeepSeek layout as transformers' modeling code builds it, under the names of the
 * checkpoints, which store each routed expert apart (`mlp.experts.17.gate_proj.weight`; recent
 * transformers releases stack them in memory and convert the names on loading). `v3`: the router
 * is a bare weight with DeepSeek-V3's `e_score_correction_bias` beside it, a buffer as in
 * transformers (DeepSeek's own code makes it a parameter); `v2`: the router is a Linear, and the
 * shared experts are left out when `n_shared_experts` is null.
 */
export function deepseekModel(read: ConfigReader, version: 'v2' | 'v3'): Module {
  const hiddenSize = read.size('hidden_size');
  const numHeads = read.size('num_attention_heads');
  const qkRopeHeadDim = read.size('qk_rope_head_dim');
  const attention = {
    hiddenSize,
    numHeads,
    qLoraRank: read.sizeOrNull('q_lora_rank'),
    kvLoraRank: read.size('kv_lora_rank'),
    qkNopeHeadDim: read.size('qk_nope_head_dim'),
    qkRopeHeadDim,
    vHeadDim: read.size('v_head_dim'),
    bias: read.flag('attention_bias', false),
    rmsNormEps: read.number('rms_norm_eps', 1e-6),
  };
  const config = decoderConfig(read, { tie: false, ropeDim: qkRopeHeadDim });
  const intermediateSize = read.size('intermediate_size');
  const firstDense = read.count('first_k_dense_replace', 0);
  const numExperts = read.size('n_routed_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'n_routed_experts', numExperts);
  const expertSize = read.size('moe_intermediate_size');
  const shared = version === 'v3' ? read.size('n_shared_experts') : read.has('n_shared_experts') ? read.size('n_shared_experts') : 0;
  const expertName = version === 'v3' ? 'DeepseekV3MLP' : 'DeepseekV2MLP';

  const moe = () => {
    const experts = swigluExperts(numExperts, hiddenSize, expertSize, expertName);
    const gate = version === 'v3'
      ? new TopKRouter(hiddenSize, numExperts, { scoreCorrectionBias: true })
      : new Linear(hiddenSize, numExperts, { bias: false });
    const parts: [string, Module][] = [['experts', experts], ['gate', gate]];
    if (shared > 0) parts.push(['shared_experts', gatedMLP(hiddenSize, expertSize * shared)]);
    return new MixtureOfExperts(parts, experts, topK);
  };
  return new CausalLM(config, (index) => new DecoderLayer([
    ['self_attn', new MultiHeadLatentAttention(attention)],
    ['mlp', index >= firstDense ? moe() : gatedMLP(hiddenSize, intermediateSize)],
    ['input_layernorm', rmsNorm(read, hiddenSize)],
    ['post_attention_layernorm', rmsNorm(read, hiddenSize)],
  ]));
}

/** DeepSeek-V3's checkpoints carry `num_nextn_predict_layers` multi-token-prediction layers after the model's own. */
export function nextTokenLayers(read: ConfigReader) {
  const extra = read.count('num_nextn_predict_layers', 0);
  if (extra === 0) return null;
  const layers = read.size('num_hidden_layers');
  return { what: 'mtp' as const, prefixes: Array.from({ length: extra }, (_, i) => `model.layers.${layers + i}.`) };
}

export const LATENT_LORA_TARGETS = ['q_a_proj', 'q_b_proj', 'kv_a_proj_with_mqa', 'kv_b_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'];

export const deepseekV3: Family = {
  modelTypes: ['deepseek_v3', 'kimi_k2'],
  name: 'DeepSeek-V3',
  build: (read) => deepseekModel(read, 'v3'),
  partOf: decoderPartOf,
  loraTargets: LATENT_LORA_TARGETS,
  attention: ['latent'],
  active: CONVENTIONS.deepseek,
  checkpointExtras: nextTokenLayers,
};
