// A reader's edits to a cell, kept in localStorage so they survive a reload, each with a hash of
// the lesson's code it was made from: when a new version of the site changes that code, the
// reader can be asked which to keep. Storage can be missing or full (private mode, quota): then
// edits simply are not kept, and everything else works.

const STORAGE_PREFIX = 'param-notebook:edit:v2:';

export interface SavedEdit {
  code: string;
  /** hashText() of the lesson's code when the edit was saved. */
  originalHash: string;
}

function keyFor(page: string, index: number | ''): string {
  return `${STORAGE_PREFIX}${page}#${index}`;
}

/** A short, stable fingerprint of a text (53-bit cyrb53), to notice that the lesson's code changed. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function loadEdit(page: string, index: number): SavedEdit | null {
  try {
    const saved = JSON.parse(localStorage.getItem(keyFor(page, index)) ?? 'null');
    return typeof saved?.code === 'string' && typeof saved.originalHash === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/** Saves `code` as an edit of `original`, or forgets the edit when it equals `original`. */
export function saveEdit(page: string, index: number, code: string, original: string): void {
  try {
    if (code === original) localStorage.removeItem(keyFor(page, index));
    else localStorage.setItem(keyFor(page, index), JSON.stringify({ code, originalHash: hashText(original) }));
  } catch {
    // Nothing to do: the edit stays on the page until it is closed.
  }
}

/** True when the reader has kept an edit of some cell of `page`. */
export function hasSavedEdits(page: string): boolean {
  try {
    const prefix = keyFor(page, '');
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i)?.startsWith(prefix)) return true;
    }
  } catch {
    // No storage, no edits.
  }
  return false;
}
