// A checkpoint's tensors against the model the library builds from its config, name by name and
// shape by shape. The model's state dict lists a tied weight under each of its names, as PyTorch
// does; a checkpoint often stores it once, and that is no missing tensor. A packed weight is
// compared as the weight it stands for (packed.ts), and a tensor of an MTP layer or a vision
// tower, which the config's model does not build, is named as such rather than as extra.
import { builtModel, type Module, type Tensor } from 'lib';
import { type ModelPart, modelPartOf } from './model-parts.ts';
import type { PackingLayout } from './packed.ts';
import type { TensorInfo } from './tensor-info.ts';

export interface Comparison {
  /** Tensors with the model's name and shape (a packed one: the shape it stands for). */
  matching: number;
  /** In the model, not in the file. */
  missing: { name: string; shape: number[] }[];
  /** In the file, not in the model. */
  extra: { name: string; shape: number[] }[];
  misShaped: { name: string; expected: number[]; actual: number[] }[];
  /** Tied weights the file leaves out, and the name it stores them under. */
  tied: { name: string; storedAs: string }[];
  /** Tied weights the file stores under both names: one matrix, stored twice. */
  storedTwice: { name: string; alsoAs: string }[];
  /** The model's weights that the file stores packed, and the tensor that holds each. */
  packed: { name: string; layout: PackingLayout; storedAs: string }[];
  /** Tensors of an MTP layer or a vision tower. */
  parts: { name: string; shape: number[]; part: ModelPart }[];
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((size, i) => size === b[i]);

/** Whether a stored tensor is the model's: by shape, or by count where a packing keeps no shape. */
function fits(stored: TensorInfo, tensor: Tensor): boolean {
  if (!stored.packing || stored.packing.shapeKnown) return sameShape(stored.shape, tensor.shape);
  // bitsandbytes stores n weights in ⌊(n + 1) / 2⌋ bytes, which read as n + 1 when n is odd.
  const n = tensor.numel();
  return stored.elements === n || (n % 2 === 1 && stored.elements === n + 1);
}

/** `layers`, the config's num_hidden_layers, tells an MTP layer from the model's own. */
export function compareWithModel(tensors: readonly TensorInfo[], model: Module, { layers }: { layers?: number } = {}): Comparison {
  const expected = model.stateDict();
  const inFile = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const comparison: Comparison = { matching: 0, missing: [], extra: [], misShaped: [], tied: [], storedTwice: [], packed: [], parts: [] };
  const firstName = new Map<Tensor, string>();

  for (const [name, tensor] of expected) {
    const first = firstName.get(tensor);
    if (!first) firstName.set(tensor, name);
    const stored = inFile.get(name);
    if (stored) {
      if (fits(stored, tensor)) comparison.matching += 1;
      else comparison.misShaped.push({ name, expected: [...tensor.shape], actual: stored.shape });
      if (stored.packing) comparison.packed.push({ name, layout: stored.packing.layout, storedAs: stored.packing.storedAs });
      if (first && inFile.has(first)) comparison.storedTwice.push({ name, alsoAs: first });
      continue;
    }
    const storedAs = tiedName(name, tensor, expected, inFile);
    if (storedAs) comparison.tied.push({ name, storedAs });
    else comparison.missing.push({ name, shape: [...tensor.shape] });
  }

  const extras = builtModel(model)?.checkpointExtras;
  for (const tensor of tensors) {
    if (expected.has(tensor.name)) continue;
    const part = modelPartOf(tensor.name, layers, extras);
    if (part) comparison.parts.push({ name: tensor.name, shape: tensor.shape, part });
    else comparison.extra.push({ name: tensor.name, shape: tensor.shape });
  }
  return comparison;
}

/** Another name of the same tensor that the file does store. */
function tiedName(name: string, tensor: Tensor, expected: Map<string, Tensor>, inFile: Map<string, TensorInfo>): string | undefined {
  for (const [other, candidate] of expected) {
    if (other !== name && candidate === tensor && inFile.has(other)) return other;
  }
  return undefined;
}
