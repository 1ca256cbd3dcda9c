// The lab's chart scales: where a value goes between two pixel positions, on a linear or a log
// axis, and which ticks an axis shows. No markup here (plot.ts draws).

export interface Axis {
  min: number;
  max: number;
  log: boolean;
  ticks: number[];
  format: (value: number) => string;
}

/** Losses below this are drawn at it (a log axis has no 0). */
export const LOSS_FLOOR = 1e-4;

const round = (v: number) => Math.round(v * 10) / 10;

/** Where `value` goes between pixel positions `from` (the axis's min) and `to` (its max), to a tenth of a pixel. */
export function position(axis: Axis, value: number, from: number, to: number): number {
  const t = axis.log
    ? (Math.log10(value) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min))
    : (value - axis.min) / (axis.max - axis.min);
  return round(from + t * (to - from));
}

/**
 * A log axis from the power of ten at or below `low` to the one at or above `high`, or, when
 * `end` is given, to `end` exactly; ticks at the powers of ten.
 */
export function logAxis(low: number, high: number, format: (v: number) => string, end?: number): Axis {
  const from = Math.floor(Math.log10(low));
  const to = Math.max(from + 1, Math.ceil(Math.log10(high)));
  const ticks = Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i)).filter((t) => end === undefined || t <= end);
  return { min: ticks[0]!, max: end ?? ticks.at(-1)!, log: true, ticks, format };
}

/** A loss tick's label: 0.01, 0.1, 1, 10 (as many decimals as the power of ten needs). */
export const formatLoss = (v: number) => (v >= 1 ? String(v) : v.toFixed(-Math.floor(Math.log10(v))));

/** The log axis for these losses: from 0.1 or lower down to the smallest, up to 1 or the largest; NaN and ∞ left out. */
export function lossAxis(values: readonly number[]): Axis {
  const finite = values.filter(Number.isFinite);
  const low = Math.max(LOSS_FLOOR, Math.min(...finite, 0.1));
  const high = Math.max(...finite, 1);
  return logAxis(low, high, formatLoss);
}
