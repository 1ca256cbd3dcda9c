import { Linear } from '../../layers/linear.ts';
import { MixtureOfExperts, StackedExperts } from '../../layers/mixture-of-experts.ts';
import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * Llama 4's language model (`llama4_text`; inside a `llama4` config as its `text_config`): a
 * mixture of `num_local_experts` experts stored stacked (`feed_forward.experts.gate_up_proj`
 * [E, hidden, 2 · intermediate_size]) with a `router` and one `shared_expert`, in every
 * `interleave_moe_layer_step`-th layer (or the layers `moe_layers` lists); the other layers have a
 * dense MLP of `intermediate_size_mlp`. Three of every four layers (`no_rope_layers`) attend within
 * chunks of `attention_chunk_size` tokens; their query/key L2 norm has no parameters.
 */
function build(read: ConfigReader) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: false, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', false);
  const intermediateSize = read.size('intermediate_size');
  const denseSize = read.size('intermediate_size_mlp');
  const numExperts = read.size('num_local_experts');
  const topK = read.size('num_experts_per_tok');
  read.notAbove('num_experts_per_tok', topK, 'num_local_experts', numExperts);
  const step = read.sizeOr('interleave_moe_layer_step', () => 1);
  const listed = read.indices('moe_layers');
  const moeLayers = new Set(listed ?? Array.from({ length: config.numLayers }, (_, i) => i).filter((i) => (i + 1) % step === 0));
  const ropeLayers = read.indices('no_rope_layers');
  if (ropeLayers && ropeLayers.length !== config.numLayers) {
    read.fail({ problem: 'wrongLength', key: 'no_rope_layers', length: ropeLayers.length, otherKey: 'num_hidden_layers', other: config.numLayers });
  }
  const chunked = (index: number) => (ropeLayers ? ropeLayers[index] !== 0 : (index + 1) % 4 !== 0);
  const chunk = read.has('attention_chunk_size') ? read.size('attention_chunk_size') : undefined;
  const H = h.hiddenSize;
  return new CausalLM(config, (index) => {
    let feedForward;
    if (moeLayers.has(index)) {
      const experts = new StackedExperts(numExperts, H, [
        ['gate_up_proj', [numExperts, H, 2 * intermediateSize]],
        ['down_proj', [numExperts, intermediateSize, H]],
      ]);
      feedForward = new MixtureOfExperts(
        [['experts', experts], ['router', new Linear(H, numExperts, { bias: false })], ['shared_expert', gatedMLP(H, intermediateSize)]],
        experts,
        topK,
      );
    } else feedForward = gatedMLP(H, denseSize);
    const window = chunk !== undefined && chunked(index) ? { slidingWindow: chunk } : {};
    return new DecoderLayer([
      ['self_attn', attention(h, { qkvBias: bias, outputBias: bias, ...window })],
      ['feed_forward', feedForward],
      ['input_layernorm', rmsNorm(read, H)],
      ['post_attention_layernorm', rmsNorm(read, H)],
    ]);
  });
}

export const llama4Text: Family = {
  modelTypes: ['llama4_text'],
  name: 'Llama 4',
  build,
  partOf: decoderPartOf,
  loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['full', 'sliding'],
  active: CONVENTIONS.meta,
};
