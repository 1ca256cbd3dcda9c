// Builds a model from a Hugging Face config.json, with the parameter names of its checkpoints.
// Sizes are read strictly: a missing, fractional or non-positive size names its key and value,
// because a guessed default would be a silently wrong count.
import type { Module } from '../module.ts';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import { BertModel } from './hf/bert.ts';
import { CausalLM, type DecoderConfig } from './hf/decoder.ts';
import { GPT2LMHeadModel } from './hf/gpt2.ts';

/** A parsed config.json: keys as Hugging Face writes them (`hidden_size`, `num_key_value_heads`, …). */
export type HFConfig = Record<string, unknown>;

const describe = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

/** Reads the config's keys, and says which key is wrong when one is. */
class ConfigReader {
  readonly #config: HFConfig;
  readonly #modelType: string;

  constructor(config: HFConfig, modelType: string) {
    this.#config = config;
    this.#modelType = modelType;
  }

  fail(problem: ConfigProblem): never {
    throw new ConfigError(problem, this.#modelType);
  }

  has(key: string): boolean {
    return this.#config[key] !== undefined && this.#config[key] !== null;
  }

  /** A required size: a positive integer. */
  size(key: string): number {
    if (!this.has(key)) this.fail({ problem: 'missing', key });
    const value = this.#config[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.fail({ problem: 'notPositiveInteger', key, got: describe(value) });
    }
    return value;
  }

  /** A size that Hugging Face derives from others when it is absent or null. */
  sizeOr(key: string, fallback: () => number): number {
    return this.has(key) ? this.size(key) : fallback();
  }

  flag(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.#config[key];
    if (typeof value !== 'boolean') this.fail({ problem: 'notBoolean', key, got: describe(value) });
    return value;
  }

  number(key: string, fallback: number): number {
    if (!this.has(key)) return fallback;
    const value = this.#config[key];
    if (typeof value !== 'number' || !(value > 0)) this.fail({ problem: 'notPositiveNumber', key, got: describe(value) });
    return value;
  }

