import type { ConfigReader } from '../config-reader.ts';
import { CausalLM, DecoderLayer } from '../hf/decoder.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm, slidingLayers } from './decoder-parts.ts';
import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';

/**
 * Gemma 2 and Gemma 3's language model: four norms per layer (before and after attention, before
 * and after the MLP), a `head_dim` of its own, the output head tied to the token embedding unless
 * the config says otherwise, and sliding-window layers between full ones: every other layer in
 * Gemma 2, five of every six (`sliding_window_pattern`) in Gemma 3, or as `layer_types` lists them.
 * Gemma 3 adds an RMSNorm over each query and key head.
 */
export function gemmaModel(read: ConfigReader, { qkNorm, pattern }: { qkNorm: boolean; pattern: number }) {
  const h = heads(read);
  const config = decoderConfig(read, { tie: true, ropeDim: h.headDim });
  const bias = read.flag('attention_bias', false);
  const intermediateSize = read.size('intermediate_size');
  const sliding = slidingLayers(read, config.numLayers, pattern);
  const window = read.sizeOr('sliding_window', () => 4096); // Gemma2Config's and Gemma3TextConfig's default
  return new CausalLM(config, (index) => new DecoderLayer([
    ['self_attn', attention(h, {
      qkvBias: bias,
      outputBias: bias,
      ...(qkNorm ? { qkNormEps: config.rmsNormEps } : {}),
      ...(sliding[index] ? { slidingWindow: window } : {}),
    })],
    ['mlp', gatedMLP(h.hiddenSize, intermediateSize)],
    ['input_layernorm', rmsNorm(read, h.hiddenSize)],
    ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
    ['pre_feedforward_layernorm', rmsNorm(read, h.hiddenSize)],
    ['post_feedforward_layernorm', rmsNorm(read, h.hiddenSize)],
  ]));
}

export const GEMMA_LORA_TARGETS = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'];

export const gemma2: Family = {
  modelTypes: ['gemma2'],
  name: 'Gemma 2',
  build: (read) => gemmaModel(read, { qkNorm: false, pattern: 2 }),
  partOf: decoderPartOf,
  loraTargets: GEMMA_LORA_TARGETS,
  attention: ['full', 'sliding'],
  active: CONVENTIONS.google,
};
