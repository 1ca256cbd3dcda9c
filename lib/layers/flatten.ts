import { pinName } from '../names.ts';
import { formatShape, type Shape, shapeNumel } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * The shape `torch.flatten(x, startDim, endDim)` returns for an `x` of shape `input`: dimensions
 * `startDim` to `endDim` merged into one.
 */
export function flattenShape(input: Shape, startDim = 0, endDim = -1): Shape {
  const rank = input.length;
  const start = startDim < 0 ? startDim + rank : startDim;
  const end = endDim < 0 ? endDim + rank : endDim;
  if (start < 0 || end >= rank || start > end) {
    throw new RangeError(`flatten: cannot flatten dimensions ${startDim}..${endDim} of ${formatShape(input)}`);
  }
  return [...input.slice(0, start), shapeNumel(input.slice(start, end + 1)), ...input.slice(end + 1)];
}

/**
 * Merges dimensions `startDim` to `endDim` into one, e.g. `[N, 16, 5, 5]` → `[N, 400]`: the twin of
 * `torch.nn.Flatten`. No parameters; it only reshapes.
 */
export class Flatten extends ShapeOnlyModule {
  static {
    pinName(this, 'Flatten');
  }

  readonly startDim: number;
  readonly endDim: number;

  constructor(startDim = 1, endDim = -1) {
    super();
    this.startDim = startDim;
    this.endDim = endDim;
  }


  override outputShape(input: Shape): Shape {
    return flattenShape(input, this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}
