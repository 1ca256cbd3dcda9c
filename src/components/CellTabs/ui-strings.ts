// The words of a cell's TypeScript | PyTorch tabs (CellTabs.astro), under `cellTabs.` in
// content/i18n/<lang>.json.
import { defineUiStrings } from '../../i18n/ui-strings.ts';

export const CELL_TABS_STRINGS = defineUiStrings('cellTabs', ['label', 'typescript', 'pytorch']);
