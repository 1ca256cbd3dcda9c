// Every component's UI strings, for the i18n schema (content.config.ts) and the test that each
// language has them all. A new component with words of its own adds its list here.
import { CELL_STRINGS } from '../components/Cell/ui-strings.ts';
import { CHECK_YOURSELF_STRINGS } from '../components/CheckYourself/ui-strings.ts';
import { COUNT_STRINGS } from '../components/CountYourModel/ui-strings.ts';
import { NOTEBOOK_TOOLBAR_STRINGS } from '../components/NotebookToolbar/ui-strings.ts';
import { LAB_STRINGS } from '../components/OverfitLab/ui-strings.ts';
import { SUMMARY_STRINGS } from '../components/Summary/ui-strings.ts';

export const COMPONENT_STRINGS = [
  CELL_STRINGS,
  NOTEBOOK_TOOLBAR_STRINGS,
  CHECK_YOURSELF_STRINGS,
  LAB_STRINGS,
  SUMMARY_STRINGS,
  COUNT_STRINGS,
] as const;
