// One tensor as a checkpoint's header describes it, whatever the file format, and the sums the
// page shows: elements per dtype and per module.

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
   * True for the tensors of a quantisation scheme (GPTQ/AWQ `qweight`, `qzeros`, `scales`,
   * `g_idx`) and for packed integer storage (I32, U8): their element count is not a count of the
   * model's parameters (a 4-bit `qweight` packs eight weights into each int32).
   */
  quantised: boolean;
}

export interface Tally {
  key: string;
  tensors: number;
  elements: number;
}

// GPTQ and AWQ store each quantised Linear as these four tensors instead of one `weight`.
const QUANTISATION_TENSORS = new Set(['qweight', 'qzeros', 'scales', 'g_idx']);
const PACKED_STORAGE = new Set(['I32', 'U8']);

export function isQuantised(name: string, dtype: string): boolean {
  return QUANTISATION_TENSORS.has(name.slice(name.lastIndexOf('.') + 1)) || PACKED_STORAGE.has(dtype);
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
