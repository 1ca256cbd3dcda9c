import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import { pinName } from '../names.ts';
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
  /** An RMSNorm over each query and key head, with this eps (Qwen3's q_norm and k_norm). */
  qkNormEps?: number;
  /** Attend to at most this many past tokens (Mistral-7B-v0.1's 4,096), so the KV cache keeps no more. */
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
  q_proj: Linear;
  k_proj: Linear;
  v_proj: Linear;
  o_proj: Linear;
  q_norm: RMSNorm | null;
  k_norm: RMSNorm | null;
  readonly slidingWindow: number | undefined;

  constructor(
    hiddenSize: number,
    numHeads: number,
    { numKeyValueHeads = numHeads, headDim, qkvBias = false, outputBias = false, qkNormEps, slidingWindow }: GroupedQueryAttentionOptions = {},
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
    const keyValueWidth = numKeyValueHeads * this.headDim;
    this.q_proj = new Linear(hiddenSize, numHeads * this.headDim, { bias: qkvBias });
    this.k_proj = new Linear(hiddenSize, keyValueWidth, { bias: qkvBias });
    this.v_proj = new Linear(hiddenSize, keyValueWidth, { bias: qkvBias });
    this.o_proj = new Linear(numHeads * this.headDim, hiddenSize, { bias: outputBias });
    this.q_norm = qkNormEps === undefined ? null : new RMSNorm(this.headDim, { eps: qkNormEps });
    this.k_norm = qkNormEps === undefined ? null : new RMSNorm(this.headDim, { eps: qkNormEps });
    if (slidingWindow !== undefined) checkSize(slidingWindow, 'GroupedQueryAttention: slidingWindow');
    this.slidingWindow = slidingWindow;
  }

  /** A key and a value vector per key/value head for every token, or for the last `slidingWindow`. */
  kvCache(): KVCacheSpec {
    const valuesPerToken = 2 * this.numKeyValueHeads * this.headDim;
    if (this.slidingWindow === undefined) return { kind: 'full', valuesPerToken };
    return { kind: 'sliding', valuesPerToken, window: this.slidingWindow };
  }

  /** Hidden states `[B, T, hiddenSize]` in, the same shape out. */
  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'GroupedQueryAttention');
    const heads = (projection: Linear, count: number, norm: RMSNorm | null) => {
      const shape = projection.callShape(input);
      const perHead = [...shape.slice(0, -1), count, this.headDim];
      if (norm) norm.callShape(perHead);
    };
    heads(this.q_proj, this.numHeads, this.q_norm);
    heads(this.k_proj, this.numKeyValueHeads, this.k_norm);
    this.v_proj.callShape(input);
    return this.o_proj.callShape([...input.slice(0, -1), this.numHeads * this.headDim]);
  }
}
