// Cells are real TypeScript: every page's cells, in page order, type-check against lib in strict
// mode, so a reader who pastes a cell into an editor sees no red.
import { beforeAll, describe, expect, it } from 'vitest';
import { lessonPages } from '../support/lessons.ts';
import { type CellTypeError, type PageCells, typeCheckCells } from '../support/type-check-cells.ts';

const lib = 'import { SimpleNN, countParameters } from "lib";';

// Made-up pages that show what the check accepts and refuses, next to every real page.
const snippets: PageCells[] = [
  { page: 'bad', cells: [`${lib}\nconst model = new SimpleNN(3, 5, 2);`, 'const n: string = countParameters(model);'] },
  {
    page: 'earlier names',
    cells: [
      `${lib}\ntype Sizes = [number, number, number];\nconst sizes: Sizes = [3, 5, 2];`,
      'const model = new SimpleNN(...sizes);\nconsole.log(countParameters(model));',
      'function total(): number { return countParameters(model); }\nconst again: Sizes = sizes;',
      'import type { Module } from "lib";\nimport { type Tensor } from "lib";',
      'const m: Module = model;\nconst t: Tensor | null = m.parameters().next().value ?? null;',
    ],
  },
  {
    page: 'redeclared',
    cells: [
      `${lib}\nconst model = new SimpleNN(3, 5, 2);`,
      'import { Linear } from "lib";\nconst model = new Linear(3, 5);',
      'console.log(model.inFeatures);',
    ],
  },
  { page: 'order', cells: ['console.log(later);', 'const later = 32;'] },
];
const pages = lessonPages().filter((page) => page.cells.length > 0);

let errors: CellTypeError[] = [];
beforeAll(() => {
  // One program for everything: building it is what takes the time.
  errors = typeCheckCells([...snippets, ...pages.map(({ file, cells }) => ({ page: file, cells }))]);
}, 120_000);
const errorsOf = (page: string) => errors.filter((e) => e.page === page);

describe('the cell type check', () => {
  it('reports a real type error with its cell and line', () => {
    const found = errorsOf('bad');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: 2, line: 1 });
    expect(found[0].message).toMatch(/number.*not assignable.*string/);
  });

  it('lets a cell use what earlier cells declared and imported, types included', () => {
    expect(errorsOf('earlier names')).toEqual([]);
  });

  it('accepts a later cell re-declaring a name, and types later uses by the newest declaration', () => {
    expect(errorsOf('redeclared')).toEqual([]);
  });

  it('does not let a cell see a name that only a later cell declares', () => {
    const found = errorsOf('order');
    expect(found.map((e) => [e.cell, e.line])).toEqual([[1, 1]]);
    expect(found[0].message).toMatch(/Cannot find name 'later'/);
  });

  it('finds no type error in any cell of any page, in either language', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const inPages = errors.filter((e) => !snippets.some((s) => s.page === e.page));
    expect(inPages.map((e) => `${e.page} cell ${e.cell} line ${e.line}: ${e.message}`)).toEqual([]);
  });
});
