import { Buffer } from '../buffer.ts';
import { constant } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { pyBool, pyFloat, pyTuple } from '../repr.ts';
import { checkDim, checkRank, checkSize, formatShape, type Shape, shapeNumel } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

export interface BatchNormOptions {
  eps?: number;
  /** `null` averages over all batches seen (PyTorch's `momentum=None`). */
  momentum?: number | null;
  affine?: boolean;
  trackRunningStats?: boolean;
}

const filled = (shape: readonly number[], value: number) =>
  new Buffer(shape, () => new Float64Array(shapeNumel(shape)).fill(value));

/**
 * What BatchNorm1d and BatchNorm2d share (PyTorch's `_BatchNorm`): a learned scale (`weight`) and
 * shift (`bias`) per channel, 2 · numFeatures parameters, plus running statistics that training
 * updates by averaging, not by gradients, so they are buffers: `running_mean`, `running_var`
 * (numFeatures each) and the scalar `num_batches_tracked`.
 */
abstract class BatchNorm extends ShapeOnlyModule {
  /** The input ranks this flavour accepts. */
  readonly ranks: readonly number[];
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  running_mean: Buffer | null;
  running_var: Buffer | null;
  num_batches_tracked: Buffer | null;

  constructor(
    ranks: readonly number[],
    numFeatures: number,
    { eps = 1e-5, momentum = 0.1, affine = true, trackRunningStats = true }: BatchNormOptions,
  ) {
    super();
    checkSize(numFeatures, `${this.constructor.name}: numFeatures`);
    this.ranks = ranks;
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    this.weight = affine ? new Parameter([numFeatures], constant(1)) : null;
    this.bias = affine ? new Parameter([numFeatures]) : null;
    this.running_mean = trackRunningStats ? filled([numFeatures], 0) : null;
    this.running_var = trackRunningStats ? filled([numFeatures], 1) : null;
    this.num_batches_tracked = trackRunningStats ? filled([], 0) : null;
  }


  /** The same shape: channels at dimension 1 (or 0 for an unbatched 1-d input of rank 1). */
  override outputShape(input: Shape): Shape {
    checkRank(input, this.ranks, this.constructor.name);
    checkDim(input, input.length === 1 ? 0 : 1, this.numFeatures, this.constructor.name);
    return input;
  }

  override extraRepr(): string {
    const momentum = this.momentum === null ? 'None' : pyFloat(this.momentum);
    return (
      `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${momentum}, ` +
      `affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.trackRunningStats)}`
    );
  }
}

/** Batch normalisation of `[N, C]` or `[N, C, L]`: the twin of `torch.nn.BatchNorm1d`. */
export class BatchNorm1d extends BatchNorm {
  static {
    pinName(this, 'BatchNorm1d');
  }

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super([2, 3], numFeatures, options);
  }
}

/** Batch normalisation of `[N, C, H, W]`: the twin of `torch.nn.BatchNorm2d`. */
export class BatchNorm2d extends BatchNorm {
  static {
    pinName(this, 'BatchNorm2d');
  }

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super([4], numFeatures, options);
  }
}

export interface LayerNormOptions {
  eps?: number;
  elementwiseAffine?: boolean;
  /** `false` keeps the learned scale but drops the shift (PyTorch 2.1's `bias=False`). */
  bias?: boolean;
}

/**
 * Normalises over the last dimensions of each sample: the twin of `torch.nn.LayerNorm`. With
 * `elementwiseAffine` (the default) it learns a weight and a bias of `normalizedShape` each;
 * `bias: false` keeps only the weight.
 */
export class LayerNorm extends ShapeOnlyModule {
  static {
    pinName(this, 'LayerNorm');
  }

  readonly normalizedShape: readonly number[];
  readonly eps: number;
  readonly elementwiseAffine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(
    normalizedShape: number | readonly number[],
    { eps = 1e-5, elementwiseAffine = true, bias = true }: LayerNormOptions = {},
  ) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    for (const size of this.normalizedShape) checkSize(size, 'LayerNorm: normalizedShape');
    this.eps = eps;
    this.elementwiseAffine = elementwiseAffine;
    this.weight = elementwiseAffine ? new Parameter(this.normalizedShape, constant(1)) : null;
    this.bias = elementwiseAffine && bias ? new Parameter(this.normalizedShape) : null;
  }


  override outputShape(input: Shape): Shape {
    const tail = input.slice(input.length - this.normalizedShape.length);
    if (input.length < this.normalizedShape.length || tail.some((size, i) => size !== this.normalizedShape[i])) {
      throw new RangeError(
        `LayerNorm: input of shape ${formatShape(input)} does not end in ${formatShape(this.normalizedShape)}`,
      );
    }
    return input;
  }

  override extraRepr(): string {
    return `${pyTuple(this.normalizedShape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}
