// The KV cache a decoder fills while it generates, sized layer by layer from what each attention
// layer says it keeps (lib/capabilities.ts), as vLLM and SGLang store it (vLLM's
// vllm/v1/kv_cache_interface.py: a page holds 2 · kv_heads · head_size values per token for
// keys and values, one latent vector of kv_lora_rank + qk_rope_head_dim with MLA, and a
// sliding-window layer keeps only its window):
// - full attention: every token of the context;
// - sliding window: at most the last `window` tokens;
// - multi-head latent attention (MLA): one compressed vector per token, not keys and values;
// - linear attention: a state of fixed size per sequence, whatever the context.
import { cachesKeysAndValues, type KVCacheSpec } from '../capabilities.ts';
import { bytesOf, type DType } from './dtype.ts';
import type { MemoryEstimate } from './memory.ts';
import type { Module } from '../module.ts';

export type KVCacheKind = KVCacheSpec['kind'];

/** Attention layers that cache alike: their kind, how many, and what one of them keeps. */
export interface KVCacheGroup {
  kind: KVCacheKind;
  layers: number;
  /** Values one layer keeps per token of context (0 for linear attention). */
  valuesPerToken: number;
  /** Sliding window: the most tokens a layer keeps. */
  window?: number;
  /** Linear attention: the values of one layer's state, per sequence. */
  valuesPerSequence?: number;
  /** MLA: the values per token of the decompressed keys and values that transformers' own cache keeps. */
  decompressedValuesPerToken?: number;
}

/** What a group takes for a context and batch. */
export interface KVCacheGroupMemory extends KVCacheGroup {
  /** Tokens per sequence whose entries the group keeps: the context, at most the window; 0 for linear attention. */
  tokensKept: number;
  /** Bytes one more token of context adds to all the group's layers, while the window is not full. */
  bytesPerToken: number;
  /** Bytes for the whole batch and context. */
  bytes: number;
  /** MLA: the same context in transformers' cache, with decompressed keys and values. */
  decompressedBytes?: number;
}

export interface KVCacheMemory extends MemoryEstimate {
  tokens: number;
  batch: number;
  dtype: DType;
  /** Bytes one more token of context adds across all layers that keep tokens, while no window is full. */
  bytesPerToken: number;
  groups: KVCacheGroupMemory[];
  /**
   * The same layers if each kept keys and values for every token of the context (MLA's decompressed,
   * sliding layers without their window); linear-attention layers are left out, having no keys to keep.
   * It is the figure of a calculator that takes every layer for full attention.
   */
  allFullBytes: number;
}

const groupKey = (spec: KVCacheSpec) => JSON.stringify(spec);

/** The caching layers of `model`, grouped by what they keep; an error for a model that keeps no cache. */
export function kvCacheLayout(model: Module): KVCacheGroup[] {
  const groups = new Map<string, KVCacheGroup>();
  for (const module of model.modules()) {
    if (!cachesKeysAndValues(module)) continue;
    const spec = module.kvCache();
    const key = groupKey(spec);
    const group = groups.get(key);
    if (group) group.layers += 1;
    else groups.set(key, groupOf(spec));
  }
  if (groups.size === 0) {
    throw new RangeError(`kvCacheMemory: ${model.constructor.name} has no decoder attention layers, so it keeps no KV cache`);
  }
  return [...groups.values()];
}

function groupOf(spec: KVCacheSpec): KVCacheGroup {
  switch (spec.kind) {
    case 'full':
      return { kind: 'full', layers: 1, valuesPerToken: spec.valuesPerToken };
    case 'sliding':
      return { kind: 'sliding', layers: 1, valuesPerToken: spec.valuesPerToken, window: spec.window };
    case 'latent':
      return { kind: 'latent', layers: 1, valuesPerToken: spec.valuesPerToken, decompressedValuesPerToken: spec.decompressedValuesPerToken };
    case 'linear':
      return { kind: 'linear', layers: 1, valuesPerToken: 0, valuesPerSequence: spec.valuesPerSequence };
  }
}

/** Checks a count the caller gave, `where.what`: a whole number from 1 up, named in the error. */
export function checkCount(where: string, what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${where}: ${what} must be a positive integer, got ${value}`);
}

/** The bytes of a layout for `tokens` tokens of context in each of `batch` sequences. */
export function sizeKVCache(layout: readonly KVCacheGroup[], { tokens, batch, dtype }: { tokens: number; batch: number; dtype: DType }): KVCacheMemory {
  const groups = layout.map((group): KVCacheGroupMemory => {
    if (group.kind === 'linear') {
      const state = bytesOf(group.layers * group.valuesPerSequence!, dtype);
      return { ...group, tokensKept: 0, bytesPerToken: 0, bytes: state * batch };
    }
    const tokensKept = group.window === undefined ? tokens : Math.min(tokens, group.window);
    const bytesPerToken = bytesOf(group.layers * group.valuesPerToken, dtype);
    const sized: KVCacheGroupMemory = { ...group, tokensKept, bytesPerToken, bytes: bytesPerToken * tokensKept * batch };
    if (group.decompressedValuesPerToken !== undefined) {
      sized.decompressedBytes = bytesOf(group.layers * group.decompressedValuesPerToken, dtype) * tokens * batch;
    }
    return sized;
  });
  const allFullBytes = groups.reduce(
    (sum, g) => sum + (g.kind === 'linear' ? 0 : (g.decompressedBytes ?? bytesOf(g.layers * g.valuesPerToken, dtype) * tokens * batch)),
    0,
  );
  return {
    tokens,
    batch,
    dtype,
    bytesPerToken: groups.reduce((sum, g) => sum + g.bytesPerToken, 0),
    groups,
    bytes: groups.reduce((sum, g) => sum + g.bytes, 0),
    allFullBytes,
    leavesOut: [
      'weights',
      'activations',
      'framework and GPU context overhead',
      "a serving engine's rounding up to whole blocks of tokens (vLLM's pages hold 16 tokens by default)",
      'the chunk of a prompt a sliding-window layer holds on top of its window while it reads the prompt',
    ],
  };
}

/**
 * The KV cache of a decoder holding `tokens` tokens of context for each of `batch` sequences, with
 * its values stored as `dtype` (the reader's choice, as vLLM's --kv-cache-dtype: float8 halves
 * bfloat16). Grouped by attention kind, so that a sliding window, a latent vector or a fixed state
 * shows as what it is.
 */
export function kvCacheMemory(
  model: Module,
  { tokens, batch = 1, dtype = 'bfloat16' }: { tokens: number; batch?: number; dtype?: DType },
): KVCacheMemory {
  checkCount('kvCacheMemory', 'tokens', tokens);
  checkCount('kvCacheMemory', 'batch', batch);
  return sizeKVCache(kvCacheLayout(model), { tokens, batch, dtype });
}
