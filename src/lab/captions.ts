// What the loss and sweep charts show, in words, for the figures built into the page and for
// the live ones alike.
import { labParameters, type Losses, lowestValidation, SWEEP_WIDTHS, type SweepPoint } from './experiment.ts';
import type { LabSettings } from './settings.ts';

const fmt = (v: number) => v.toPrecision(2);

function describe(s: LabSettings): string {
  return `${s.points} training points, noise ${s.noise}, weight decay ${s.decay}, dropout ${s.dropout}, seed ${s.seed}`;
}

export function lossCaption(settings: LabSettings, history: readonly Losses[]): string {
  const last = history.at(-1);
  const head =
    `Loss after each epoch of AdamW for width ${settings.width} ` +
    `(${labParameters(settings.width).toLocaleString('en-US')} parameters), ${describe(settings)}`;
  if (!last) return `${head}.`;
  return `${head}: after ${history.length} epochs, training loss ${fmt(last.train)} and validation loss ` +
    `${fmt(last.validation)}; the validation loss was lowest at epoch ${lowestValidation(history) + 1}.`;
}

export function sweepCaption(settings: LabSettings, points: readonly SweepPoint[]): string {
  const head =
    `A sweep: one model for each width from ${SWEEP_WIDTHS[0]} to ${SWEEP_WIDTHS.at(-1)}, each trained for ` +
    `${settings.epochs} epochs on the same data (${describe(settings)})`;
  if (points.length === 0) return `${head}.`;
  const best = points[lowestValidation(points)]!;
  return `${head}. Validation loss is lowest at width ${best.width} (${best.parameters} parameters), ` +
    `${fmt(best.validation)}, against ${fmt(points[0]!.validation)} for the smallest model and ` +
    `${fmt(points.at(-1)!.validation)} for the largest trained.`;
}
