// What the site knows about one family of models, in one record: how its config.json is read into a
// module tree with its checkpoints' names, which part of the model each tensor is, the names LoRA
// targets, the attention it caches, how llama.cpp renames its tensors, how its vendor states an
// active count, and what its checkpoints carry beyond the model transformers builds. Adding a
// family is one file in this folder and one entry in index.ts.
import type { KVCacheSpec } from '../../capabilities.ts';
import type { Module } from '../../module.ts';
import type { ConfigReader } from '../config-reader.ts';

/** The parts of a transformer a parameter can belong to. */
export const PARTS = ['embeddings', 'attention', 'mlp', 'experts', 'router', 'norms', 'head', 'other'] as const;
export type Part = (typeof PARTS)[number];

/** How llama.cpp names a family's tensors: its base name → Hugging Face's, without `.weight` or `.bias`. */
export interface GgufLayout {
  /** The tensors outside the layers. */
  top: Readonly<Record<string, string>>;
  /** Where layer N's tensors live in Hugging Face's names (`model.layers` for `model.layers.N.…`). */
  layers: string;
  /** The tensors of one layer, `blk.N.<base>` in the file. */
  block: Readonly<Record<string, string>>;
  /**
   * Where a layer's experts live and what llama.cpp's stacked expert tensors hold (`ffn_gate_exps`
   * → the gate projection of every expert), in the order a merged tensor holds them.
   */
  experts?: { at: string; tensors: Readonly<Record<string, readonly string[]>> };
  /** Matrices the Hugging Face model stores as [in, out] (GPT-2's Conv1D), which the converter transposed first. */
  transposed?: ReadonlySet<string>;
}

/** Which figure a vendor publishes as "active parameters". */
export interface ActiveConvention {
  vendor: string;
  /** Whether the input token embedding is in it. */
  inputEmbedding: boolean;
  /** Whether the output head is in it. */
  outputHead: boolean;
}

/** Tensors a checkpoint holds that the model transformers builds drops on loading. */
export interface CheckpointExtras {
  /** What they are: `mtp`, multi-token-prediction layers. */
  what: 'mtp';
  /** Where their names start: `model.layers.61.` for DeepSeek-V3, the layer after the model's own; `mtp.` for Qwen3-Next. */
  prefixes: readonly string[];
}

export interface Family {
  /** The `model_type` values of this family, the canonical one first (`deepseek_v3`, then `kimi_k2`). */
  modelTypes: readonly string[];
  /** The architecture, as a reader knows it (`DeepSeek-V3`). */
  name: string;
  /** The module tree a config describes, with its checkpoints' names and shapes. */
  build(read: ConfigReader): Module;
  /** The part a parameter belongs to, by its name in the checkpoint. */
  partOf(name: string): Part;
  /** The matrices LoRA is usually pointed at in this family (PEFT's `target_modules`). */
  loraTargets: readonly string[];
  /** The kinds of attention its layers have, which decide its KV cache. */
  attention: readonly KVCacheSpec['kind'][];
  active: ActiveConvention;
  /** llama.cpp's names, where its converter writes this family. */
  gguf?: GgufLayout;
  /** What a checkpoint of this config carries beyond the model (MTP layers), if anything. */
  checkpointExtras?(read: ConfigReader): CheckpointExtras | null;
}

const owner = (name: string) => name.split('.').at(-2) ?? '';

/**
 * The parts of a Hugging Face decoder, from its names: `model.embed_tokens`, `self_attn`, an
 * `mlp` (or Llama 4's `feed_forward`) that holds either the MLP or the experts, their router
 * (`gate`, `router`) and shared experts (counted with the MLP: every token passes through them),
 * the norms, and `lm_head`.
 */
export function decoderPartOf(name: string): Part {
  if (/(^|\.)embed_tokens\./.test(name)) return 'embeddings';
  if (/^lm_head\./.test(name)) return 'head';
  if (/norm/i.test(owner(name))) return 'norms';
  if (/\.experts\./.test(name)) return 'experts';
  if (/\.(gate|router)\.[^.]+$/.test(name)) return 'router';
  if (/\.self_attn\./.test(name)) return 'attention';
  if (/\.(mlp|feed_forward|block_sparse_moe)\./.test(name)) return 'mlp';
  return 'other';
}

/** The active-count conventions of the vendors, as they state their headline figures. */
export const CONVENTIONS = {
  deepseek: { vendor: 'DeepSeek', inputEmbedding: false, outputHead: true },
  moonshot: { vendor: 'Moonshot AI (Kimi)', inputEmbedding: false, outputHead: true },
  openai: { vendor: 'OpenAI', inputEmbedding: false, outputHead: true },
  zhipu: { vendor: 'Z.ai (GLM)', inputEmbedding: false, outputHead: false },
  qwen: { vendor: 'Qwen', inputEmbedding: true, outputHead: true },
  meta: { vendor: 'Meta', inputEmbedding: true, outputHead: true },
  mistral: { vendor: 'Mistral AI', inputEmbedding: true, outputHead: true },
  google: { vendor: 'Google', inputEmbedding: true, outputHead: true },
  microsoft: { vendor: 'Microsoft', inputEmbedding: true, outputHead: true },
  ai2: { vendor: 'Ai2', inputEmbedding: true, outputHead: true },
  openaiGpt2: { vendor: 'OpenAI', inputEmbedding: true, outputHead: true },
  googleBert: { vendor: 'Google', inputEmbedding: true, outputHead: true },
} as const satisfies Record<string, ActiveConvention>;
