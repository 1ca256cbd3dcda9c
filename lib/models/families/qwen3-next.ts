import { GatedDeltaNet } from '../../layers/gated-delta-net.ts';
import { Linear } from '../../layers/linear.ts';
import { MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm, swigluExperts } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

const LAYER_TYPES = ['linear_attention', 'full_attention'] as const;

/**
 * Qwen3-Next: gated DeltaNet layers (`linear_attn`) with a gated full-attention layer every
 * `full_attention_interval`-th (`self_attn`, its query projection twice as wide for the output
 * gate, q/k norms per head), or as `layer_types` lists them; in each layer not listed in
 * `mlp_only_layers`, `num_experts` experts, a `shared_expert` and its `shared_expert_gate`.
 * Its checkpoints carry a multi-token-prediction block under `mtp.`, which transformers skips.
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
  const sharedSize = read.size('shared_expert_intermediate_size');
  const step = read.sizeOr('decoder_sparse_step', () => 1);
  const denseLayers = new Set(read.indices('mlp_only_layers') ?? []);
  const interval = read.sizeOr('full_attention_interval', () => 4);
  const types = read.strings('layer_types', LAYER_TYPES, { key: 'num_hidden_layers', layers: config.numLayers });
  const linear = (index: number) => (types ? types[index] === 'linear_attention' : (index + 1) % interval !== 0);
  const deltaNet = {
    hiddenSize: h.hiddenSize,
    numKeyHeads: read.size('linear_num_key_heads'),
    numValueHeads: read.size('linear_num_value_heads'),
    keyHeadDim: read.size('linear_key_head_dim'),
    valueHeadDim: read.size('linear_value_head_dim'),
    convKernelSize: read.size('linear_conv_kernel_dim'),
    rmsNormEps: config.rmsNormEps,
  };
  const H = h.hiddenSize;
  return new CausalLM(config, (index) => {
    let mlp;
    if (!denseLayers.has(index) && (index + 1) % step === 0) {
      const experts = swigluExperts(numExperts, H, expertSize, 'Qwen3NextMLP');
      mlp = new MixtureOfExperts([
        ['gate', new Linear(H, numExperts, { bias: false })],
        ['experts', experts],
        ['shared_expert', gatedMLP(H, sharedSize)],
        ['shared_expert_gate', new Linear(H, 1, { bias: false })],
      ], experts, topK);
    } else mlp = gatedMLP(H, intermediateSize);
    return new DecoderLayer([
      linear(index)
        ? ['linear_attn', new GatedDeltaNet(deltaNet)]
        : ['self_attn', attention(h, { qkvBias: bias, outputBias: bias, qkNormEps: config.rmsNormEps, outputGate: true })],
      ['mlp', mlp],
      ['input_layernorm', rmsNorm(read, H)],
      ['post_attention_layernorm', rmsNorm(read, H)],
    ]);
  });
}

export const qwen3Next: Family = {
  modelTypes: ['qwen3_next'],
  name: 'Qwen3-Next',
  build,
  // The DeltaNet layers are the attention of their layers.
  partOf: (name) => (/\.linear_attn\./.test(name) && !/norm/.test(name.split('.').at(-2) ?? '') ? 'attention' : decoderPartOf(name)),
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'in_proj_qkvz', 'in_proj_ba', 'out_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['full', 'linear'],
  active: CONVENTIONS.qwen,
  checkpointExtras: () => ({ what: 'mtp', prefixes: ['mtp.'] }),
};
