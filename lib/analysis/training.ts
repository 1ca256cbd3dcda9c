// The memory of fine-tuning a model, per GPU: weights, gradients, optimizer state and activations.
//
// Full fine-tuning in mixed precision (Micikevicius et al. 2018; Rajbhandari et al. 2020, "ZeRO",
// §3.1): 16-bit weights and gradients, 2 + 2 bytes a parameter, and K bytes of optimizer state: the
// float32 master copy, 4, plus the optimizer's own float32 state (Adam and AdamW: two moments, 8,
// so K = 12; SGD without momentum: none, K = 4). ZeRO over N GPUs (§5) partitions the optimizer
// state (stage 1), also the gradients (stage 2), also the weights (stage 3): per GPU
//   stage 0: (2 + 2 + K)·Ψ   stage 1: (2 + 2)·Ψ + K·Ψ/N   stage 2: 2·Ψ + (2 + K)·Ψ/N   stage 3: (2 + 2 + K)·Ψ/N.
// LoRA (Hu et al. 2021) freezes the model in bfloat16 and trains adapters, which PEFT keeps in
// float32 (autocast_adapter_dtype): 4 bytes of weights and 4 of gradients an adapter parameter, and
// the optimizer's moments (Adam: 8). QLoRA (Dettmers et al. 2023) stores the frozen matrices in
// NF4 with double quantisation. Activations are Korthikanti et al.'s (activations.ts), the same for
// all three: the backward pass runs through every layer whichever weights it updates.
import { countParameters } from './count.ts';
import { loraParameters } from './lora.ts';
import { type Recomputation, type TransformerDims, trainingActivationBytes } from './activations.ts';
import { checkCount } from './kv-cache.ts';
import { weightFormatMemory } from './weight-formats.ts';
import type { Module } from '../module.ts';

export type OptimizerName = 'sgd' | 'adam' | 'adamw';
export type FineTuning = 'full' | 'lora' | 'qlora';
export type ZeroStage = 0 | 1 | 2 | 3;

/** Float32 optimizer state per trainable parameter, without a master copy: AdamW differs from Adam in its weight decay, not its memory. */
const OPTIMIZER_STATE: Record<OptimizerName, number> = { sgd: 0, adam: 8, adamw: 8 };

export interface TrainingBreakdown {
  weights: number;
  gradients: number;
  /** The optimizer's state, with the float32 master copy in full fine-tuning. */
  optimizerState: number;
  activations: number;
  /** All four, per GPU. */
  bytes: number;
}

export interface FineTuningOptions {
  method: FineTuning;
  optimizer: OptimizerName;
  /** Tokens per sequence and sequences per GPU (the micro-batch). */
  tokens: number;
  batch: number;
  recompute?: Recomputation;
  /** ZeRO stage and GPUs, for full fine-tuning. */
  zero?: ZeroStage;
  gpus?: number;
  /** The adapters, for LoRA and QLoRA. */
  lora?: { r: number; targetModules: readonly string[] };
}

const breakdown = (parts: Omit<TrainingBreakdown, 'bytes'>): TrainingBreakdown => ({
  ...parts,
  bytes: parts.weights + parts.gradients + parts.optimizerState + parts.activations,
});

/** Bytes per GPU to fine-tune `model` (whose sizes `dims` gives) as `options` says. */
export function fineTuningMemory(model: Module, dims: TransformerDims, options: FineTuningOptions): TrainingBreakdown {
  return fineTuningMemories(model, dims, [options])[0]!;
}

/** The same for several ways of fine-tuning, counting the model once. */
export function fineTuningMemories(model: Module, dims: TransformerDims, list: readonly FineTuningOptions[]): TrainingBreakdown[] {
  const all = countParameters(model, { trainableOnly: false });
  let nf4: number | undefined;
  return list.map((options) => {
    const { method, optimizer, tokens, batch, recompute = 'none', zero = 0, gpus = 1 } = options;
    checkCount('fineTuningMemory', 'tokens', tokens);
    checkCount('fineTuningMemory', 'batch', batch);
    checkCount('fineTuningMemory', 'gpus', gpus);
    if (!(optimizer in OPTIMIZER_STATE)) throw new RangeError(`fineTuningMemory: unknown optimizer ${JSON.stringify(optimizer)}; known: sgd, adam, adamw`);
    const activations = trainingActivationBytes(dims, { tokens, batch, recompute });
    if (method === 'full') {
      const k = 4 + OPTIMIZER_STATE[optimizer];
      const share = (stage: ZeroStage) => (zero >= stage ? 1 / gpus : 1);
      return breakdown({ weights: 2 * all * share(3), gradients: 2 * all * share(2), optimizerState: k * all * share(1), activations });
    }
    if (!options.lora) throw new RangeError(`fineTuningMemory: ${method} needs the adapters' rank and target modules`);
    const adapters = loraParameters(model, { r: options.lora.r, targetModules: options.lora.targetModules }).trainable;
    if (method === 'qlora') nf4 ??= weightFormatMemory(model, 'nf4').bytes;
    const base = method === 'qlora' ? nf4! : 2 * all;
    return breakdown({ weights: base + 4 * adapters, gradients: 4 * adapters, optimizerState: OPTIMIZER_STATE[optimizer] * adapters, activations });
  });
}
