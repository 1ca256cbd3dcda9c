// A reader's edits in localStorage: kept per page and cell with a fingerprint of the lesson's code
// they were made from, forgotten when they match it again, and harmless when storage is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasSavedEdits, hashText, loadEdit, saveEdit } from '../../src/notebook/ui/saved-edits.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('saved edits', () => {
  it("keep an edit with the fingerprint of the lesson's code, per page and cell", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    saveEdit('/lesson/', 2, 'console.log(32);', 'console.log(64 / 2);');
    expect(loadEdit('/lesson/', 2)).toEqual({ code: 'console.log(32);', originalHash: hashText('console.log(64 / 2);') });
    expect(loadEdit('/lesson/', 1)).toBeNull();
    expect(loadEdit('/other/', 2)).toBeNull();
    expect(hasSavedEdits('/lesson/')).toBe(true);
    expect(hasSavedEdits('/other/')).toBe(false);
  });

  it("forget the edit when the code is the lesson's again", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    saveEdit('/lesson/', 0, 'edited', 'original');
    saveEdit('/lesson/', 0, 'original', 'original');
    expect(loadEdit('/lesson/', 0)).toBeNull();
    expect(hasSavedEdits('/lesson/')).toBe(false);
  });

  it('do nothing, and throw nothing, when storage is refused', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('refused', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      get length(): number {
        throw new DOMException('refused', 'SecurityError');
      },
    });
    expect(() => saveEdit('/lesson/', 0, 'edited', 'original')).not.toThrow();
    expect(loadEdit('/lesson/', 0)).toBeNull();
    expect(hasSavedEdits('/lesson/')).toBe(false);
  });

  it('ignore what is not an edit of theirs', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    storage.setItem('param-notebook:edit:v2:/lesson/#0', 'not json');
    storage.setItem('param-notebook:edit:v2:/lesson/#1', '{"code": 32}');
    expect(loadEdit('/lesson/', 0)).toBeNull();
    expect(loadEdit('/lesson/', 1)).toBeNull();
  });
});

describe('hashText', () => {
  it('tells texts apart that differ in one character, and gives a text the same hash each time', () => {
    expect(hashText('console.log(32);')).toBe(hashText('console.log(32);'));
    expect(hashText('console.log(32);')).not.toBe(hashText('console.log(33);'));
    expect(hashText('')).not.toBe(hashText(' '));
  });
});
