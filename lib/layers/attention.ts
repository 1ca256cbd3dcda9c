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
 * key and value projections are fused into one `inProjWeight` of `[3 · embedDim, embedDim]` and one
 * `inProjBias` of `[3 · embedDim]` (separate `qProjWeight`, `kProjWeight`, `vProjWeight` when keys or
 * values have other sizes), followed by `outProj`, a Linear(embedDim, embedDim). The number of
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
  inProjWeight: Parameter | null;
  qProjWeight: Parameter | null;
  kProjWeight: Parameter | null;
  vProjWeight: Parameter | null;
  inProjBias: Parameter | null;
  outProj: NonDynamicallyQuantizableLinear;
  biasK: Parameter | null;
  biasV: Parameter | null;

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
    this.inProjWeight = fused ? new Parameter([3 * embedDim, embedDim], init) : null;
    this.qProjWeight = fused ? null : new Parameter([embedDim, embedDim], init);
    this.kProjWeight = fused ? null : new Parameter([embedDim, kdim], init);
    this.vProjWeight = fused ? null : new Parameter([embedDim, vdim], init);
    // PyTorch starts the projection biases at zero.
    this.inProjBias = bias ? new Parameter([3 * embedDim]) : null;
    this.outProj = new NonDynamicallyQuantizableLinear(embedDim, embedDim, { bias });
    this.biasK = addBiasKv ? new Parameter([1, 1, embedDim], init) : null;
    this.biasV = addBiasKv ? new Parameter([1, 1, embedDim], init) : null;
  }


  /**
   * The attention output for a query of `[L, N, E]` (`[N, L, E]` with batchFirst, or unbatched
   * `[L, E]`): the same shape. Keys and values need not be given to size it. As in PyTorch, the
   * projections are applied inside this module, so `outProj` is never called on its own.
   */
  // Every weight and bias of the query, key, value and output projections.
  #projectionParameters(): number {
    const tensors = [this.inProjWeight, this.qProjWeight, this.kProjWeight, this.vProjWeight, this.inProjBias, this.outProj.weight, this.outProj.bias];
    return tensors.reduce((sum, t) => sum + (t?.numel() ?? 0), 0);
  }

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
