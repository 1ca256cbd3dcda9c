// Parts of a checkpoint that are no part of the language model a config builds, named by their
// tensors' names: a multi-token prediction (MTP) layer, which DeepSeek-V3 stores as one more
// decoder layer after the last (`model.layers.61` for its 61 layers), and a vision tower with
// its projector. A family record in lib names its checkpoints' MTP tensors (Qwen3-Next's `mtp.`);
// without one, a layer past the config's last is taken for one.
import type { CheckpointExtras } from 'lib';

export type ModelPart = 'mtp' | 'vision';

const LAYER = /^model\.layers\.(\d+)\./;
const VISION = /(^|\.)(vision_tower|vision_model|multi_modal_projector)\./;

/** The part a tensor belongs to, given the config's `num_hidden_layers` and what its family's checkpoints carry. */
export function modelPartOf(name: string, layers?: number, extras?: CheckpointExtras | null): ModelPart | undefined {
  if (VISION.test(name)) return 'vision';
  if (extras?.prefixes.some((prefix) => name.startsWith(prefix))) return extras.what;
  const layer = LAYER.exec(name)?.[1];
  if (layers !== undefined && layer !== undefined && Number(layer) >= layers) return 'mtp';
  return undefined;
}
