// How a cell's TypeScript becomes a script for the kernel's shared global scope.
import { describe, expect, it } from 'vitest';
import type { CompiledCell } from '../../src/notebook/runtime/cell-protocol.ts';
import { compileCell } from '../../src/notebook/runtime/compile-cell.ts';

function compiled(source: string): CompiledCell {
  const result = compileCell(source, { cellName: 'cell-1.ts' });
  if (result.kind !== 'compiled') throw new Error(`expected it to compile: ${result.message}`);
  return result;
}

const codeLines = (cell: CompiledCell) => cell.js.split('\n').slice(0, -1); // without the sourceURL

describe('compiling a cell', () => {
  it('keeps every statement on its own line of the cell', () => {
    const source = [
      'import {',
      '  SimpleNN,',
      '} from "lib";',
      'type Sizes = [number, number];',
      'const sizes: Sizes = [3, 5];',
      'class Net extends SimpleNN {}',
      'console.log(sizes);',
    ].join('\n');
    const lines = codeLines(compiled(source));
    expect(lines).toHaveLength(7);
    expect(lines[4]).toContain('sizes = [3, 5]');
    expect(lines[5]).toContain('Net = class Net extends SimpleNN {};');
    expect(lines[6]).toBe('console.log(sizes);');
  });

  it('declares top-level names as globals on line 1', () => {
    const { js } = compiled('// a comment\nlet a = 1, b;\nconst { c, d: [e] } = f;\nclass G {}\nfunction h() {}');
    expect(js.split('\n')[0]).toBe('var a, b, c, e, G; // a comment');
  });

  it('leaves nested declarations alone', () => {
    const { js } = compiled('for (const i of [1]) { let j = i; }\nfunction k() { const m = 1; return m; }');
    expect(js).toContain('for (const i of [1]) { let j = i; }');
    expect(js).toContain('function k() { const m = 1; return m; }');
  });

  it('knows which lines changed, so that their columns are not reported', () => {
    const cell = compiled('const a: number = 1;\nconsole.log(a);');
    expect([...cell.changedLines]).toEqual([1]);
  });

  it('wraps only cells with top-level await', () => {
    expect(compiled('const x = await Promise.resolve(1);').isAsync).toBe(true);
    expect(compiled('for await (const x of []) {}').isAsync).toBe(true);
    expect(compiled('async function f() { await 1; }\nconst g = async () => await 2;').isAsync).toBe(false);
  });

  it('lists the names a cell imports from lib, so the kernel loads the part of the library that has them', () => {
    const source = [
      'import { SimpleNN, countParameters as count } from "lib";',
      'import { type Module, modelFromConfig } from "lib";',
      'import type { Tensor } from "lib";',
      'import * as everything from "lib";',
    ].join('\n');
    expect(compiled(source).imports).toEqual(['SimpleNN', 'countParameters', 'modelFromConfig', '*']);
    expect(compiled('console.log(32);').imports).toEqual([]);
  });

  it('names the script after the cell, for stack traces', () => {
    expect(compiled('1;').js.endsWith('\n//# sourceURL=cell-1.ts')).toBe(true);
  });

  it('reports a syntax error in the coordinates of the TypeScript source', () => {
    const result = compileCell('const a: number = 1;\n\nlet b: string = ;', { cellName: 'cell-1.ts' });
    expect(result).toEqual({ kind: 'syntax', name: 'SyntaxError', message: 'Unexpected token', line: 3, column: 17 });
  });
});
