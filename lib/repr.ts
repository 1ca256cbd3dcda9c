// Python's spelling of the values a module prints in its repr, so `toString()` matches PyTorch's
// `repr(module)` character for character.

/** `True` / `False`. */
export const pyBool = (value: boolean): string => (value ? 'True' : 'False');

/** A float as Python's repr writes it: `0.5`, `1.0`, `1e-05`. */
export function pyFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  // Python switches to exponent notation below 1e-4, JavaScript only below 1e-6.
  if (value !== 0 && Math.abs(value) < 1e-4) {
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(value);
}

/** A tuple of ints: `(3,)`, `(1, 1)`. */
export const pyTuple = (values: readonly number[]): string =>
  values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;

/** An int or a tuple of ints, as the caller gave it: `2` or `(2, 2)`. */
export const pyIntOrTuple = (value: number | readonly number[]): string =>
  typeof value === 'number' ? String(value) : pyTuple(value);
