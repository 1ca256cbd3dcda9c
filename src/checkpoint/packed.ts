// A quantised checkpoint stores a weight packed: several low-bit numbers in one integer, or in
// blocks that share a scale, beside tensors of scales and zero points that are no parameters.
// Each layout here is the one its packer writes, read from that packer's code, and each packed
// weight is turned back into the weight it stands for from the shapes in the header alone:
// - GPTQ (AutoGPTQ's QuantLinear): qweight int32 [in · bits/32, out], qzeros [groups, out · bits/32],
//   scales [groups, out], g_idx [in].
// - AWQ (AutoAWQ's WQLinear_GEMM): qweight int32 [in, out · bits/32], qzeros [in / group, out · bits/32],
//   scales [in / group, out]; no g_idx.
// - compressed-tensors' pack-quantized: weight_packed int32 [out, ⌈in / (32 // bits)⌉], weight_shape,
//   weight_scale [out, in / group], weight_zero_point [⌈out / (32 // bits)⌉, in / group], weight_g_idx [in].
// - bitsandbytes 4-bit (quantize_4bit, QuantState.as_dict): weight uint8 [⌈n / 2⌉, 1] and, under
//   `weight.`, absmax, quant_map, nested_* and quant_state.bitsandbytes__nf4|fp4, whose JSON (with
//   the original shape) lies in the data, not in the header.
// - MLX (mlx.nn.QuantizedLinear / QuantizedEmbedding): weight uint32 [out, in · bits/32],
//   scales and biases [out, in / group].
// - MXFP4 (transformers' gpt-oss integration): X_blocks uint8 [experts, rows, in / 32, 16], two
//   4-bit values a byte, and X_scales uint8 [experts, rows, in / 32]; X is [experts, in, rows].
// - FP8 (DeepSeek-V3): weight float8_e4m3 [out, in], one byte a parameter, with weight_scale_inv
//   float32 [⌈out / 128⌉, ⌈in / 128⌉]; compressed-tensors' fp8 keeps weight_scale and input_scale.
import { elementsOf, type TensorInfo } from './tensor-info.ts';

export const PACKING_LAYOUTS = ['gptq', 'awq', 'compressed-tensors', 'bitsandbytes-4bit', 'mlx', 'mxfp4', 'fp8'] as const;
export type PackingLayout = (typeof PACKING_LAYOUTS)[number];

/** What a config.json says of its quantisation (`quantization_config`, or MLX's `quantization`). */
export interface Quantisation {
  method?: string;
  bits?: number;
  groupSize?: number;
  /** FP8's [rows, columns] of one scale block. */
  blockSize?: readonly [number, number];
  /** MLX's per-module overrides, by module name. */
  modules: ReadonlyMap<string, { bits?: number; groupSize?: number }>;
}

/** A packed weight, stored as `storedAs`, with the quantisation data beside it. */
export interface PackedWeight {
  name: string;
  layout: PackingLayout;
  bits: number;
  /** Its shape as the model holds it; null where the header does not say (bitsandbytes). */
  shape: number[] | null;
  elements: number;
  storedAs: string;
}

/** A packed tensor the page cannot turn into parameters; it is named and left out of the total. */
export type PackingProblem =
  | { problem: 'shapesDisagree'; tensor: string; other: string; layout: PackingLayout }
  | { problem: 'bitsUnknown'; tensor: string; layout: PackingLayout };

export interface Unpacked {
  /** Every parameter: the plain tensors, and each packed weight as the weight it stands for. */
  parameters: TensorInfo[];
  packed: PackedWeight[];
  /** Scales, zero points, g_idx and the like: stored beside the weights, no parameters. */
  quantisationData: TensorInfo[];
  problems: PackingProblem[];
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const count = (value: unknown): number | undefined => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : undefined);

export function quantisationOf(config: Readonly<Record<string, unknown>> | undefined): Quantisation | undefined {
  const q = record(config?.quantization_config) ?? record(config?.quantization);
  if (!q) return undefined;
  const modules = new Map<string, { bits?: number; groupSize?: number }>();
  for (const [key, value] of Object.entries(q)) {
    const override = record(value);
    if (override && ('bits' in override || 'group_size' in override)) modules.set(key, { bits: count(override.bits), groupSize: count(override.group_size) });
  }
  // compressed-tensors puts bits in each of its config groups; they count when the groups agree.
  const groups = Object.values(record(q.config_groups) ?? {}).map((group) => record(record(group)?.weights));
  const groupBits = new Set(groups.map((weights) => count(weights?.num_bits)));
  const groupSizes = new Set(groups.map((weights) => count(weights?.group_size)));
  const block = q.weight_block_size;
  return {
    method: typeof q.quant_method === 'string' ? q.quant_method : undefined,
    bits: count(q.bits) ?? count(q.w_bit) ?? (q.load_in_4bit === true ? 4 : undefined) ?? (groupBits.size === 1 ? [...groupBits][0] : undefined),
    groupSize: count(q.group_size) ?? count(q.q_group_size) ?? (groupSizes.size === 1 ? [...groupSizes][0] : undefined),
    blockSize: Array.isArray(block) && block.length === 2 && block.every((b) => count(b)) ? [block[0], block[1]] : undefined,
    modules,
  };
}

