// The words of the page's kernel controls (NotebookToolbar.astro), under `notebook.` in
// content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const NOTEBOOK_TOOLBAR_STRINGS = defineUiStrings('notebook', [
  'toolbar', 'runAll', 'interrupt', 'restart', 'resetAll', 'resetAllConfirm', 'kernelRestarted',
]);
