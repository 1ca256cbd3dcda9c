// Shape checks shared by tensors and layers, so bad sizes fail early with the argument's name.

/** A tensor's shape: the size of each dimension. */
export type Shape = readonly number[];

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

/** A size given as one number or one per dimension, as a tuple of `n` (PyTorch's `_pair` for n = 2). */
export function expandSize(value: number | readonly number[], n: number, what: string, min = 1): number[] {
  const values = typeof value === 'number' ? new Array<number>(n).fill(value) : [...value];
  if (values.length !== n) throw new RangeError(`${what} must be a number or ${n} numbers, got ${values.length}`);
  for (const v of values) checkSize(v, what, min);
  return values;
}

/** Throws unless `shape` has `rank` dimensions (one of them, when given several). */
export function checkRank(shape: readonly number[], ranks: readonly number[], what: string): void {
  if (!ranks.includes(shape.length)) {
    throw new RangeError(
      `${what}: expected a ${ranks.join('- or ')}-dimensional input, got shape ${formatShape(shape)}`,
    );
  }
}

/** Throws unless dimension `dim` of `shape` (negative counts from the end) has `size`. */
export function checkDim(shape: readonly number[], dim: number, size: number, what: string): void {
  const actual = shape.at(dim);
  if (actual !== size) {
    throw new RangeError(
      `${what}: expected size ${size} in dimension ${dim} of the input, got shape ${formatShape(shape)}`,
    );
  }
}
