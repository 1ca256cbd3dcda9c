// The kernel loads the library in two parts: the core as it starts, the rest when a cell first
// imports from it.
import * as lib from 'lib';
import * as core from 'lib/core';
import { describe, expect, it } from 'vitest';
import { compileCell } from '../../src/notebook/runtime/compile-cell.ts';
import { libraryParts } from '../../src/notebook/runtime/library-parts.ts';
import { lessonPages } from '../support/lessons.ts';

/** Fake parts that count their loads; the core fails `coreFailures` times first. */
function fakeParts(coreFailures = 0) {
  const loads = { core: 0, whole: 0 };
  const corePart = { SimpleNN: 'SimpleNN' };
  const parts = libraryParts(
    async () => {
      loads.core++;
      if (coreFailures-- > 0) throw new Error('offline');
      return corePart;
    },
    async () => {
      loads.whole++;
      return { ...corePart, modelFromConfig: 'modelFromConfig' };
    },
  );
  return { parts, loads, corePart };
}

/** The names a page's cells import from lib. */
function importsOf(cells: string[]): string[] {
  return cells.flatMap((source, i) => {
    const compiled = compileCell(source, { cellName: `cell-${i + 1}.ts` });
    if (compiled.kind !== 'compiled') throw new Error(compiled.message);
    return compiled.imports;
  });
}

describe('the library in two parts', () => {
  it('gives the core for cells that import only from it, without loading the rest', async () => {
    const { parts, loads, corePart } = fakeParts();
    expect(await parts.libraryFor(['SimpleNN'])).toBe(corePart);
    expect(await parts.libraryFor([])).toBe(corePart);
    expect(loads).toEqual({ core: 1, whole: 0 });
  });

  it('loads the whole library, once, for a name beyond the core or a namespace import', async () => {
    const { parts, loads } = fakeParts();
    expect(await parts.libraryFor(['SimpleNN', 'modelFromConfig'])).toHaveProperty('modelFromConfig');
    expect(await parts.libraryFor(['*'])).toHaveProperty('modelFromConfig');
    expect(loads).toEqual({ core: 1, whole: 1 });
  });

  it('tries a failed load again on the next run', async () => {
    const { parts, loads } = fakeParts(1);
    await expect(parts.libraryFor(['SimpleNN'])).rejects.toThrow('offline');
    expect(await parts.libraryFor(['SimpleNN'])).toHaveProperty('SimpleNN');
    expect(loads.core).toBe(2);
  });

  it('has in its core the very bindings of the whole library, so a class is one class in every cell', () => {
    const whole = new Map(Object.entries(lib));
    const coreEntries = Object.entries(core);
    expect(coreEntries.length).toBeGreaterThan(20);
    for (const [name, value] of coreEntries) expect(whole.get(name), name).toBe(value);
  });

  // The pages whose first Run should need nothing but what the kernel loads before any click.
  const pages = lessonPages();
  it.each(['', 'lessons/01-what-are-parameters/', 'zh-cn/', 'zh-cn/lessons/01-what-are-parameters/'])(
    'has in its core every name the cells of /%s import',
    (url) => {
      const page = pages.find((lesson) => lesson.url === url)!;
      const imports = importsOf(page.cells);
      expect(imports.length).toBeGreaterThan(0);
      expect(imports.filter((name) => !(name in core))).toEqual([]);
    },
  );
});
