// What the loss and sweep charts show, in words, for the figures built into the page and for
// the live ones alike.
import { formatCount } from '../../i18n/number-format.ts';
import { fill } from '../../i18n/fill-template.ts';
import { joinSentences } from '../../i18n/join-sentences.ts';
import {
  FIT_TOLERANCE, interpolationThreshold, labParameters, type Losses, lowestValidation, SWEEP_WIDTHS, type SweepPoint,
} from '../../lab/experiment.ts';
import type { LabSettings } from '../../lab/settings.ts';
import type { LabText } from './ui-strings.ts';

const fmt = (v: number) => v.toPrecision(2);

const summarize = (settings: LabSettings, text: LabText) => fill(text.settingsSummary, { ...settings });

export function lossCaption(settings: LabSettings, history: readonly Losses[], text: LabText, lang: string): string {
  const last = history.at(-1);
  const caption = fill(text.lossCaption, {
    width: settings.width,
    parameters: formatCount(labParameters(settings.width), lang),
    settings: summarize(settings, text),
  });
  if (!last) return fill(text.captionEnd, { caption });
  return fill(text.lossCaptionResult, {
    caption,
    epochs: history.length,
    train: fmt(last.train),
    validation: fmt(last.validation),
    best: lowestValidation(history) + 1,
  });
}

export function sweepCaption(settings: LabSettings, points: readonly SweepPoint[], text: LabText, lang: string): string {
  const caption = fill(text.sweepCaption, {
    count: SWEEP_WIDTHS.length,
    first: SWEEP_WIDTHS[0]!,
    last: SWEEP_WIDTHS.at(-1)!,
    epochs: settings.epochs,
    settings: summarize(settings, text),
  });
  if (points.length === 0) return fill(text.captionEnd, { caption });
  const best = points[lowestValidation(points)]!;
  const fits = interpolationThreshold(points);
  const threshold = fits
    ? fill(text.sweepCaptionThreshold, { tolerance: FIT_TOLERANCE, width: fits.width, parameters: formatCount(fits.parameters, lang) })
    : fill(text.sweepCaptionNoThreshold, { tolerance: FIT_TOLERANCE });
  const result = fill(text.sweepCaptionResult, {
    caption,
    width: best.width,
    parameters: formatCount(best.parameters, lang),
    validation: fmt(best.validation),
    smallest: fmt(points[0]!.validation),
    largest: fmt(points.at(-1)!.validation),
  });
  return joinSentences(result, threshold);
}
