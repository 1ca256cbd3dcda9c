import { fanInUniform } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { pyTuple } from '../repr.ts';
import { checkDim, checkRank, checkSize, expandSize, type Shape, shapeNumel } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

type Size = number | readonly number[];

export interface ConvOptions {
  stride?: Size;
  padding?: Size;
  dilation?: Size;
  groups?: number;
  bias?: boolean;
}

export interface ConvTransposeOptions extends ConvOptions {
  outputPadding?: Size;
}

/**
 * What Conv1d, Conv2d and ConvTranspose2d share (PyTorch's `_ConvNd`). A convolution has one
 * kernel of `inChannels / groups × kernel` weights per output channel, plus one bias each:
 * `outChannels · (inChannels / groups) · k₁ · k₂ … + outChannels`.
 */
abstract class ConvNd extends ShapeOnlyModule {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly dilation: readonly number[];
  readonly outputPadding: readonly number[];
  readonly groups: number;
  readonly transposed: boolean;
  /** `[out, in / groups, ...kernel]`, or `[in, out / groups, ...kernel]` when transposed. */
  weight: Parameter;
  /** `[outChannels]`, or `null` for `{ bias: false }`. */
  bias: Parameter | null;

  constructor(
    dims: number,
    transposed: boolean,
    inChannels: number,
    outChannels: number,
    kernelSize: Size,
    { stride = 1, padding = 0, dilation = 1, groups = 1, bias = true, outputPadding = 0 }: ConvTransposeOptions,
  ) {
    super();
    const name = this.constructor.name;
    checkSize(inChannels, `${name}: inChannels`);
    checkSize(outChannels, `${name}: outChannels`);
    checkSize(groups, `${name}: groups`);
    if (inChannels % groups !== 0 || outChannels % groups !== 0) {
      throw new RangeError(`${name}: inChannels and outChannels must be divisible by groups (${groups})`);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = expandSize(kernelSize, dims, `${name}: kernelSize`);
    this.stride = expandSize(stride, dims, `${name}: stride`);
    this.padding = expandSize(padding, dims, `${name}: padding`, 0);
    this.dilation = expandSize(dilation, dims, `${name}: dilation`);
    this.outputPadding = expandSize(outputPadding, dims, `${name}: outputPadding`, 0);
    this.groups = groups;
    this.transposed = transposed;
    const [rows, columns] = transposed ? [inChannels, outChannels / groups] : [outChannels, inChannels / groups];
    const fanIn = columns * shapeNumel(this.kernelSize);
    this.weight = new Parameter([rows, columns, ...this.kernelSize], fanInUniform(fanIn));
    this.bias = bias ? new Parameter([outChannels], fanInUniform(fanIn)) : null;
  }


  /** `[N, C, ...spatial]` or unbatched `[C, ...spatial]`, each spatial size as PyTorch's docs give it. */
  override outputShape(input: Shape): Shape {
    const dims = this.kernelSize.length;
    const name = this.constructor.name;
    checkRank(input, [dims + 1, dims + 2], name);
    checkDim(input, -dims - 1, this.inChannels, name);
    const spatial = input.slice(-dims).map((size, i) => {
      const span = this.dilation[i]! * (this.kernelSize[i]! - 1);
      if (this.transposed) {
        return (size - 1) * this.stride[i]! - 2 * this.padding[i]! + span + this.outputPadding[i]! + 1;
      }
      const out = Math.floor((size + 2 * this.padding[i]! - span - 1) / this.stride[i]!) + 1;
      if (out < 1) throw new RangeError(`${name}: the kernel is larger than the padded input of size ${size}`);
      return out;
    });
    return [...input.slice(0, -dims - 1), this.outChannels, ...spatial];
  }

  override extraRepr(): string {
    const isAll = (values: readonly number[], v: number) => values.every((x) => x === v);
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${pyTuple(this.kernelSize)}, stride=${pyTuple(this.stride)}`;
    if (!isAll(this.padding, 0)) s += `, padding=${pyTuple(this.padding)}`;
    if (!isAll(this.dilation, 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (!isAll(this.outputPadding, 0)) s += `, output_padding=${pyTuple(this.outputPadding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (!this.bias) s += ', bias=False';
    return s;
  }
}

/** A 1-d convolution over `[N, C, L]`: the twin of `torch.nn.Conv1d`. */
export class Conv1d extends ConvNd {
  static {
    pinName(this, 'Conv1d');
  }

  constructor(inChannels: number, outChannels: number, kernelSize: Size, options: ConvOptions = {}) {
    super(1, false, inChannels, outChannels, kernelSize, options);
  }
}

/** A 2-d convolution over `[N, C, H, W]`: the twin of `torch.nn.Conv2d`. */
export class Conv2d extends ConvNd {
  static {
    pinName(this, 'Conv2d');
  }

  constructor(inChannels: number, outChannels: number, kernelSize: Size, options: ConvOptions = {}) {
    super(2, false, inChannels, outChannels, kernelSize, options);
  }
}

/** The transposed 2-d convolution that upsamples: the twin of `torch.nn.ConvTranspose2d`. */
export class ConvTranspose2d extends ConvNd {
  static {
    pinName(this, 'ConvTranspose2d');
  }

  constructor(inChannels: number, outChannels: number, kernelSize: Size, options: ConvTransposeOptions = {}) {
    super(2, true, inChannels, outChannels, kernelSize, options);
  }
}
