// The pieces most decoder families read and build the same way: the sizes outside the layers, the
// attention heads, a SwiGLU MLP, the experts, and which layers slide their attention window.
import { GatedMLP } from '../../layers/gated-mlp.ts';
import { GroupedQueryAttention, type GroupedQueryAttentionOptions } from '../../layers/grouped-query-attention.ts';
import { ExpertList } from '../../layers/mixture-of-experts.ts';
import { RMSNorm } from '../../layers/rms-norm.ts';
import type { ConfigReader } from '../config-reader.ts';
import type { DecoderConfig } from '../hf/decoder.ts';

/** Sizes outside the layers; `tie` is the config class's default for `tie_word_embeddings`. */
export function decoderConfig(read: ConfigReader, { tie, ropeDim }: { tie: boolean; ropeDim: number }): DecoderConfig {
  return {
    vocabSize: read.size('vocab_size'),
    hiddenSize: read.size('hidden_size'),
    numLayers: read.size('num_hidden_layers'),
    rmsNormEps: read.number('rms_norm_eps', 1e-6),
    ropeDim,
    ropeTheta: read.number('rope_theta', 10000),
    tieWordEmbeddings: read.flag('tie_word_embeddings', tie),
  };
}

export interface Heads {
  hiddenSize: number;
  numHeads: number;
  numKeyValueHeads: number;
  headDim: number;
}

/** Query and key/value heads and their width (`head_dim`, or hidden_size / num_attention_heads). */
export function heads(read: ConfigReader): Heads {
  const numHeads = read.size('num_attention_heads');
  const hiddenSize = read.size('hidden_size');
  if (!read.has('head_dim')) read.divides('num_attention_heads', 'hidden_size');
  const numKeyValueHeads = read.sizeOr('num_key_value_heads', () => numHeads);
  if (read.has('num_key_value_heads')) read.divides('num_key_value_heads', 'num_attention_heads');
  return { hiddenSize, numHeads, numKeyValueHeads, headDim: read.sizeOr('head_dim', () => hiddenSize / numHeads) };
}

export const attention = (h: Heads, options: GroupedQueryAttentionOptions = {}) =>
  new GroupedQueryAttention(h.hiddenSize, h.numHeads, { numKeyValueHeads: h.numKeyValueHeads, headDim: h.headDim, ...options });

export const rmsNorm = (read: ConfigReader, size: number) => new RMSNorm(size, { eps: read.number('rms_norm_eps', 1e-6) });

export const gatedMLP = (hiddenSize: number, intermediateSize: number, bias = false) => new GatedMLP(hiddenSize, intermediateSize, { bias });

/** Experts named one by one, each a SwiGLU MLP: `experts.17.gate_proj.weight`, `…up_proj…`, `…down_proj…`. */
export const swigluExperts = (numExperts: number, hiddenSize: number, intermediateSize: number, expertName: string) =>
  new ExpertList(
    numExperts,
    [
      { name: 'gate_proj', inFeatures: hiddenSize, outFeatures: intermediateSize },
      { name: 'up_proj', inFeatures: hiddenSize, outFeatures: intermediateSize },
      { name: 'down_proj', inFeatures: intermediateSize, outFeatures: hiddenSize },
    ],
    expertName,
  );

export const ATTENTION_TYPES = ['full_attention', 'sliding_attention'] as const;

/**
 * Which layers attend within a sliding window: the config's `layer_types` when it has one (one
 * entry per layer), else every `pattern`-th layer is full and the others slide, as Gemma 2 and
 * gpt-oss (pattern 2) and Gemma 3 (`sliding_window_pattern`, 6) lay them out.
 */
export function slidingLayers(read: ConfigReader, numLayers: number, pattern: number): boolean[] {
  const types = read.strings('layer_types', ATTENTION_TYPES, { key: 'num_hidden_layers', layers: numLayers });
  if (types) return types.map((type) => type === 'sliding_attention');
  return Array.from({ length: numLayers }, (_, i) => (i + 1) % pattern !== 0);
}
