import { adaptsWithLoRA } from '../capabilities.ts';
import { countParameters } from './count.ts';
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
const join = (prefix: string, name: string) => (prefix && name ? `${prefix}.${name}` : prefix || name);

/**
 * The trainable parameters of LoRA (Hu et al., 2021): the model is frozen, and each targeted
 * matrix W (out × in) gets a low-rank update B·A with A of r × in and B of out × r, so
 * r · (in + out) new parameters. Llama-2-7B with r = 8 on q_proj and v_proj: 4,194,304.
 */
export function loraParameters(model: Module, { r, targetModules }: LoraOptions): LoraCount {
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`loraParameters: r must be a positive integer, got ${r}`);
  const adapted: LoraCount['adapted'] = [];
  // Each layer says which of its matrices LoRA can adapt (Linear, GPT-2's Conv1D, every expert of
  // a group), given the last names the targets end in, so a group of experts lists only those.
  const lastNames = new Set(targetModules.map((target) => target.split('.').at(-1)!));
  for (const [prefix, module] of model.namedModules()) {
    if (!adaptsWithLoRA(module)) continue;
    for (const { name: local, inFeatures, outFeatures } of module.loraMatrices(lastNames)) {
      const name = join(prefix, local);
      if (targetModules.some((target) => matches(name, target))) {
        adapted.push({ name, inFeatures, outFeatures, parameters: r * (inFeatures + outFeatures) });
      }
    }
  }
  if (adapted.length === 0) {
    throw new RangeError(`loraParameters: no Linear layer matches targetModules ${JSON.stringify(targetModules)}`);
  }
  const trainable = adapted.reduce((sum, a) => sum + a.parameters, 0);
  const total = countParameters(model, { trainableOnly: false }) + trainable;
  return { trainable, total, percentage: (100 * trainable) / total, adapted };
}
