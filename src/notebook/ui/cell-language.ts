// Which tab of the cells a reader chose, TypeScript or PyTorch: one choice for every cell of the
// page, kept across pages in localStorage (when there is storage; otherwise for this page only).
// The page shows it through an attribute on <html>, which the restore script in CellTabs.astro
// sets before the first cell is drawn.
export const LANGUAGES = ['ts', 'python'] as const;
export type CellLanguage = (typeof LANGUAGES)[number];

export const STORAGE_KEY = 'param-notebook:cell-language';
/** `<html data-cell-language="ts|python">`; absent means no script ran, and both panels show. */
export const ROOT_ATTRIBUTE = 'data-cell-language';

export function isCellLanguage(value: unknown): value is CellLanguage {
  return LANGUAGES.includes(value as CellLanguage);
}

export function shownLanguage(): CellLanguage {
  const shown = document.documentElement.getAttribute(ROOT_ATTRIBUTE);
  return isCellLanguage(shown) ? shown : 'ts';
}

export function showLanguage(language: CellLanguage): void {
  document.documentElement.setAttribute(ROOT_ATTRIBUTE, language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // No storage (private mode, blocked): the choice holds for this page.
  }
}
