// What a layer says about itself, so that analyses ask the layer instead of testing its class: an
// attention layer says what it caches while a model generates, an expert group how many of its
// experts a token uses. A new kind of layer then needs no change to the analyses.
import type { Parameter } from './parameter.ts';

/** What one attention layer keeps while a model generates, as serving engines (vLLM, SGLang) store it. */
export type KVCacheSpec =
  /** Keys and values of every token: `valuesPerToken` = kvHeads · (key head size + value head size). */
  | { kind: 'full'; valuesPerToken: number }
  /** Keys and values of at most the last `window` tokens. */
  | { kind: 'sliding'; valuesPerToken: number; window: number }
  /**
   * Multi-head latent attention: one compressed vector per token (kv_lora_rank + qk_rope_head_dim),
   * and, for comparison, what transformers' own cache keeps: the decompressed keys and values.
   */
  | { kind: 'latent'; valuesPerToken: number; decompressedValuesPerToken: number }
  /** Linear attention: a state of fixed size per sequence, whatever the context. */
  | { kind: 'linear'; valuesPerSequence: number };

/** An attention layer of a generating model. */
export interface CachesKeysAndValues {
  kvCache(): KVCacheSpec;
}

export const cachesKeysAndValues = (module: object): module is CachesKeysAndValues =>
  typeof (module as Partial<CachesKeysAndValues>).kvCache === 'function';

/** A group of experts that a router chooses from: each token goes to `topK` of `numExperts`. */
export interface RoutesTokens {
  readonly numExperts: number;
  readonly topK: number;
  /** The parameters a token skips: (numExperts − topK) routed experts' worth. */
  inactiveParameters(): number;
}

export const routesTokens = (module: object): module is RoutesTokens =>
  typeof (module as Partial<RoutesTokens>).inactiveParameters === 'function';

/**
 * A module that counts its own tensors without listing them: a group of hundreds of experts,
 * whose names are made only when something asks for them. Its tensors are never shared.
 */
export interface CountsItsParameters {
  parameterCount(trainableOnly: boolean): number;
}

export const countsItsParameters = (module: object): module is CountsItsParameters =>
  typeof (module as Partial<CountsItsParameters>).parameterCount === 'function';

/** A matrix LoRA can adapt: its name below the module (`''` for the module itself) and its sizes. */
export interface LoraMatrix {
  name: string;
  inFeatures: number;
  outFeatures: number;
}

/** A layer whose matrices PEFT's LoRA adapts: Linear, GPT-2's Conv1D, each expert of a group. */
export interface AdaptsWithLoRA {
  /** The matrices whose own last name (`q_proj`, `gate_proj`) one of `lastNames` is. */
  loraMatrices(lastNames: ReadonlySet<string>): Iterable<LoraMatrix>;
}

export const adaptsWithLoRA = (module: object): module is AdaptsWithLoRA =>
  typeof (module as Partial<AdaptsWithLoRA>).loraMatrices === 'function';

/** A language model that says which matrix embeds its input tokens and which scores the vocabulary. */
export interface EmbedsTokens {
  tokenEmbedding(): Parameter;
  /** The output head's weight: the token embedding itself when the two are tied. */
  outputHead(): Parameter;
}

export const embedsTokens = (module: object): module is EmbedsTokens =>
  typeof (module as Partial<EmbedsTokens>).tokenEmbedding === 'function';