  /** Refuses a setting that adds parameters this layout does not build, rather than miscount. */
  unsupported(key: string, allowed: unknown): void {
    if (this.has(key) && this.#config[key] !== allowed) {
      this.fail({ problem: 'addsParameters', key, got: describe(this.#config[key]), allowed: describe(allowed) });
    }
  }

  /** The size under `partsKey` must split the one under `wholeKey` into equal parts. */
  divides(partsKey: string, wholeKey: string): void {
    const parts = this.size(partsKey);
    const whole = this.size(wholeKey);
    if (whole % parts !== 0) this.fail({ problem: 'mustDivide', key: partsKey, value: parts, otherKey: wholeKey, other: whole });
  }
}

/** The families of a Llama-style decoder differ in a few switches; each default is its config class's. */
interface DecoderFamily {
  /** Query/key/value biases: read from `attention_bias`, or fixed (Qwen2 always has them). */
  qkvBias: boolean | 'attention_bias';
  outputBias: boolean | 'attention_bias';
  mlpBias: boolean;
  qkNorm: boolean;
  tieWordEmbeddings: boolean;
  moe: boolean;
  /**
   * Which layers `sliding_window` applies to: `all` (Mistral, Mixtral), `from max_window_layers`
   * and only with `use_sliding_window` (Qwen2/3: transformers' default layer_types), or `none`.
   */
  sliding: 'all' | 'from max_window_layers' | 'none';
}

const DECODERS: Record<string, DecoderFamily> = {
  llama: { qkvBias: 'attention_bias', outputBias: 'attention_bias', mlpBias: true, qkNorm: false, tieWordEmbeddings: false, moe: false, sliding: 'none' },
  mistral: { qkvBias: false, outputBias: false, mlpBias: false, qkNorm: false, tieWordEmbeddings: false, moe: false, sliding: 'all' },
  qwen2: { qkvBias: true, outputBias: false, mlpBias: false, qkNorm: false, tieWordEmbeddings: false, moe: false, sliding: 'from max_window_layers' },
  qwen3: { qkvBias: 'attention_bias', outputBias: 'attention_bias', mlpBias: false, qkNorm: true, tieWordEmbeddings: false, moe: false, sliding: 'from max_window_layers' },
  mixtral: { qkvBias: false, outputBias: false, mlpBias: false, qkNorm: false, tieWordEmbeddings: false, moe: true, sliding: 'all' },
};

/**
 * Each layer's sliding window, or null. A config that leaves `sliding_window` out (or sets it to
 * null) attends to every token; Qwen2/3 slide only with `use_sliding_window`, on the layers from
 * `max_window_layers` on.
 */
function slidingWindows(read: ConfigReader, family: DecoderFamily, numLayers: number): (number | null)[] {
  const none = Array<null>(numLayers).fill(null);
  if (family.sliding === 'none' || !read.has('sliding_window')) return none;
  if (family.sliding === 'all') return none.map(() => read.size('sliding_window'));
  if (!read.flag('use_sliding_window', false)) return none;
  const window = read.size('sliding_window');
  const first = read.sizeOr('max_window_layers', () => 28); // Qwen2Config's and Qwen3Config's default
  return none.map((_, i) => (i >= first ? window : null));
}

function decoderConfig(read: ConfigReader, family: DecoderFamily): DecoderConfig {
  const numHeads = read.size('num_attention_heads');
  const hiddenSize = read.size('hidden_size');
  if (!read.has('head_dim')) read.divides('num_attention_heads', 'hidden_size');
  const numKeyValueHeads = read.sizeOr('num_key_value_heads', () => numHeads);
  if (read.has('num_key_value_heads')) read.divides('num_key_value_heads', 'num_attention_heads');
  const bias = (setting: boolean | 'attention_bias') => (setting === 'attention_bias' ? read.flag('attention_bias', false) : setting);
  let experts: DecoderConfig['experts'] = null;
  if (family.moe) {
    const count = read.size('num_local_experts');
    const topK = read.size('num_experts_per_tok');
    if (topK > count) {
      read.fail({ problem: 'cannotExceed', key: 'num_experts_per_tok', value: topK, otherKey: 'num_local_experts', other: count });
    }
    experts = { count, topK };
  }
  const numLayers = read.size('num_hidden_layers');
  return {
    vocabSize: read.size('vocab_size'),
    hiddenSize,
    intermediateSize: read.size('intermediate_size'),
    numLayers,
    numHeads,
    numKeyValueHeads,
    headDim: read.sizeOr('head_dim', () => hiddenSize / numHeads),
    qkvBias: bias(family.qkvBias),
    outputBias: bias(family.outputBias),
    mlpBias: family.mlpBias && read.flag('mlp_bias', false),
    qkNorm: family.qkNorm,
    rmsNormEps: read.number('rms_norm_eps', 1e-6),
    ropeTheta: read.number('rope_theta', 10000),
    tieWordEmbeddings: read.flag('tie_word_embeddings', family.tieWordEmbeddings),
    experts,
    slidingWindows: slidingWindows(read, family, numLayers),
  };
}

function gpt2(read: ConfigReader): Module {
  read.unsupported('add_cross_attention', false);
  read.divides('n_head', 'n_embd');
  const nEmbd = read.size('n_embd');
  return new GPT2LMHeadModel({
    vocabSize: read.size('vocab_size'),
    nPositions: read.size('n_positions'),
    nEmbd,
    nLayer: read.size('n_layer'),
    nHead: read.size('n_head'),
    nInner: read.sizeOr('n_inner', () => 4 * nEmbd),
    layerNormEpsilon: read.number('layer_norm_epsilon', 1e-5),
    tieWordEmbeddings: read.flag('tie_word_embeddings', true),
  });
}

function bert(read: ConfigReader): Module {
  read.unsupported('add_cross_attention', false);
  read.unsupported('position_embedding_type', 'absolute');
  read.divides('num_attention_heads', 'hidden_size');
  return new BertModel({
    vocabSize: read.size('vocab_size'),
    hiddenSize: read.size('hidden_size'),
    numLayers: read.size('num_hidden_layers'),
    intermediateSize: read.size('intermediate_size'),
    maxPositionEmbeddings: read.size('max_position_embeddings'),
    typeVocabSize: read.size('type_vocab_size'),
    layerNormEps: read.number('layer_norm_eps', 1e-12),
  });
}

/** The `model_type` values modelFromConfig builds. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = [...Object.keys(DECODERS), 'gpt2', 'bert'];

/**
 * The model a Hugging Face `config.json` describes, with the parameter names of its checkpoints:
 * `…ForCausalLM` for llama, mistral, qwen2, qwen3 and mixtral (`model.layers.0.self_attn.q_proj.weight`,
 * `lm_head.weight`), `GPT2LMHeadModel` for gpt2 (`transformer.h.0.attn.c_attn.weight`) and
 * `BertModel` for bert (`encoder.layer.0.attention.self.query.weight`). Nothing is allocated: the
 * weights exist only as shapes until something reads them.
 */
export function modelFromConfig(config: HFConfig): Module {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigError({ problem: 'notAnObject', got: describe(config) });
  }
  const modelType = config.model_type;
  if (typeof modelType !== 'string' || !SUPPORTED_MODEL_TYPES.includes(modelType)) {
    const got = modelType === undefined ? undefined : describe(modelType);
    throw new ConfigError({ problem: 'unsupportedModelType', got, supported: SUPPORTED_MODEL_TYPES });
  }
  const read = new ConfigReader(config, modelType);
  if (modelType === 'gpt2') return gpt2(read);
  if (modelType === 'bert') return bert(read);
  return new CausalLM(decoderConfig(read, DECODERS[modelType]!));
}
