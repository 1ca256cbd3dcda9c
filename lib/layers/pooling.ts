import { pinName } from '../names.ts';
import { pyBool, pyIntOrTuple } from '../repr.ts';
import { checkRank, expandSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

type Size = number | readonly [number, number];

export interface PoolOptions {
  /** Defaults to the kernel size, as in PyTorch. */
  stride?: Size;
  padding?: Size;
  ceilMode?: boolean;
}

export interface MaxPoolOptions extends PoolOptions {
  dilation?: Size;
}

/** One spatial size after pooling, with PyTorch's rule that no window may start in the right padding. */
function pooledSize(size: number, kernel: number, stride: number, padding: number, dilation: number, ceil: boolean) {
  const span = size + 2 * padding - dilation * (kernel - 1) - 1;
  let out = (ceil ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  if (ceil && (out - 1) * stride >= size + padding) out--;
  return out;
}

/** What MaxPool2d and AvgPool2d share: a window that slides over H and W. They have no parameters. */
abstract class Pool2d extends ShapeOnlyModule {
  readonly kernelSize: Size;
  readonly stride: Size;
  readonly padding: Size;
  readonly ceilMode: boolean;
  /** The gap between window elements; only MaxPool2d lets you change it. */
  readonly dilation: Size;

  constructor(kernelSize: Size, { stride, padding = 0, ceilMode = false, dilation = 1 }: MaxPoolOptions) {
    super();
    const name = this.constructor.name;
    expandSize(kernelSize, 2, `${name}: kernelSize`);
    expandSize(stride ?? kernelSize, 2, `${name}: stride`);
    expandSize(padding, 2, `${name}: padding`, 0);
    expandSize(dilation, 2, `${name}: dilation`);
    this.kernelSize = kernelSize;
    this.stride = stride ?? kernelSize;
    this.padding = padding;
    this.ceilMode = ceilMode;
    this.dilation = dilation;
  }


  override outputShape(input: Shape): Shape {
    checkRank(input, [3, 4], this.constructor.name);
    const [k, s, p, d] = [this.kernelSize, this.stride, this.padding, this.dilation].map((v) => expandSize(v, 2, '', 0));
    const spatial = input.slice(-2).map((size, i) => pooledSize(size, k[i]!, s[i]!, p[i]!, d[i]!, this.ceilMode));
    return [...input.slice(0, -2), ...spatial];
  }
}

/** The largest value in each window: the twin of `torch.nn.MaxPool2d`. */
export class MaxPool2d extends Pool2d {
  static {
    pinName(this, 'MaxPool2d');
  }

  constructor(kernelSize: Size, options: MaxPoolOptions = {}) {
    super(kernelSize, options);
  }

  override extraRepr(): string {
    return (
      `kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${pyIntOrTuple(this.stride)}, ` +
      `padding=${pyIntOrTuple(this.padding)}, dilation=${pyIntOrTuple(this.dilation)}, ceil_mode=${pyBool(this.ceilMode)}`
    );
  }
}

/** The mean of each window: the twin of `torch.nn.AvgPool2d`. */
export class AvgPool2d extends Pool2d {
  static {
    pinName(this, 'AvgPool2d');
  }

  constructor(kernelSize: Size, options: PoolOptions = {}) {
    super(kernelSize, options);
  }

  override extraRepr(): string {
    return `kernel_size=${pyIntOrTuple(this.kernelSize)}, stride=${pyIntOrTuple(this.stride)}, padding=${pyIntOrTuple(this.padding)}`;
  }
}

/**
 * Averages each channel down to a fixed `outputSize`, whatever the input's size: the twin of
 * `torch.nn.AdaptiveAvgPool2d`. This is what lets ResNet take any image size.
 */
export class AdaptiveAvgPool2d extends ShapeOnlyModule {
  static {
    pinName(this, 'AdaptiveAvgPool2d');
  }

  readonly outputSize: Size;

  constructor(outputSize: Size) {
    super();
    expandSize(outputSize, 2, 'AdaptiveAvgPool2d: outputSize');
    this.outputSize = outputSize;
  }


  override outputShape(input: Shape): Shape {
    checkRank(input, [3, 4], 'AdaptiveAvgPool2d');
    return [...input.slice(0, -2), ...expandSize(this.outputSize, 2, 'AdaptiveAvgPool2d: outputSize')];
  }

  override extraRepr(): string {
    return `output_size=${pyIntOrTuple(this.outputSize)}`;
  }
}
