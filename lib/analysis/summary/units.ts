// torchinfo's number formats: counts with thousands separators, sizes scaled to the largest
// unit that keeps them at 1 or more (`Input size (kB): 49.21`, `Input size: 76`).

export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const UNITS: readonly [string, number][] = [
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/**
 * `: 330`, `(k): 294.91`, `(MB): 3.25`: the label's tail for `n`, as torchinfo's
 * `format_output_num` writes it (a whole number after scaling loses its decimals).
 */
export function scaled(n: number, bytes: boolean): string {
  const [unit, factor] = UNITS.find(([, f]) => n >= f) ?? ['', 1];
  const value = n / factor;
  const text = Number.isInteger(value) ? groupDigits(value) : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return unit === '' ? `: ${text}` : ` (${unit}${bytes ? 'B' : ''}): ${text}`;
}
