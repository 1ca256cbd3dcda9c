// The lab's words, in the page's language. Each is a template translated in
// content/i18n/<lang>.json under `lab.<key>`; OverfitLab.astro looks them up at build time and
// hands them to the page's script as JSON, because the charts, captions and status lines are
// written again live. `{{name}}` marks where a value goes.

export const LAB_TEXT_KEYS = [
  // The form: its name, one label per setting (keyed by the setting's name) and the buttons.
  'settings', 'width', 'points', 'noise', 'decay', 'dropout', 'epochs', 'seed',
  'train', 'stop', 'sweep', 'reset',
  // The parameter count and the status line.
  'count', 'restored', 'training', 'sweeping', 'progress', 'trained', 'swept', 'stopped', 'seconds',
  // The captions under the charts.
  'settingsSummary', 'lossCaption', 'lossCaptionResult', 'sweepCaption', 'sweepCaptionResult', 'captionEnd',
  'fitCaption',
  // Inside the charts: axes, legends, hints, tooltips and what a screen reader announces.
  'axisEpoch', 'axisLoss', 'axisParameters', 'axisFinalLoss',
  'legendTraining', 'legendValidation', 'legendModel',
  'lossChart', 'lossChartEmpty', 'lossChartHint', 'bestEpoch',
  'fitChart', 'fitChartWithCurve',
  'sweepChart', 'sweepChartEmpty', 'sweepChartHint', 'sweepTrainPoint', 'sweepValidationPoint', 'pointsMarker',
] as const;

export type LabText = Record<(typeof LAB_TEXT_KEYS)[number], string>;
