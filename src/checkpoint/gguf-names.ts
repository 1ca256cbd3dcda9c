// A GGUF file's tensors under the names and shapes of the Hugging Face checkpoint they were
// converted from, so that they can be compared with the model a config builds. llama.cpp's
// converter renames every tensor by gguf-py's tables (gguf/constants.py TENSOR_NAMES,
// gguf/tensor_mapping.py), writes each shape innermost first (PyTorch's [out, in] is stored as
// ne = [in, out]) and stacks the experts of a Mixtral layer into one 3-D tensor per projection,
// the expert outermost (conversion/llama.py). Here each of those steps is undone, by the layout
// each family's record in lib gives (lib/models/families/).
import { familyOf, type GgufLayout } from 'lib';
import { elementsOf, type TensorInfo } from './tensor-info.ts';

/**
 * Tensors llama.cpp stores that no Hugging Face checkpoint holds: RoPE frequency factors the
 * converter computes from the config (Llama 3.1's rope_scaling writes `rope_freqs`). They are no
 * parameter of the model.
 */
const GGUF_ONLY = new Set(['rope_freqs.weight', 'rope_factors_long.weight', 'rope_factors_short.weight']);

export const isGgufOnly = (name: string): boolean => GGUF_ONLY.has(name);

const GGUF_NAME = /^(?:blk\.(\d+)\.)?(\w+)\.(weight|bias)$/;

/**
 * The tensors of a GGUF file as the Hugging Face checkpoint of this `model_type` names and shapes
 * them. The tensors that are no parameter are left out; one that cannot be named stays as it is.
 */
export function ggufAsHuggingFace(tensors: readonly TensorInfo[], modelType: string): TensorInfo[] {
  const layout = familyOf(modelType)?.gguf;
  const parameters = tensors.filter((tensor) => !isGgufOnly(tensor.name));
  return layout ? parameters.flatMap((tensor) => asHuggingFace(tensor, layout)) : parameters;
}

function asHuggingFace(tensor: TensorInfo, layout: GgufLayout): TensorInfo[] {
  const [, layer, base = '', suffix = ''] = GGUF_NAME.exec(tensor.name) ?? [];
  const shape = layout.transposed?.has(base) ? [...tensor.shape] : [...tensor.shape].reverse();
  if (layer === undefined) {
    const name = layout.top[base];
    return name ? [renamed(tensor, `${name}.${suffix}`, shape)] : [tensor];
  }
  const prefix = `${layout.layers}.${layer}`;
  const name = layout.block[base];
  if (name) return [renamed(tensor, `${prefix}.${name}.${suffix}`, shape)];
  const projections = layout.experts?.tensors[base];
  if (layout.experts && projections && suffix === 'weight') {
    return perExpert(tensor, `${prefix}.${layout.experts.at}`, projections, shape);
  }
  return [tensor];
}

/** A merged [experts, rows, columns] tensor as one matrix per expert and projection. */
function perExpert(tensor: TensorInfo, prefix: string, projections: readonly string[], shape: number[]): TensorInfo[] {
  const [experts = 0, rows = 0, columns = 0] = shape;
  if (shape.length !== 3 || rows % projections.length !== 0) return [tensor];
  const each = [rows / projections.length, columns];
  return Array.from({ length: experts }, (_, expert) =>
    projections.map((projection) => renamed(tensor, `${prefix}.${expert}.${projection}.weight`, each)),
  ).flat();
}

const renamed = (tensor: TensorInfo, name: string, shape: number[]): TensorInfo => ({
  ...tensor, name, shape, elements: elementsOf(shape),
});
