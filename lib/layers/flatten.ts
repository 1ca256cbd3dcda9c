import { pinName } from '../names.ts';
import { formatShape, type Shape, shapeNumel } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

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
    const rank = input.length;
    const start = this.startDim < 0 ? this.startDim + rank : this.startDim;
    const end = this.endDim < 0 ? this.endDim + rank : this.endDim;
    if (start < 0 || end >= rank || start > end) {
      throw new RangeError(`Flatten: cannot flatten dimensions ${this.startDim}..${this.endDim} of ${formatShape(input)}`);
    }
    const merged = shapeNumel(input.slice(start, end + 1));
    return [...input.slice(0, start), merged, ...input.slice(end + 1)];
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}
