// The lab's words, under `lab.` in content/i18n/<lang>.json. OverfitLab.astro looks them up at
// build time and hands them to the page's script as JSON, because the charts, captions and status
// lines are written again live. `{{name}}` marks where a value goes.
import { defineUiStrings, type UiText } from '../../i18n/ui-strings.ts';

export const LAB_STRINGS = defineUiStrings('lab', [
  // The form: its name, one label per setting (keyed by the setting's name) and the buttons.
  'settings', 'width', 'points', 'noise', 'decay', 'dropout', 'epochs', 'seed',
  'train', 'stop', 'sweep', 'reset',
  // The parameter count and the status line.
  'count', 'restored', 'training', 'sweeping', 'progress', 'trained', 'swept', 'stopped', 'seconds',
  // The captions under the charts.
  'settingsSummary', 'lossCaption', 'lossCaptionResult', 'sweepCaption', 'sweepCaptionResult', 'captionEnd',
  'sweepCaptionThreshold', 'sweepCaptionNoThreshold',
  'fitCaption',
  // Inside the charts: axes, legends, hints, tooltips and what a screen reader announces.
  'axisEpoch', 'axisLoss', 'axisParameters', 'axisFinalLoss',
  'legendTraining', 'legendValidation', 'legendModel',
  'lossChart', 'lossChartEmpty', 'lossChartHint', 'bestEpoch',
  'fitChart', 'fitChartWithCurve',
  'sweepChart', 'sweepChartEmpty', 'sweepChartHint', 'sweepTrainPoint', 'sweepValidationPoint', 'pointsMarker',
  'thresholdMarker',
]);

export type LabText = UiText<typeof LAB_STRINGS>;
