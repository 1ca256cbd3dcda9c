import { MixtureOfExperts, StackedExperts } from '../../layers/mixture-of-experts.ts';
import { TopKRouter } from '../../layers/router.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, heads, rmsNorm, slidingLayers } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * gpt-oss (20b, 120b): biases on the query, key, value and output projections, a learnt attention
 * sink per head (`self_attn.sinks`), every other layer within a `sliding_window` (or as
 * `layer_types` says), and in every layer `num_local_experts` experts stored stacked, with biases
 * (`mlp.experts.gate_up_proj` [E, hidden, 2 · intermediate]), chosen by a router with a bias.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', true);
  const intermediateSize = read.size('intermediate_size');
  const numExperts = read.size('num_local_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'num_local_experts', numExperts);
  const sliding = slidingLayers(read, config.numLayers, 2);
  const window = read.sizeOr('sliding_window', () => 128); // GptOssConfig's default
  const H = h.hiddenSize;
  return new CausalLM(config, (index) => {
    const experts = new StackedExperts(numExperts, H, [
      ['gate_up_proj', [numExperts, H, 2 * intermediateSize]],
      ['gate_up_proj_bias', [numExperts, 2 * intermediateSize]],
      ['down_proj', [numExperts, intermediateSize, H]],
      ['down_proj_bias', [numExperts, H]],
    ]);
    const router = new TopKRouter(H, numExperts, { bias: true });
    return new DecoderLayer([
      ['self_attn', attention(h, { qkvBias: bias, outputBias: bias, sinks: true, ...(sliding[index] ? { slidingWindow: window } : {}) })],
      ['mlp', new MixtureOfExperts([['router', router], ['experts', experts]], experts, topK)],
      ['input_layernorm', rmsNorm(read, H)],
      ['post_attention_layernorm', rmsNorm(read, H)],
    ]);
  });
}

export const gptOss: Family = {
  modelTypes: ['gpt_oss'],
  name: 'gpt-oss',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj'],
  attention: ['full', 'sliding'],
  active: CONVENTIONS.openai,
};