// The widths each packer writes: GPTQ 2, 3, 4 or 8 bits, AWQ 4, compressed-tensors up to 8, MLX also 5 and 6.
const INTEGER_BITS = [2, 3, 4, 8];
const MLX_BITS = [2, 3, 4, 5, 6, 8];
const FP8_BLOCK: readonly [number, number] = [128, 128];
const isFloat8 = (dtype: string) => dtype.startsWith('F8_');
const moduleOf = (name: string) => name.slice(0, name.lastIndexOf('.'));
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((size, i) => size === b[i]);
/** `n / d` when it is a whole number, else undefined. */
const exactly = (n: number, d: number) => (d > 0 && n % d === 0 ? n / d : undefined);
const bitsOr = (bits: number | undefined, allowed = INTEGER_BITS) => (bits !== undefined && allowed.includes(bits) ? bits : undefined);

/** What one layout makes of the tensors it recognises: its weight, or a problem, and the tensors it claims. */
type Found = { claims: string[] } & ({ weight: PackedWeight } | { problem: PackingProblem });

interface Context {
  byName: ReadonlyMap<string, TensorInfo>;
  quantisation?: Quantisation;
}

const weight = (name: string, layout: PackingLayout, bits: number, shape: number[] | null, storedAs: TensorInfo, elements = elementsOf(shape ?? [])): PackedWeight => ({
  name, layout, bits, shape, elements, storedAs: storedAs.name,
});
const disagree = (tensor: TensorInfo, other: TensorInfo | string, layout: PackingLayout): PackingProblem => ({
  problem: 'shapesDisagree', tensor: tensor.name, other: typeof other === 'string' ? other : other.name, layout,
});

/** GPTQ or AWQ: a module's qweight, qzeros, scales and g_idx. */
function gptqOrAwq(qweight: TensorInfo, { byName, quantisation }: Context): Found {
  const module = moduleOf(qweight.name);
  const [scales, qzeros, gIdx] = ['scales', 'qzeros', 'g_idx'].map((part) => byName.get(`${module}.${part}`));
  const claims = [qweight, scales, qzeros, gIdx].filter((t): t is TensorInfo => t !== undefined).map((t) => t.name);
  if (!scales || qweight.shape.length !== 2 || scales.shape.length !== 2) return { claims, problem: disagree(qweight, scales ?? `${module}.scales`, 'gptq') };
  const [rows = 0, columns = 0] = qweight.shape;
  const [groups = 0, out = 0] = scales.shape;
  // GPTQ packs along the input, so qweight and scales share their columns; AWQ packs along the output.
  const awq = quantisation?.method === 'awq' || (quantisation?.method !== 'gptq' && columns !== out);
  const layout = awq ? 'awq' : 'gptq';
  if (awq) {
    // AWQ's shapes always give its width: one that is no width means they disagree.
    const bits = bitsOr(quantisation?.bits ?? exactly(32 * columns, out));
    if (bits === undefined) return { claims, problem: disagree(qweight, scales, layout) };
    const inFeatures = rows;
    const group = quantisation?.groupSize;
    if (columns * 32 !== out * bits || (qzeros && qzeros.shape[1] !== columns) || (group && groups !== Math.ceil(inFeatures / group))) {
      return { claims, problem: disagree(qweight, scales, layout) };
    }
    return { claims, weight: weight(`${module}.weight`, layout, bits, [out, inFeatures], qweight) };
  }
  const bits = bitsOr(
    quantisation?.bits ??
      (qzeros && exactly(32 * (qzeros.shape[1] ?? 0), out)) ??
      (gIdx && exactly(32 * rows, gIdx.shape[0] ?? 0)) ??
      (quantisation?.groupSize && exactly(32 * rows, groups * quantisation.groupSize)),
  );
  if (bits === undefined) return { claims, problem: { problem: 'bitsUnknown', tensor: qweight.name, layout } };
  const inFeatures = exactly(32 * rows, bits);
  const group = quantisation?.groupSize;
  const bad =
    columns !== out ||
    inFeatures === undefined ||
    (gIdx && gIdx.shape[0] !== inFeatures) ||
    (qzeros && (qzeros.shape[0] !== groups || qzeros.shape[1]! * 32 !== out * bits)) ||
    (group && groups !== Math.ceil(inFeatures / group));
  if (bad) return { claims, problem: disagree(qweight, gIdx && gIdx.shape[0] !== inFeatures ? gIdx : scales, layout) };
  return { claims, weight: weight(`${module}.weight`, layout, bits, [out, inFeatures], qweight) };
}

