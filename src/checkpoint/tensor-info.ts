// One tensor as a checkpoint's header describes it, whatever the file format, and the sums the
// page shows: elements per dtype and per module.
import type { PackingLayout } from './packed.ts';

export interface TensorInfo {
  /** Its name in the file, e.g. `model.layers.0.self_attn.q_proj.weight`. */
  name: string;
  /** The storage type as the format names it (`BF16`, `Q4_K`, …). */
  dtype: string;
  shape: number[];
  /** The product of the shape: how many numbers the file stores. */
  elements: number;
  /** Which file holds it (the shard, for a sharded checkpoint). */
  file: string;
  /**
   * Set on a weight that the file stores packed (packed.ts): then the name, shape and elements are
   * those of the weight it stands for, and `storedAs` is the tensor in the file.
   */
  packing?: { layout: PackingLayout; bits: number; storedAs: string; shapeKnown: boolean };
}

export interface Tally {
  key: string;
  tensors: number;
  elements: number;
}

/** The product of a shape (1 for a scalar). */
export function elementsOf(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

/** Elements and tensors summed by `keyOf`, in the order keys first appear. */
export function tally(tensors: readonly TensorInfo[], keyOf: (tensor: TensorInfo) => string): Tally[] {
  const sums = new Map<string, Tally>();
  for (const tensor of tensors) {
    const key = keyOf(tensor);
    const sum = sums.get(key) ?? { key, tensors: 0, elements: 0 };
    sum.tensors += 1;
    sum.elements += tensor.elements;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/**
 * The module a tensor belongs to, with layer numbers folded into `*`, so the 32 layers of a Llama
 * add up in one row: `model.layers.7.mlp.up_proj.weight` → `model.layers.*.mlp.up_proj`.
 */
export function modulePattern(name: string): string {
  const parts = name.split('.');
  const module = parts.length > 1 ? parts.slice(0, -1) : parts;
  return module.map((part) => (/^\d+$/.test(part) ? '*' : part)).join('.');
}
