// Parts of a checkpoint that are no part of the language model a config builds, named by their
// tensors' names: a multi-token prediction (MTP) layer, which DeepSeek-V3 stores as one more
// decoder layer after the last (`model.layers.61` for its 61 layers), and a vision tower with
// its projector. Until the family records say which names are which, these patterns do.

export type ModelPart = 'mtp' | 'vision';

const LAYER = /^model\.layers\.(\d+)\./;
const VISION = /(^|\.)(vision_tower|vision_model|multi_modal_projector)\./;

/** The part a tensor belongs to, given the config's `num_hidden_layers` when there is one. */
export function modelPartOf(name: string, layers?: number): ModelPart | undefined {
  if (VISION.test(name)) return 'vision';
  const layer = LAYER.exec(name)?.[1];
  if (layers !== undefined && layer !== undefined && Number(layer) >= layers) return 'mtp';
  return undefined;
}