/** compressed-tensors' pack-quantized: weight_packed with its weight_shape, scale, zero point and g_idx. */
function compressedTensors(packed: TensorInfo, { byName, quantisation }: Context): Found {
  const module = moduleOf(packed.name);
  const parts = ['weight_scale', 'weight_zero_point', 'weight_g_idx', 'weight_shape'].map((part) => byName.get(`${module}.${part}`));
  const [scale, zeroPoint, gIdx] = parts;
  const claims = [packed, ...parts].filter((t): t is TensorInfo => t !== undefined).map((t) => t.name);
  const layout = 'compressed-tensors';
  const [out = 0, columns = 0] = packed.shape;
  if (packed.shape.length !== 2 || (scale && scale.shape[0] !== out)) return { claims, problem: disagree(packed, scale ?? `${module}.weight_scale`, layout) };
  const groupColumns = scale?.shape[1] ?? 0;
  const inFromGroups = quantisation?.groupSize && groupColumns > 1 ? groupColumns * quantisation.groupSize : undefined;
  const inFeatures = gIdx?.shape[0] ?? inFromGroups;
  const bits = bitsOr(
    quantisation?.bits ??
      (zeroPoint && exactly(32 * (zeroPoint.shape[0] ?? 0), out)) ??
      (inFeatures && exactly(32 * columns, inFeatures)),
  );
  if (bits === undefined) return { claims, problem: { problem: 'bitsUnknown', tensor: packed.name, layout } };
  // pack_to_int32 puts 32 // bits weights in an int32 and pads each row to whole int32s.
  const perInt = Math.floor(32 / bits);
  const width = inFeatures ?? columns * perInt;
  if (Math.ceil(width / perInt) !== columns) return { claims, problem: disagree(packed, gIdx ?? scale ?? packed, layout) };
  return { claims, weight: weight(`${module}.weight`, layout, bits, [out, width], packed) };
}

/** bitsandbytes 4-bit: two weights a byte; the shape itself is in the data, the count is not. */
function bitsandbytes(stored: TensorInfo, { byName }: Context): Found {
  const claims = [...byName.keys()].filter((name) => name === stored.name || name.startsWith(`${stored.name}.`));
  if (stored.shape.length !== 2 || stored.shape[1] !== 1) return { claims, problem: disagree(stored, `${stored.name}.absmax`, 'bitsandbytes-4bit') };
  // quantize_4bit stores n weights in ⌊(n + 1) / 2⌋ bytes: 2 a byte, the last byte half full when n is odd.
  return { claims, weight: weight(stored.name, 'bitsandbytes-4bit', 4, null, stored, 2 * stored.elements) };
}

/** MLX: a uint32 weight with scales (and, in its affine mode, biases) per group. */
function mlx(stored: TensorInfo, { byName, quantisation }: Context): Found {
  const module = moduleOf(stored.name);
  const scales = byName.get(`${module}.scales`)!;
  const biases = byName.get(`${module}.biases`);
  const claims = [stored, scales, biases].filter((t): t is TensorInfo => t !== undefined).map((t) => t.name);
  const columns = stored.shape.at(-1) ?? 0;
  const groups = scales.shape.at(-1) ?? 0;
  const override = quantisation?.modules.get(module);
  const group = override?.groupSize ?? quantisation?.groupSize;
  const bits = bitsOr(override?.bits ?? quantisation?.bits ?? (group && exactly(32 * columns, groups * group)), MLX_BITS);
  if (!same(stored.shape.slice(0, -1), scales.shape.slice(0, -1)) || (biases && !same(biases.shape, scales.shape))) {
    return { claims, problem: disagree(stored, scales, 'mlx') };
  }
  if (bits === undefined) return { claims, problem: { problem: 'bitsUnknown', tensor: stored.name, layout: 'mlx' } };
  const inFeatures = exactly(32 * columns, bits);
  if (inFeatures === undefined || (group && inFeatures !== groups * group)) return { claims, problem: disagree(stored, scales, 'mlx') };
  return { claims, weight: weight(stored.name, 'mlx', bits, [...stored.shape.slice(0, -1), inFeatures], stored) };
}

