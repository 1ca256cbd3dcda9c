import { fanInUniform } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { reportAttentionProducts, reportMultAdds } from '../shape-hooks.ts';
import { checkDim, checkRank, checkSize, type Shape } from '../shape.ts';
import { Linear } from './linear.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** PyTorch's name for the output projection of MultiheadAttention: a Linear, counted as one. */
export class NonDynamicallyQuantizableLinear extends Linear {
  static {
    pinName(this, 'NonDynamicallyQuantizableLinear');
  }
}

export interface MultiheadAttentionOptions {
  bias?: boolean;
  /** Learned key and value vectors appended to the sequence: 2 · embedDim more parameters. */
  addBiasKv?: boolean;
  kdim?: number;
  vdim?: number;
  batchFirst?: boolean;
}

/**
 * Multi-head attention: the twin of `torch.nn.MultiheadAttention`, in PyTorch's layout. The query,
 * key and value projections are fused into one `in_proj_weight` of `[3 · embedDim, embedDim]` and one
 * `in_proj_bias` of `[3 · embedDim]` (separate `q_proj_weight`, `k_proj_weight`, `v_proj_weight` when
 * keys or values have other sizes), followed by `out_proj`, a Linear(embedDim, embedDim). The number of
 * heads splits embedDim between them and does not change the count: 4 · embedDim² + 4 · embedDim.
 */
export class MultiheadAttention extends ShapeOnlyModule {
  static {
    pinName(this, 'MultiheadAttention');
  }

  readonly embedDim: number;
  readonly numHeads: number;
  readonly kdim: number;
  readonly vdim: number;
  readonly batchFirst: boolean;
  in_proj_weight: Parameter | null;
  q_proj_weight: Parameter | null;
  k_proj_weight: Parameter | null;
  v_proj_weight: Parameter | null;
  in_proj_bias: Parameter | null;
  out_proj: NonDynamicallyQuantizableLinear;
  bias_k: Parameter | null;
  bias_v: Parameter | null;

  constructor(
    embedDim: number,
    numHeads: number,
    { bias = true, addBiasKv = false, kdim = embedDim, vdim = embedDim, batchFirst = false }: MultiheadAttentionOptions = {},
  ) {
    super();
    checkSize(embedDim, 'MultiheadAttention: embedDim');
    checkSize(numHeads, 'MultiheadAttention: numHeads');
    checkSize(kdim, 'MultiheadAttention: kdim');
    checkSize(vdim, 'MultiheadAttention: vdim');
    if (embedDim % numHeads !== 0) {
      throw new RangeError(`MultiheadAttention: embedDim (${embedDim}) must be divisible by numHeads (${numHeads})`);
    }
    this.embedDim = embedDim;
    this.numHeads = numHeads;
    this.kdim = kdim;
    this.vdim = vdim;
    this.batchFirst = batchFirst;
    const fused = kdim === embedDim && vdim === embedDim;
    const init = fanInUniform(embedDim);
    this.in_proj_weight = fused ? new Parameter([3 * embedDim, embedDim], init) : null;
    this.q_proj_weight = fused ? null : new Parameter([embedDim, embedDim], init);
    this.k_proj_weight = fused ? null : new Parameter([embedDim, kdim], init);
    this.v_proj_weight = fused ? null : new Parameter([embedDim, vdim], init);
    // PyTorch starts the projection biases at zero.
    this.in_proj_bias = bias ? new Parameter([3 * embedDim]) : null;
    this.out_proj = new NonDynamicallyQuantizableLinear(embedDim, embedDim, { bias });
    this.bias_k = addBiasKv ? new Parameter([1, 1, embedDim], init) : null;
    this.bias_v = addBiasKv ? new Parameter([1, 1, embedDim], init) : null;
  }

  // Every weight and bias of the query, key, value and output projections.
  #projectionParameters(): number {
    const { in_proj_weight, q_proj_weight, k_proj_weight, v_proj_weight, in_proj_bias, out_proj } = this;
    const tensors = [in_proj_weight, q_proj_weight, k_proj_weight, v_proj_weight, in_proj_bias, out_proj.weight, out_proj.bias];
    return tensors.reduce((sum, t) => sum + (t?.numel() ?? 0), 0);
  }

  /**
   * The attention output for a query of `[L, N, E]` (`[N, L, E]` with batchFirst, or unbatched
   * `[L, E]`): the same shape. Keys and values need not be given to size it. As in PyTorch, the
   * projections are applied inside this module, so `out_proj` is never called on its own.
   */
  override outputShape(query: Shape): Shape {
    checkRank(query, [2, 3], 'MultiheadAttention');
    checkDim(query, -1, this.embedDim, 'MultiheadAttention');
    // PyTorch computes the projections from the weights directly, so no layer is called: count
    // them here, once per token, with the attention products (self-attention: keys = queries).
    const tokens = query.length === 2 ? query[0]! : query[0]! * query[1]!;
    const [batch, length] = query.length === 2 ? [1, query[0]!] : this.batchFirst ? [query[0]!, query[1]!] : [query[1]!, query[0]!];
    reportMultAdds([tokens, this.#projectionParameters()], 'projections');
    reportAttentionProducts(batch, this.numHeads, length, length, this.embedDim / this.numHeads);
    return query;
  }
}
