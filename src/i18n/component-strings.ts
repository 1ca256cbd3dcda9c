// Every component's UI strings, for the i18n schema (content.config.ts) and the test that each
// language has them all (the notebook's too, src/notebook/ui/). A new component with words of its
// own adds its list here.
import { CHECK_YOURSELF_STRINGS } from '../components/CheckYourself/ui-strings.ts';
import { COUNT_STRINGS } from '../components/CountYourModel/ui-strings.ts';
import { MAP_STRINGS } from '../components/ParamMap/ui-strings.ts';
import { LAB_STRINGS } from '../components/OverfitLab/ui-strings.ts';
import { SUMMARY_STRINGS } from '../components/Summary/ui-strings.ts';
import { NOTEBOOK_STRINGS } from '../notebook/ui/ui-strings.ts';

export const COMPONENT_STRINGS = [
  NOTEBOOK_STRINGS,
  CHECK_YOURSELF_STRINGS,
  LAB_STRINGS,
  SUMMARY_STRINGS,
  COUNT_STRINGS,
  MAP_STRINGS,
] as const;
