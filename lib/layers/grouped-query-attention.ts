import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { Linear } from './linear.ts';
import { RMSNorm } from './rms-norm.ts';
import { ShapeOnlyModule } from './shape-only.ts';

export interface GroupedQueryAttentionOptions {
  /** Heads that keys and values have; each serves numHeads / numKeyValueHeads query heads. */
  numKeyValueHeads?: number;
  /** The width of one head; hiddenSize / numHeads unless given (Gemma and Qwen3 give it). */
  headDim?: number;
  /** Biases on the query, key and value projections (Qwen2 has them). */
  qkvBias?: boolean;
  /** A bias on the output projection. */
  outputBias?: boolean;
  /** An RMSNorm over the queries and keys, with this eps (Qwen3's q_norm and k_norm). */
  qkNormEps?: number;
  /** What q_norm and k_norm span: each head (Qwen3, Gemma 3), or all heads at once (OLMo 2). */
  qkNormOver?: 'head' | 'all';
  /** One learnt logit per head that each query may attend to instead of any token (gpt-oss's `sinks`). */
  sinks?: boolean;
  /** A sigmoid gate on the attention's output, from a query projection twice as wide (Qwen3-Next). */
  outputGate?: boolean;
  /** Attends to at most this many past tokens (Mistral, Gemma's and gpt-oss's sliding layers). */
  slidingWindow?: number;
}

/**
 * Multi-head attention with grouped-query heads (Ainslie et al., 2023), as Llama, Mistral, Qwen
 * and Mixtral lay it out: separate `q_proj`, `k_proj`, `v_proj` and `o_proj` (Hugging Face's names).
 * The query has numHeads · headDim outputs, keys and values numKeyValueHeads · headDim each, so
 * fewer key/value heads shrink both the count and the KV cache. With numKeyValueHeads = numHeads it
 * is ordinary multi-head attention; with 1, multi-query attention.
 */
export class GroupedQueryAttention extends ShapeOnlyModule implements CachesKeysAndValues {
  static {
    pinName(this, 'GroupedQueryAttention');
  }

  readonly hiddenSize: number;
  readonly numHeads: number;
  readonly numKeyValueHeads: number;
  readonly headDim: number;
  readonly slidingWindow: number | null;
  /** Shape `[numHeads]`, or null. */
  sinks: Parameter | null;
  q_proj: Linear;
  k_proj: Linear;
  v_proj: Linear;
  o_proj: Linear;
  q_norm: RMSNorm | null;
  k_norm: RMSNorm | null;

  constructor(
    hiddenSize: number,
    numHeads: number,
    {
      numKeyValueHeads = numHeads,
      headDim,
      qkvBias = false,
      outputBias = false,
      qkNormEps,
      qkNormOver = 'head',
      sinks = false,
      outputGate = false,
      slidingWindow,
    }: GroupedQueryAttentionOptions = {},
  ) {
    super();
    checkSize(hiddenSize, 'GroupedQueryAttention: hiddenSize');
    checkSize(numHeads, 'GroupedQueryAttention: numHeads');
    checkSize(numKeyValueHeads, 'GroupedQueryAttention: numKeyValueHeads');
    if (headDim === undefined && hiddenSize % numHeads !== 0) {
      throw new RangeError(`GroupedQueryAttention: numHeads (${numHeads}) must divide hiddenSize (${hiddenSize}) unless headDim is given`);
    }
    if (numHeads % numKeyValueHeads !== 0) {
      throw new RangeError(`GroupedQueryAttention: numKeyValueHeads (${numKeyValueHeads}) must divide numHeads (${numHeads})`);
    }
    this.hiddenSize = hiddenSize;
    this.numHeads = numHeads;
    this.numKeyValueHeads = numKeyValueHeads;
    this.headDim = headDim ?? hiddenSize / numHeads;
    checkSize(this.headDim, 'GroupedQueryAttention: headDim');
    if (slidingWindow !== undefined) checkSize(slidingWindow, 'GroupedQueryAttention: slidingWindow');
    this.slidingWindow = slidingWindow ?? null;
    this.sinks = sinks ? new Parameter([numHeads]) : null;
    const keyValueWidth = numKeyValueHeads * this.headDim;
    this.q_proj = new Linear(hiddenSize, (outputGate ? 2 : 1) * numHeads * this.headDim, { bias: qkvBias });
    this.k_proj = new Linear(hiddenSize, keyValueWidth, { bias: qkvBias });
    this.v_proj = new Linear(hiddenSize, keyValueWidth, { bias: qkvBias });
    this.o_proj = new Linear(numHeads * this.headDim, hiddenSize, { bias: outputBias });
    const norm = (heads: number) => new RMSNorm(qkNormOver === 'all' ? heads * this.headDim : this.headDim, { eps: qkNormEps });
    this.q_norm = qkNormEps === undefined ? null : norm(numHeads);
    this.k_norm = qkNormEps === undefined ? null : norm(numKeyValueHeads);
  }

  /** A key and a value vector per key/value head for every token, or for the last `window` tokens. */
  kvCache(): KVCacheSpec {
    const valuesPerToken = 2 * this.numKeyValueHeads * this.headDim;
    return this.slidingWindow === null ? { kind: 'full', valuesPerToken } : { kind: 'sliding', valuesPerToken, window: this.slidingWindow };
  }

  /** Hidden states `[B, T, hiddenSize]` in, the same shape out. */
  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'GroupedQueryAttention');
    const heads = (projection: Linear, count: number, norm: RMSNorm | null) => {
      const shape = projection.callShape(input);
      const perHead = [...shape.slice(0, -1), count, this.headDim];
      if (norm) norm.callShape(norm.hiddenSize === this.headDim ? perHead : shape);
    };
    heads(this.q_proj, this.q_proj.outFeatures / this.headDim, this.q_norm);
    heads(this.k_proj, this.numKeyValueHeads, this.k_norm);
    this.v_proj.callShape(input);
    return this.o_proj.callShape([...input.slice(0, -1), this.numHeads * this.headDim]);
  }
}