/** MXFP4: blocks of 32 four-bit values in 16 bytes, one shared exponent a block. */
function mxfp4(blocks: TensorInfo, { byName }: Context): Found {
  const base = blocks.name.slice(0, -'_blocks'.length);
  const scales = byName.get(`${base}_scales`)!;
  const claims = [blocks.name, scales.name];
  if (blocks.shape.at(-1) !== 16 || !same(blocks.shape.slice(0, -1), scales.shape)) return { claims, problem: disagree(blocks, scales, 'mxfp4') };
  const shape = [...blocks.shape.slice(0, -2), (blocks.shape.at(-2) ?? 0) * 32];
  // convert_moe_packed_tensors transposes an expert stack to [experts, in, out].
  if (shape.length === 3) shape.splice(1, 2, shape[2]!, shape[1]!);
  return { claims, weight: weight(base, 'mxfp4', 4, shape, blocks) };
}

/** FP8: the weight keeps its shape, one byte a parameter; its scales are quantisation data. */
function fp8(stored: TensorInfo, { byName, quantisation }: Context): Found {
  const module = moduleOf(stored.name);
  const inverse = byName.get(`${stored.name}_scale_inv`);
  const scales = ['weight_scale', 'input_scale'].map((part) => byName.get(`${module}.${part}`));
  const claims = [stored, inverse, ...scales].filter((t): t is TensorInfo => t !== undefined).map((t) => t.name);
  if (inverse) {
    const [blockRows, blockColumns] = quantisation?.blockSize ?? FP8_BLOCK;
    const [out = 0, inFeatures = 0] = stored.shape;
    if (!same(inverse.shape, [Math.ceil(out / blockRows), Math.ceil(inFeatures / blockColumns)])) return { claims, problem: disagree(stored, inverse, 'fp8') };
  }
  return { claims, weight: weight(stored.name, 'fp8', 8, [...stored.shape], stored) };
}

/** The layout a tensor starts, if it starts one. */
function layoutOf(tensor: TensorInfo, byName: ReadonlyMap<string, TensorInfo>): ((t: TensorInfo, c: Context) => Found) | undefined {
  const { name, dtype } = tensor;
  const module = moduleOf(name);
  if (name.endsWith('.qweight')) return gptqOrAwq;
  if (name.endsWith('.weight_packed')) return compressedTensors;
  if (name.endsWith('_blocks') && byName.has(`${name.slice(0, -'_blocks'.length)}_scales`)) return mxfp4;
  if (dtype === 'U8' && byName.has(`${name}.absmax`)) return bitsandbytes;
  if (dtype === 'U32' && byName.has(`${module}.scales`)) return mlx;
  if (isFloat8(dtype) && (byName.has(`${name}_scale_inv`) || byName.has(`${module}.weight_scale`))) return fp8;
  return undefined;
}

// Names only a quantiser gives, for its data left without the weight it belongs to.
const QUANTISATION_DATA = /\.(qzeros|g_idx|weight_scale|weight_zero_point|weight_g_idx|weight_shape|input_scale|weight_scale_inv)$|\.weight\.(absmax|quant_map|nested_absmax|nested_quant_map|quant_state\..+)$/;
// Integer storage holds packed or index data, never a trainable parameter.
const INTEGER_STORAGE = new Set(['I32', 'U32', 'U8']);

/** The checkpoint's parameters, each packed weight counted as the weight it stands for. */
export function unpack(tensors: readonly TensorInfo[], quantisation?: Quantisation): Unpacked {
  const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const context: Context = { byName, quantisation };
  const claimed = new Set<string>();
  const packed: PackedWeight[] = [];
  const problems: PackingProblem[] = [];
  for (const tensor of tensors) {
    const layout = claimed.has(tensor.name) ? undefined : layoutOf(tensor, byName);
    if (!layout) continue;
    const found = layout(tensor, context);
    for (const name of found.claims) claimed.add(name);
    if ('weight' in found) packed.push(found.weight);
    else problems.push(found.problem);
  }
  const stored = new Set(packed.map((p) => p.storedAs));
  const parameters: TensorInfo[] = [];
  const quantisationData: TensorInfo[] = [];
  for (const tensor of tensors) {
    const packedWeight = stored.has(tensor.name) ? packed.find((p) => p.storedAs === tensor.name)! : undefined;
    if (packedWeight) {
      const { name, shape, elements, layout, bits } = packedWeight;
      parameters.push({ ...tensor, name, shape: shape ?? [elements], elements, packing: { layout, bits, storedAs: tensor.name, shapeKnown: shape !== null } });
    } else if (claimed.has(tensor.name)) {
      // A packed tensor whose weight could not be read is named in `problems`, not counted.
      if (!problems.some((p) => p.tensor === tensor.name)) quantisationData.push(tensor);
    } else if (QUANTISATION_DATA.test(tensor.name) || INTEGER_STORAGE.has(tensor.dtype)) {
      quantisationData.push(tensor);
    } else {
      parameters.push(tensor);
    }
  }
  return { parameters, packed, quantisationData, problems };
}
