// Will a model fit on a GPU: weights + KV cache + activations + a runtime reserve against the
// card's memory, and the longest context that fits.
import { type KVCacheGroup, kvCacheLayout, type KVCacheMemory, sizeKVCache, checkCount } from './kv-cache.ts';
import { inferenceActivationBytes, type TransformerDims } from './activations.ts';
import type { DType } from './dtype.ts';
import { type WeightFormat, weightFormatMemory } from './weight-formats.ts';
import type { Module } from '../module.ts';

/** A card and its memory as its maker states it, in GB, which this reads as GiB (2³⁰ bytes): memory chips come in binary sizes. */
export interface Gpu {
  id: string;
  name: string;
  gb: number;
  /** The maker's page that states it. */
  source: string;
  /** Memory the GPU shares with the CPU and the system (Apple silicon). */
  unified?: boolean;
}

export const GPUS: readonly Gpu[] = [
  { id: 'rtx-3090', name: 'GeForce RTX 3090', gb: 24, source: 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/' },
  { id: 'rtx-4090', name: 'GeForce RTX 4090', gb: 24, source: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/' },
  { id: 'rtx-5090', name: 'GeForce RTX 5090', gb: 32, source: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/' },
  { id: 't4', name: 'T4', gb: 16, source: 'https://www.nvidia.com/en-us/data-center/tesla-t4/' },
  { id: 'l4', name: 'L4', gb: 24, source: 'https://www.nvidia.com/en-us/data-center/l4/' },
  { id: 'a100-40', name: 'A100 40GB', gb: 40, source: 'https://www.nvidia.com/en-us/data-center/a100/' },
  { id: 'a100-80', name: 'A100 80GB', gb: 80, source: 'https://www.nvidia.com/en-us/data-center/a100/' },
  { id: 'h100', name: 'H100 SXM', gb: 80, source: 'https://www.nvidia.com/en-us/data-center/h100/' },
  { id: 'h200', name: 'H200', gb: 141, source: 'https://www.nvidia.com/en-us/data-center/h200/' },
  // DGX B200: 1,440 GB of GPU memory for eight B200s.
  { id: 'b200', name: 'B200', gb: 180, source: 'https://www.nvidia.com/en-us/data-center/dgx-b200/' },
  { id: 'mi300x', name: 'Instinct MI300X', gb: 192, source: 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html' },
  { id: 'm4-pro-48', name: 'Mac mini, M4 Pro, 48 GB', gb: 48, source: 'https://www.apple.com/mac-mini/specs/', unified: true },
  { id: 'm4-max-128', name: 'MacBook Pro, M4 Max, 128 GB', gb: 128, source: 'https://www.apple.com/macbook-pro/specs/', unified: true },
  { id: 'm3-ultra-512', name: 'Mac Studio, M3 Ultra, 512 GB', gb: 512, source: 'https://www.apple.com/mac-studio/specs/', unified: true },
];

export const gpuById = (id: string): Gpu | undefined => GPUS.find((gpu) => gpu.id === id);

export const GIB = 2 ** 30;

/**
 * The share of the card left to the CUDA context, the framework and fragmentation: 10%, about what vLLM
 * leaves by default (gpu_memory_utilization = 0.9; 0.92 in its newer releases).
 */
export const RESERVED_SHARE = 0.1;

/** The longest context this searches for (10 million tokens). */
export const MAX_CONTEXT = 10_000_000;

const UNITS: Readonly<Record<string, number>> = { '': GIB, gb: 1e9, gib: GIB, tb: 1e12, tib: 2 ** 40, mb: 1e6, mib: 2 ** 20 };

/**
 * A memory size as a reader writes it: "24", "24 GB", "24GiB", "1.5 TB". GB and TB are decimal (10⁹,
 * 10¹²), GiB and TiB binary; a bare number is GiB, as the presets are read. Null for anything else,
 * or a size not above 0 or beyond 1 PB.
 */
export function parseMemorySize(text: string): number | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = UNITS[match[2]!.toLowerCase()];
  const bytes = Number(match[1]!.replace(',', '.')) * (unit ?? Number.NaN);
  return bytes > 0 && bytes <= 1e15 ? bytes : null;
}

export interface InferenceOptions {
  format: WeightFormat;
  tokens: number;
  batch: number;
  kvDtype: DType;
  /** The card's memory in bytes. */
  capacity: number;
  /** The weights' bytes in `format`, when the caller has already computed them (weightFormatMemories). */
  weights?: number;
}

export interface InferenceFit {
  weights: number;
  kvCache: KVCacheMemory | null;
  activations: number;
  reserved: number;
  /** Weights, KV cache, activations and the reserve. */
  bytes: number;
  capacity: number;
  fits: boolean;
  /** The longest context per sequence that fits with this batch (0: not even one token; MAX_CONTEXT: that many or more). */
  longestContext: number;
}

/**
 * Serving `model` (whose sizes `dims` gives) with `options.batch` sequences of `options.tokens`
 * tokens: every expert's weights count, since a router may send a token to any of them.
 */
export function inferenceFit(model: Module, dims: TransformerDims, options: InferenceOptions): InferenceFit {
  const { format, tokens, batch, kvDtype, capacity } = options;
  checkCount('inferenceFit', 'tokens', tokens);
  checkCount('inferenceFit', 'batch', batch);
  if (!(capacity > 0)) throw new RangeError(`inferenceFit: capacity must be a number of bytes above 0, got ${capacity}`);
  const weights = options.weights ?? weightFormatMemory(model, format).bytes;
  let layout: KVCacheGroup[] = [];
  try {
    layout = kvCacheLayout(model);
  } catch {
    // An encoder keeps no cache.
  }
  const reserved = RESERVED_SHARE * capacity;
  const kvAt = (t: number) => (layout.length ? sizeKVCache(layout, { tokens: t, batch, dtype: kvDtype }) : null);
  const need = (t: number) => weights + (kvAt(t)?.bytes ?? 0) + inferenceActivationBytes(dims, { tokens: t, batch }) + reserved;
  const kvCache = kvAt(tokens);
  const bytes = need(tokens);
  return { weights, kvCache, activations: inferenceActivationBytes(dims, { tokens, batch }), reserved, bytes, capacity, fits: bytes <= capacity, longestContext: longest((t) => need(t) <= capacity) };
}

/** The largest t in 1 … MAX_CONTEXT with fits(t), for a fits that holds up to some t and not after; 0 if none. */
function longest(fits: (t: number) => boolean): number {
  if (!fits(1)) return 0;
  if (fits(MAX_CONTEXT)) return MAX_CONTEXT;
  let [low, high] = [1, MAX_CONTEXT]; // fits(low), not fits(high)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}
