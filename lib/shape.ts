// Shape checks shared by tensors and layers, so bad sizes fail early with the argument's name.

/** Throws a RangeError unless `value` is an integer ≥ `min`; `what` names the argument. */
export function checkSize(value: number, what: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    const expected = min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
    throw new RangeError(`${what} must be ${expected}, got ${String(value)}`);
  }
}

/** Formats a shape the way the lessons print it: `[2, 3]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The number of elements in a tensor of this shape (1 for a scalar). */
export function shapeNumel(shape: readonly number[]): number {
  let n = 1;
  for (const size of shape) n *= size;
  return n;
}
