// NumPy-style broadcasting, as PyTorch does it: shapes line up from the right, and a dimension
// of size 1 (or a missing one) stretches to match the other.
import { formatShape, type Shape, shapeNumel } from '../shape.ts';

/** The shape two tensors broadcast to; throws when they cannot, saying where. */
export function broadcastShape(a: Shape, b: Shape, what: string): number[] {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let dim = 0; dim < rank; dim++) {
    const sizeA = a[a.length - rank + dim] ?? 1;
    const sizeB = b[b.length - rank + dim] ?? 1;
    if (sizeA !== sizeB && sizeA !== 1 && sizeB !== 1) {
      throw new RangeError(
        `${what}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast: size ${sizeA} ` +
          `must match size ${sizeB} at dimension ${dim} (or one of them be 1)`,
      );
    }
    shape.push(Math.max(sizeA, sizeB));
  }
  return shape;
}

/**
 * For each element of a tensor of shape `to` (row-major), the position of the element of a
 * tensor of shape `from` that broadcasts onto it. Backward passes add gradients back through the
 * same positions, which sums them over the stretched dimensions.
 */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const n = shapeNumel(to);
  const index = new Int32Array(n);
  // Stride of each output dimension within `from`: 0 where `from` is stretched.
  const strides = new Array<number>(to.length).fill(0);
  let stride = 1;
  for (let dim = to.length - 1, fromDim = from.length - 1; fromDim >= 0; dim--, fromDim--) {
    if (from[fromDim] !== 1) strides[dim] = stride;
    stride *= from[fromDim]!;
  }
  const position = new Array<number>(to.length).fill(0);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    index[i] = offset;
    // Count up like an odometer, moving `offset` along with it.
    for (let dim = to.length - 1; dim >= 0; dim--) {
      offset += strides[dim]!;
      if (++position[dim]! < to[dim]!) break;
      offset -= strides[dim]! * to[dim]!;
      position[dim] = 0;
    }
  }
  return index;
}
