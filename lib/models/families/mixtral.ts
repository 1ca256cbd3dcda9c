import { ExpertList, MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import { Linear } from '../../layers/linear.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, heads, rmsNorm } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';
import { LLAMA_GGUF } from './llama.ts';

/**
 * Mixtral: Mistral's attention, and in every layer a `block_sparse_moe` of `num_local_experts`
 * SwiGLU experts named as its checkpoints name them (w1 the gate, w2 the down, w3 the up
 * projection), of which a `gate` router picks `num_experts_per_tok` per token.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const intermediateSize = read.size('intermediate_size');
  const numExperts = read.size('num_local_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'num_local_experts', numExperts);
  const window = read.has('sliding_window') ? { slidingWindow: read.size('sliding_window') } : {};
  return new CausalLM(config, () => {
    const experts = new ExpertList(numExperts, [
      { name: 'w1', inFeatures: h.hiddenSize, outFeatures: intermediateSize },
      { name: 'w2', inFeatures: intermediateSize, outFeatures: h.hiddenSize },
      { name: 'w3', inFeatures: h.hiddenSize, outFeatures: intermediateSize },
    ], 'MixtralBlockSparseTop2MLP');
    const gate = new Linear(h.hiddenSize, numExperts, { bias: false });
    return new DecoderLayer([
      ['self_attn', attention(h, window)],
      ['block_sparse_moe', new MixtureOfExperts([['gate', gate], ['experts', experts]], experts, topK)],
      ['input_layernorm', rmsNorm(read, h.hiddenSize)],
      ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
    ]);
  });
}

export const mixtral: Family = {
  modelTypes: ['mixtral'],
  name: 'Mixtral',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'w1', 'w2', 'w3'],
  attention: ['full', 'sliding'],
  active: CONVENTIONS.mistral,
  // Mistral and Mixtral files are llama files to llama.cpp; its converter stacks a layer's experts.
  gguf: {
    ...LLAMA_GGUF,
    block: { ...LLAMA_GGUF.block, ffn_gate_inp: 'block_sparse_moe.gate' },
    experts: { at: 'block_sparse_moe.experts', tensors: { ffn_gate_exps: ['w1'], ffn_down_exps: ['w2'], ffn_up_exps: ['w3'], ffn_gate_up_exps: ['w1', 'w3'] } },
  },
};
