// Builds a model from a Hugging Face config.json, with the parameter names of its checkpoints, from
// the family records in lib/models/families/. Every refusal is a ConfigError that names the key.
import { countParameters } from '../analysis/count.ts';
import type { Module } from '../module.ts';
import { ConfigError } from './config-error.ts';
import { ConfigReader, describe, type HFConfig } from './config-reader.ts';
import type { CheckpointExtras, Family } from './families/family.ts';
import { FAMILIES, familyOf, MULTIMODAL } from './families/index.ts';

export type { HFConfig } from './config-reader.ts';

/** The `model_type` values modelFromConfig builds, multimodal ones (their language model) included. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = [...FAMILIES.flatMap((family) => family.modelTypes), ...Object.keys(MULTIMODAL)];

/** What modelFromConfig knows about a model it built. */
export interface BuiltModel {
  family: Family;
  /** The config's own `model_type` (`gemma3` for a multimodal config whose language model is `gemma3_text`). */
  modelType: string;
  /** Keys of the config whose parameters are not in the model: a multimodal config's `vision_config`. */
  notCounted: readonly string[];
  /** What a checkpoint of this config carries beyond the model (DeepSeek-V3's MTP layer), if anything. */
  checkpointExtras: CheckpointExtras | null;
}

const BUILT = new WeakMap<Module, BuiltModel>();

/** What modelFromConfig knows about `model`, or undefined for a model it did not build. */
export const builtModel = (model: Module): BuiltModel | undefined => BUILT.get(model);

function unsupported(modelType: unknown): never {
  const got = modelType === undefined ? undefined : describe(modelType);
  throw new ConfigError({ problem: 'unsupportedModelType', got, supported: SUPPORTED_MODEL_TYPES });
}

/**
 * The model a Hugging Face `config.json` describes, with the parameter names of its checkpoints:
 * `…ForCausalLM` for the decoders (`model.layers.0.self_attn.q_proj.weight`, `lm_head.weight`),
 * `GPT2LMHeadModel` for gpt2 and `BertModel` for bert. A multimodal config (`gemma3`, `llama4`,
 * `mistral3`) gives its language model, from `text_config`, and `builtModel(model).notCounted`
 * names what is left out. Nothing is allocated: the weights exist only as shapes until something
 * reads them, and a layer's experts as one group. A config whose count would pass 2⁵³ is refused.
 */
export function modelFromConfig(config: HFConfig): Module {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigError({ problem: 'notAnObject', got: describe(config) });
  }
  const modelType = config.model_type;
  if (typeof modelType !== 'string') unsupported(modelType);
  let text = config;
  let textType = modelType;
  const notCounted: string[] = [];
  if (Object.hasOwn(MULTIMODAL, modelType)) {
    const inner = new ConfigReader(config, modelType).object('text_config');
    if (!inner) throw new ConfigError({ problem: 'missing', key: 'text_config' }, modelType);
    text = inner;
    textType = typeof inner.model_type === 'string' ? inner.model_type : MULTIMODAL[modelType]!;
    notCounted.push(...Object.keys(config).filter((key) => /^vision_config$|^audio_config$/.test(key)));
    if (notCounted.length === 0) notCounted.push('vision_config');
  }
  const family = familyOf(textType) ?? unsupported(textType);
  const read = new ConfigReader(text, textType);
  const model = family.build(read);
  if (countParameters(model, { trainableOnly: false }) > Number.MAX_SAFE_INTEGER) read.fail({ problem: 'notExact' });
  BUILT.set(model, { family, modelType, notCounted, checkpointExtras: family.checkpointExtras?.(read) ?? null });
  return model;
}
