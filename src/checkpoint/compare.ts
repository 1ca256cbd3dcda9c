// A checkpoint's tensors against the model the library builds from its config, name by name and
// shape by shape. The model's state dict lists a tied weight under each of its names, as PyTorch
// does; a checkpoint often stores it once, and that is no missing tensor.
import type { Module, Tensor } from 'lib';
import { isQuantised, type TensorInfo } from './tensor-info.ts';

export interface Comparison {
  /** Tensors with the model's name and shape. */
  matching: number;
  /** In the model, not in the file. */
  missing: { name: string; shape: number[] }[];
  /** In the file, not in the model. */
  extra: { name: string; shape: number[] }[];
  misShaped: { name: string; expected: number[]; actual: number[] }[];
  /** Tied weights the file leaves out, and the name it stores them under. */
  tied: { name: string; storedAs: string }[];
  /** Weights stored quantised (GPTQ/AWQ `qweight` …) instead of under their own name. */
  quantised: { name: string; storedAs: string }[];
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((size, i) => size === b[i]);
const moduleOf = (name: string) => name.slice(0, name.lastIndexOf('.'));

export function compareWithModel(tensors: readonly TensorInfo[], model: Module): Comparison {
  const expected = model.stateDict();
  const inFile = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const comparison: Comparison = { matching: 0, missing: [], extra: [], misShaped: [], tied: [], quantised: [] };

  for (const [name, tensor] of expected) {
    const stored = inFile.get(name);
    if (stored) {
      if (sameShape(stored.shape, tensor.shape)) comparison.matching += 1;
      else comparison.misShaped.push({ name, expected: [...tensor.shape], actual: stored.shape });
      continue;
    }
    const storedAs = tiedName(name, tensor, expected, inFile);
    const qweight = `${moduleOf(name)}.qweight`;
    if (storedAs) comparison.tied.push({ name, storedAs });
    else if (name.endsWith('.weight') && inFile.has(qweight)) comparison.quantised.push({ name, storedAs: qweight });
    else comparison.missing.push({ name, shape: [...tensor.shape] });
  }

  for (const tensor of tensors) {
    if (expected.has(tensor.name)) continue;
    // A quantised Linear's qweight, qzeros, scales and g_idx stand in for its weight.
    const quantisedWeight = isQuantised(tensor.name, tensor.dtype) && expected.has(`${moduleOf(tensor.name)}.weight`);
    if (!quantisedWeight) comparison.extra.push({ name: tensor.name, shape: tensor.shape });
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
