// The words of a notebook cell (Cell.astro and its <param-cell> element, param-cell.ts), under
// `notebook.` in content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const CELL_STRINGS = defineUiStrings('notebook', [
  // The cell's toolbar and its conflict banner.
  'run', 'runCell', 'shortcut', 'executionCount', 'interrupt', 'copy', 'copyCell', 'copied', 'copyFailed',
  'reset', 'resetCell', 'resetConfirm', 'edited', 'editCell', 'conflict', 'keepEdit', 'useOriginal',
  // Its output: errors and why a run stopped.
  'output', 'savedOutput', 'lessonOutput', 'noOutput', 'atLine', 'atLineColumn', 'truncated', 'uncaught',
  'uncaughtInPromise', 'interrupted', 'timeLimit', 'restarted', 'notRun', 'kernelFailed',
]);
