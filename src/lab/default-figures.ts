// The lab's figures for the default settings, computed at build time: a full training run and a
// sweep. Kept once per build, since the page renders in every locale.
import { labData, sweep, type SweepPoint, trainToEnd } from './experiment.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

let figures: ReturnType<typeof compute> | undefined;

function compute() {
  const data = labData(DEFAULT_SETTINGS);
  const run = trainToEnd(DEFAULT_SETTINGS, data);
  const sweepPoints: SweepPoint[] = [...sweep(DEFAULT_SETTINGS, data)];
  return { data, run, sweepPoints };
}

export function defaultFigures() {
  return (figures ??= compute());
}
