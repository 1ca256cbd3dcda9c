// What a model's parameters cost in bytes: to store and to train (the KV cache it fills while it
// generates is in kv-cache.ts). Each estimate lists what it leaves out, since activations and
// overheads come on top.
import { countParameters } from './count.ts';
import { bytesOf, type DType } from './dtype.ts';
import type { Module } from '../module.ts';

/** A number of bytes and what it does not include. */
export interface MemoryEstimate {
  bytes: number;
  leavesOut: readonly string[];
}

const RUNTIME = ['activations', 'framework and GPU context overhead'];

/** The weights alone, every parameter once (tied ones once), stored as `dtype`. */
export function weightMemory(model: Module, dtype: DType): MemoryEstimate {
  const quantized = dtype === 'int8' || dtype === 'int4' ? ['quantization scales and zero points'] : [];
  return {
    bytes: bytesOf(countParameters(model, { trainableOnly: false }), dtype),
    leavesOut: [...RUNTIME, 'KV cache', ...quantized],
  };
}

/**
 * How a model is trained, which fixes the bytes per trainable parameter:
 * - `sgd`: fp32 weights and gradients, 4 + 4 = 8;
 * - `sgd-momentum`: plus one fp32 momentum buffer, 12;
 * - `adam`: fp32 weights, gradients and two moment estimates, 4 + 4 + 8 = 16;
 * - `adam-mixed-precision`: 16-bit weights and gradients, an fp32 master copy and fp32 moments,
 *   2 + 2 + 4 + 8 = 16 (Rajbhandari et al., 2020, "ZeRO").
 */
export type TrainingSetup = 'sgd' | 'sgd-momentum' | 'adam' | 'adam-mixed-precision';

const SETUPS: Record<TrainingSetup, { weights: number; gradients: number; optimizerState: number; masterWeights: number }> = {
  sgd: { weights: 4, gradients: 4, optimizerState: 0, masterWeights: 0 },
  'sgd-momentum': { weights: 4, gradients: 4, optimizerState: 4, masterWeights: 0 },
  adam: { weights: 4, gradients: 4, optimizerState: 8, masterWeights: 0 },
  'adam-mixed-precision': { weights: 2, gradients: 2, optimizerState: 8, masterWeights: 4 },
};

export interface TrainingMemory extends MemoryEstimate {
  weights: number;
  gradients: number;
  optimizerState: number;
  masterWeights: number;
}

/**
 * Bytes to train `model`: every weight is stored, but only trainable parameters get a gradient,
 * optimizer state and a master copy, so freezing most of a model (as LoRA does) shrinks them.
 */
export function trainingMemory(model: Module, setup: TrainingSetup): TrainingMemory {
  const bytes = SETUPS[setup];
  if (!bytes) throw new RangeError(`unknown training setup ${JSON.stringify(setup)}; known: ${Object.keys(SETUPS).join(', ')}`);
  const all = countParameters(model, { trainableOnly: false });
  const trainable = countParameters(model);
  const parts = {
    weights: all * bytes.weights,
    gradients: trainable * bytes.gradients,
    optimizerState: trainable * bytes.optimizerState,
    masterWeights: trainable * bytes.masterWeights,
  };
  return {
    ...parts,
    bytes: parts.weights + parts.gradients + parts.optimizerState + parts.masterWeights,
    leavesOut: [...RUNTIME, 'temporary buffers'],
  };
}

/** Bytes in decimal gigabytes (10⁹, as disks and model cards count) and binary gibibytes (2³⁰). */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1e9).toFixed(2)} GB (${(bytes / 2 ** 30).toFixed(2)} GiB)`;
}
