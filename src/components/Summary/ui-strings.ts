// The words of a summary table (Summary.astro), under `summary.` in content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const SUMMARY_STRINGS = defineUiStrings('summary', ['formulas', 'attention']);
