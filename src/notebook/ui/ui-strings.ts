// The notebook's words, under `notebook.` in content/i18n/<lang>.json: the cells (Cell.astro,
// param-cell.ts), their TypeScript | PyTorch tabs (CellTabs.astro) and the page's kernel controls
// (NotebookToolbar.astro).
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const NOTEBOOK_STRINGS = defineUiStrings('notebook', [
  // The page's kernel controls.
  'toolbar', 'runAll', 'interrupt', 'restart', 'resetAll', 'resetAllConfirm', 'kernelRestarted',
  // A cell's toolbar and its conflict banner.
  'run', 'runCell', 'shortcut', 'executionCount', 'copy', 'copyCell', 'copied', 'copyFailed',
  'reset', 'resetCell', 'resetConfirm', 'edited', 'editCell', 'conflict', 'keepEdit', 'useOriginal',
  // Its output: errors and why a run stopped.
  'output', 'savedOutput', 'lessonOutput', 'noOutput', 'atLine', 'atLineColumn', 'truncated', 'uncaught',
  'uncaughtInPromise', 'interrupted', 'timeLimit', 'restarted', 'notRun', 'kernelFailed',
  // A cell and its twin as tabs.
  'tabs', 'typescript', 'pytorch',
]);
