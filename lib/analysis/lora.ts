import { countParameters } from './count.ts';
import { Linear } from '../layers/linear.ts';
import { Conv1D } from '../models/hf/gpt2.ts';
import type { Module } from '../module.ts';

export interface LoraOptions {
  /** The rank of each adapter. */
  r: number;
  /** Module names to adapt, matched as PEFT matches them: the full name or its last part (`q_proj`). */
  targetModules: readonly string[];
}

export interface LoraCount {
  /** The adapters' parameters: r · (in + out) per adapted matrix. */
  trainable: number;
  /** The frozen model plus the adapters, as PEFT's print_trainable_parameters() reports "all params". */
  total: number;
  /** 100 · trainable / total. */
  percentage: number;
  /** Each adapted matrix: its name and its A (r × in) and B (out × r) parameters. */
  adapted: { name: string; inFeatures: number; outFeatures: number; parameters: number }[];
}

const matches = (name: string, target: string) => name === target || name.endsWith(`.${target}`);

/** In and out features of the layers LoRA adapts: Linear, and GPT-2's transposed Conv1D. */
function features(module: Module): [number, number] | null {
  if (module instanceof Linear) return [module.inFeatures, module.outFeatures];
  if (module instanceof Conv1D) return [module.nx, module.nf];
  return null;
}

/**
 * The trainable parameters of LoRA (Hu et al., 2021): the model is frozen, and each targeted
 * matrix W (out × in) gets a low-rank update B·A with A of r × in and B of out × r, so
 * r · (in + out) new parameters. Llama-2-7B with r = 8 on q_proj and v_proj: 4,194,304.
 */
export function loraParameters(model: Module, { r, targetModules }: LoraOptions): LoraCount {
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`loraParameters: r must be a positive integer, got ${r}`);
  const adapted: LoraCount['adapted'] = [];
  for (const [name, module] of model.namedModules()) {
    const size = features(module);
    if (!size || !targetModules.some((target) => matches(name, target))) continue;
    const [inFeatures, outFeatures] = size;
    adapted.push({ name, inFeatures, outFeatures, parameters: r * (inFeatures + outFeatures) });
  }
  if (adapted.length === 0) {
    throw new RangeError(`loraParameters: no Linear layer matches targetModules ${JSON.stringify(targetModules)}`);
  }
  const trainable = adapted.reduce((sum, a) => sum + a.parameters, 0);
  const total = countParameters(model, { trainableOnly: false }) + trainable;
  return { trainable, total, percentage: (100 * trainable) / total, adapted };
}
