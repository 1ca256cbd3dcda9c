// The words of a multiple-choice question (CheckYourself.astro), under `checkYourself.` in
// content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const CHECK_YOURSELF_STRINGS = defineUiStrings('checkYourself', ['right', 'wrong']);
