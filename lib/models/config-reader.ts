// Reads a Hugging Face config.json strictly: a missing, fractional, non-positive or impossibly large
// size names its key and value, because a guessed default would be a silently wrong count and an
// absurd size would stall the page that counts it.
import { ConfigError, type ConfigProblem } from './config-error.ts';

/** A parsed config.json: keys as Hugging Face writes them (`hidden_size`, `num_key_value_heads`, …). */
export type HFConfig = Record<string, unknown>;

/**
 * The largest size read: 2²⁴ = 16,777,216, where the widest real models have a vocabulary of a
 * few hundred thousand and a hidden size of a few tens of thousands. Within it every matrix holds
 * an exact count (2⁴⁸ at most), and the total is checked against 2⁵³ once built.
 */
export const MAX_SIZE = 2 ** 24;
/** The deepest stack read: real models have at most a few hundred layers, and each one is built. */
export const MAX_LAYERS = 10_000;

export const describe = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));

export class ConfigReader {
  readonly #config: HFConfig;
  readonly modelType: string;

  constructor(config: HFConfig, modelType: string) {
    this.#config = config;
    this.modelType = modelType;
  }

  fail(problem: ConfigProblem): never {
    throw new ConfigError(problem, this.modelType);
  }

  has(key: string): boolean {
    return this.#config[key] !== undefined && this.#config[key] !== null;
  }

  /** A required size: a positive integer, at most MAX_SIZE (MAX_LAYERS for `num_hidden_layers`). */
  size(key: string): number {
    if (!this.has(key)) this.fail({ problem: 'missing', key });
    const value = this.#config[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.fail({ problem: 'notPositiveInteger', key, got: describe(value) });
    }
    const max = key === 'num_hidden_layers' || key === 'n_layer' ? MAX_LAYERS : MAX_SIZE;
    if (value > max) this.fail({ problem: 'tooLarge', key, value, max });
    return value;
  }

  /** A size that Hugging Face derives from others when it is absent or null. */
  sizeOr(key: string, fallback: () => number): number {
    return this.has(key) ? this.size(key) : fallback();
  }

  /** A size the config must give, where null says the part is left out (DeepSeek-V2-Lite's `q_lora_rank`). */
  sizeOrNull(key: string): number | null {
    if (this.#config[key] === null) return null;
    return this.size(key);
  }

  /** A size that may be 0 (`first_k_dense_replace`, `n_shared_experts`). */
  count(key: string, fallback: number): number {
    if (!this.has(key)) return fallback;
    const value = this.#config[key];
    if (value === 0) return 0;
    return this.size(key);
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
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      this.fail({ problem: 'notPositiveNumber', key, got: describe(value) });
    }
    return value;
  }

  /** A list of strings, each one of `allowed`, with one entry per layer when `perLayer` is given. */
  strings(key: string, allowed: readonly string[], perLayer?: { key: string; layers: number }): string[] | null {
    if (!this.has(key)) return null;
    const value = this.#config[key];
    if (!Array.isArray(value)) this.fail({ problem: 'notAList', key, got: describe(value) });
    const wrong = value.find((entry) => typeof entry !== 'string' || !allowed.includes(entry));
    if (wrong !== undefined) this.fail({ problem: 'notOneOf', key, got: describe(wrong), allowed });
    if (perLayer && value.length !== perLayer.layers) {
      this.fail({ problem: 'wrongLength', key, length: value.length, otherKey: perLayer.key, other: perLayer.layers });
    }
    return value as string[];
  }

  /** A list of layer indices (`mlp_only_layers`, `moe_layers`): integers from 0. */
  indices(key: string): number[] | null {
    if (!this.has(key)) return null;
    const value = this.#config[key];
    if (!Array.isArray(value)) this.fail({ problem: 'notAList', key, got: describe(value) });
    const wrong = value.find((entry) => typeof entry !== 'number' || !Number.isInteger(entry) || entry < 0);
    if (wrong !== undefined) this.fail({ problem: 'notOneOf', key, got: describe(wrong), allowed: ['a layer index (0, 1, …)'] });
    return value as number[];
  }

  /** The config object under `key` (a multimodal config's `text_config`), if there is one. */
  object(key: string): HFConfig | null {
    const value = this.#config[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as HFConfig) : null;
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

  /** `topKKey` experts per token cannot exceed the `expertsKey` there are. */
  notAbove(topKKey: string, value: number, expertsKey: string, experts: number): void {
    if (value > experts) this.fail({ problem: 'cannotExceed', key: topKKey, value, otherKey: expertsKey, other: experts });
  }
}
