// Cells are real TypeScript: every page's cells, in page order, type-check against lib in strict
// mode, so a reader who pastes a cell into an editor sees no red.
import { describe, expect, it } from 'vitest';
import { lessonPages } from '../support/lessons.ts';
import { typeCheckCells } from '../support/type-check-cells.ts';

const lib = 'import { SimpleNN, countParameters } from "lib";';

describe('the cell type check', () => {
  it('reports a real type error with its cell and line', () => {
    const errors = typeCheckCells([
      { page: 'bad', cells: [`${lib}\nconst model = new SimpleNN(3, 5, 2);`, 'const n: string = countParameters(model);'] },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ page: 'bad', cell: 2, line: 1 });
    expect(errors[0].message).toMatch(/number.*not assignable.*string/);
  });

  it('lets a cell use what earlier cells declared and imported, types included', () => {
    const cells = [
      `${lib}\ntype Sizes = [number, number, number];\nconst sizes: Sizes = [3, 5, 2];`,
      'const model = new SimpleNN(...sizes);\nconsole.log(countParameters(model));',
      'function total(): number { return countParameters(model); }\nconst again: Sizes = sizes;',
    ];
    expect(typeCheckCells([{ page: 'ok', cells }])).toEqual([]);
  });

  it('accepts a later cell re-declaring a name, and types later uses by the newest declaration', () => {
    const cells = [
      `${lib}\nconst model = new SimpleNN(3, 5, 2);`,
      'import { Linear } from "lib";\nconst model = new Linear(3, 5);',
      'console.log(model.inFeatures);',
    ];
    expect(typeCheckCells([{ page: 'redeclared', cells }])).toEqual([]);
  });

  it('does not let a cell see a name that only a later cell declares', () => {
    const errors = typeCheckCells([{ page: 'order', cells: ['console.log(later);', 'const later = 32;'] }]);
    expect(errors.map((e) => [e.cell, e.line])).toEqual([[1, 1]]);
    expect(errors[0].message).toMatch(/Cannot find name 'later'/);
  });

  it('finds no type error in any cell of any page, in either language', () => {
    const pages = lessonPages().filter((page) => page.cells.length > 0);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const errors = typeCheckCells(pages.map(({ file, cells }) => ({ page: file, cells })));
    expect(errors.map((e) => `${e.page} cell ${e.cell} line ${e.line}: ${e.message}`)).toEqual([]);
  }, 60_000);
});
