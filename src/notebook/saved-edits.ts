// A reader's edits to a cell, kept in localStorage so they survive a reload.
// Storage can be missing or full (private mode, quota): then edits simply are not kept.

const STORAGE_PREFIX = 'param-notebook:edit:v1:';

function keyFor(page: string, index: string): string {
  return `${STORAGE_PREFIX}${page}#${index}`;
}

export function loadEdit(page: string, index: string): string | null {
  try {
    return localStorage.getItem(keyFor(page, index));
  } catch {
    return null;
  }
}

/** Saves `code`, or forgets the edit when it equals the lesson's own code. */
export function saveEdit(page: string, index: string, code: string, original: string): void {
  try {
    if (code === original) localStorage.removeItem(keyFor(page, index));
    else localStorage.setItem(keyFor(page, index), code);
  } catch {
    // Nothing to do: the edit stays on the page until it is closed.
  }
}
