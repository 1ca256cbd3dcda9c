// The words of a predict-then-check exercise (CheckYourself.astro), under `checkYourself.` in
// content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const CHECK_YOURSELF_STRINGS = defineUiStrings('checkYourself', [
  'right',
  'wrong',
  'yourCount',
  'check',
  'showAnswer',
  'unknown',
  'notANumber',
]);
