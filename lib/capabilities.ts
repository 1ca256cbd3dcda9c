// What a layer says about itself, so that analyses ask the layer instead of testing its class: an
// attention layer says what it caches while a model generates, an expert group how many of its
// experts a token uses. A new kind of layer then needs no change to the analyses.

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
