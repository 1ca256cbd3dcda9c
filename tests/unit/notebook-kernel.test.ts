// The kernel as lessons use it: cells of one page share a scope, in the order they run.
// Runs in Node through run-in-node.ts, over the same core and compiler as the browser's worker.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_LINES } from '../../src/notebook/runtime/cell-output.ts';
import { type CellResult, cellName } from '../../src/notebook/runtime/cell-protocol.ts';
import { compileCell } from '../../src/notebook/runtime/compile-cell.ts';
import { createCellRunner } from '../../src/notebook/runtime/run-cell.ts';
import { createNodeKernel } from '../../src/notebook/runtime/run-in-node.ts';

// A stand-in for "lib", so these tests do not depend on the library's internals.
class SimpleNN {
  constructor(readonly sizes: number[]) {}
  toString() {
    return `SimpleNN(${this.sizes.join(', ')})`;
  }
}
let kept: unknown;
const fakeLib = {
  SimpleNN,
  /** Hands a value from the cell to the test. */
  keep: (value: unknown) => {
    kept = value;
  },
  countParameters: (model: SimpleNN) => model.sizes.length * 16,
  fail: () => {
    throw new RangeError('inside the library');
  },
};

function fakeKernel() {
  const kernel = createNodeKernel({ lib: fakeLib });
  let count = 0;
  return (source: string) => kernel.run(`cell-${++count}.ts`, source);
}

const printed = (result: CellResult) => result.outputs.map((line) => line.text).join('\n');

describe('a page kernel', () => {
  it('re-runs a cell that declares `const model`', async () => {
    const run = fakeKernel();
    const cell = 'import { SimpleNN } from "lib";\nconst model = new SimpleNN([3, 5]);\nconsole.log(String(model));';
    expect(printed(await run(cell))).toBe('SimpleNN(3, 5)');
    const again = await run(cell);
    expect(again.error).toBeUndefined();
    expect(printed(again)).toBe('SimpleNN(3, 5)');
  });

  it("lets a later cell use an earlier cell's variables, classes and functions", async () => {
    const run = fakeKernel();
    await run('let total = 30;\nclass Counter { count = 2 }\nfunction add(a: number, b: number) { return a + b; }');
    const result = await run('console.log(add(total, new Counter().count));');
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('32');
  });

  it('lets a closure see a later reassignment of a shared variable', async () => {
    const run = fakeKernel();
    await run('let size = 16;\nconst double = () => size * 2;');
    await run('size = 16 + 0;\nsize = size / 1;');
    await run('size = 16;');
    expect(printed(await run('size = 16; console.log(double());'))).toBe('32');
    await run('let size = 10;');
    expect(printed(await run('console.log(double());'))).toBe('20');
  });

  it('keeps destructured top-level names for later cells', async () => {
    const run = fakeKernel();
    await run('const { a, b: [c] } = { a: 30, b: [2] };');
    expect(printed(await run('console.log(a + c);'))).toBe('32');
  });

  it('runs a class declaration followed by a line that starts with a bracket', async () => {
    const run = fakeKernel();
    const result = await run('class Pair { sum = 32 }\n[new Pair()].forEach((p) => console.log(p.sum));');
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('32');
  });

  it('keeps pages apart: each kernel has its own scope', async () => {
    const first = fakeKernel();
    const second = fakeKernel();
    await first('const shared = 32;');
    const result = await second('console.log(shared);');
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'ReferenceError', line: 1 });
  });

  it('binds named, renamed and namespace imports from "lib"', async () => {
    const run = fakeKernel();
    const result = await run(
      [
        'import { SimpleNN, countParameters as count } from "lib";',
        "import * as nn from 'lib';",
        'const model = new SimpleNN([1, 2]);',
        'console.log(count(model), nn.countParameters(model), nn.SimpleNN === SimpleNN);',
      ].join('\n'),
    );
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('32 32 true');
  });

  it('binds imports for later cells even when the importing cell does not use them', async () => {
    const run = fakeKernel();
    await run('import {\n  SimpleNN,\n  countParameters,\n} from "lib";');
    expect(printed(await run('console.log(countParameters(new SimpleNN([1, 1])));'))).toBe('32');
  });

  it('refuses to import anything but "lib", with a clear error', async () => {
    const run = fakeKernel();
    const result = await run('const x = 1;\nimport { readFile } from "node:fs";\nconsole.log(x);');
    expect(result.outputs).toEqual([]);
    expect(result.error).toEqual({
      kind: 'syntax',
      name: 'ImportError',
      message: 'Only "lib" can be imported in a cell, not "node:fs"',
      line: 2,
      column: 26,
    });
  });

  it('drops type-only imports and type annotations', async () => {
    const run = fakeKernel();
    const result = await run(
      [
        'import type { Tensor } from "lib";',
        'import { type Module, SimpleNN } from "lib";',
        'interface Sized { sizes: number[] }',
        'const model: SimpleNN = new SimpleNN([4, 4]) as SimpleNN;',
        'const sized = (m: Sized): number => m.sizes.length;',
        'console.log(sized(model) * 16);',
      ].join('\n'),
    );
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('32');
    expect((await run('console.log(typeof Tensor, typeof Module);')).outputs[0].text).toBe('undefined undefined');
  });

  it('reports a syntax error at its line and column in the TypeScript source', async () => {
    const run = fakeKernel();
    const result = await run('const a: number = 1;\nconst b: number = (a + ;\nconsole.log(a);');
    expect(result.outputs).toEqual([]);
    expect(result.error).toEqual({ kind: 'syntax', name: 'SyntaxError', message: 'Unexpected token', line: 2, column: 24 });
  });

  it('reports a runtime error at the line of the cell where it was thrown', async () => {
    const run = fakeKernel();
    const source = 'const sizes: number[] = [3, 5, 2];\nlet model: { forward(x: number): number } | null = null;\nconsole.log(sizes.length); model!.forward(1);';
    const result = await run(source);
    expect(result.outputs).toEqual([{ stream: 'log', text: '3' }]);
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'TypeError', line: 3 });
    expect(result.error?.message).toMatch(/forward/);
  });

  it('reports a column when the line runs exactly as written', async () => {
    const run = fakeKernel();
    const result = await run('const n: number = 1;\n\nn.toFixed(200);');
    expect(result.error).toMatchObject({ name: 'RangeError', line: 3, column: 3 });
  });

  it('reports the cell line of a call into the library that throws', async () => {
    const run = fakeKernel();
    const result = await run('import { fail } from "lib";\n\nfail();');
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'RangeError', message: 'inside the library', line: 3 });
  });

  it('reports a thrown value that is not an Error', async () => {
    const run = fakeKernel();
    expect((await run('throw "thirty-two";')).error).toEqual({ kind: 'runtime', name: 'Uncaught', message: 'thirty-two' });
  });

  it('runs the next cell normally after a cell throws', async () => {
    const run = fakeKernel();
    await run('const before = 32;');
    const failing = await run('console.log("first");\nthrow new Error("boom");');
    expect(failing.outputs).toEqual([{ stream: 'log', text: 'first' }]);
    const next = await run('console.log(before);');
    expect(next.error).toBeUndefined();
    expect(printed(next)).toBe('32');
  });

  it('captures console.info, warn and error on their own streams', async () => {
    const run = fakeKernel();
    const result = await run('console.info(1); console.warn(2); console.error(3); console.debug(4);');
    expect(result.outputs).toEqual([
      { stream: 'info', text: '1' },
      { stream: 'warn', text: '2' },
      { stream: 'error', text: '3' },
      { stream: 'log', text: '4' },
    ]);
  });

  it('prints "<img src=x onerror=alert(1)>" as exactly those characters', async () => {
    const run = fakeKernel();
    const result = await run('console.log("<img src=x onerror=alert(1)>");');
    expect(result.outputs).toEqual([{ stream: 'log', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('reports how long the cell took', async () => {
    const result = await fakeKernel()('let x = 32;');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });
});

describe('top-level await in a cell', () => {
  it('awaits the cell and keeps its declarations and functions for later cells', async () => {
    const run = fakeKernel();
    const result = await run(
      'const value: number = await new Promise((resolve) => setTimeout(() => resolve(30), 5));\nfunction plus(n: number) { return value + n; }\nclass Box { n = 2 }\nconsole.log(value);',
    );
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('30');
    expect(printed(await run('console.log(plus(new Box().n));'))).toBe('32');
  });

  it('reports a rejection at the line of the cell that awaited it', async () => {
    const run = fakeKernel();
    const result = await run('const ok = 1;\nawait Promise.resolve();\nawait Promise.reject(new TypeError("late"));');
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'TypeError', message: 'late', line: 3 });
  });

  it('runs cells one at a time, in the order they were sent', async () => {
    const run = fakeKernel();
    const slow = run('let order = "slow";\nawait new Promise((resolve) => setTimeout(resolve, 20));\norder += " done";');
    const fast = run('console.log(order);');
    await slow;
    expect(printed(await fast)).toBe('slow done');
  });

  it('leaves cells without top-level await synchronous, even with async functions inside', async () => {
    const run = fakeKernel();
    const result = await run('async function later() { await null; return 32; }\nconsole.log(typeof later);');
    expect(printed(result)).toBe('function');
    expect(printed(await run('console.log(await later());'))).toBe('32');
  });
});

describe('the kernel with the real library', () => {
  it('counts the 32 parameters of SimpleNN(3, 5, 2)', async () => {
    const kernel = createNodeKernel();
    await kernel.run('cell-1.ts', 'import * as lib from "lib";\nconst model = new lib.SimpleNN(3, 5, 2);');
    const result = await kernel.run('cell-2.ts', 'console.log(lib.countParameters(model));');
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('32');
  });

  it("prints a model with the library's PyTorch-like repr", async () => {
    const kernel = createNodeKernel();
    const result = await kernel.run('cell-1.ts', 'import { SimpleNN } from "lib";\nconsole.log(new SimpleNN(3, 5, 2));');
    expect(printed(result)).toMatch(/^SimpleNN\(\n/);
  });

  it("accepts a cell's own Float64Array in the library, as the browser does", async () => {
    const kernel = createNodeKernel();
    const result = await kernel.run('cell-1.ts', 'import { Tensor } from "lib";\nconsole.log(new Tensor([2], new Float64Array([30, 2])).data instanceof Float64Array);');
    expect(result.error).toBeUndefined();
    expect(printed(result)).toBe('true');
  });
});

describe('what a cell prints, bounded', () => {
  it('keeps the first lines of a cell that prints a million, and says the rest was cut', async () => {
    const result = await fakeKernel()('for (let i = 0; i < 1_000_000; i++) console.log(i);');
    expect(result.outputs).toHaveLength(MAX_OUTPUT_LINES);
    expect(result.outputs[0]).toEqual({ stream: 'log', text: '0' });
    expect(result.truncated).toBe(true);
  });

  it('does not call an output truncated that fits exactly', async () => {
    const result = await fakeKernel()(`for (let i = 0; i < ${MAX_OUTPUT_LINES}; i++) console.log(i);`);
    expect(result.outputs).toHaveLength(MAX_OUTPUT_LINES);
    expect(result.truncated).toBeUndefined();
  });
});

describe('listening to a run', () => {
  it('hears the cell start, then each line as it is printed', async () => {
    const kernel = createNodeKernel({ lib: fakeLib });
    const heard: string[] = [];
    await kernel.run('cell-1.ts', 'console.log(1);\nconsole.warn(2);', {
      started: () => heard.push('started'),
      output: ({ stream, text }) => heard.push(`${stream} ${text}`),
    });
    expect(heard).toEqual(['started', 'log 1', 'warn 2']);
  });
});

describe('what is thrown after a cell ended', () => {
  it('is placed at the line of the cell whose code threw it, even when other cells ran since', async () => {
    const kernel = createNodeKernel({ lib: fakeLib });
    await kernel.run('cell-1.ts', 'import { keep } from "lib";\nconst later = () =>\n  keep(new TypeError("too late"));');
    await kernel.run('cell-2.ts', 'later();');
    await kernel.run('cell-3.ts', 'console.log("another cell");');
    expect(kernel.uncaught(kept)).toEqual({
      cellName: 'cell-1.ts',
      error: { kind: 'runtime', name: 'TypeError', message: 'too late', line: 3, column: 8 },
    });
  });

  it('goes to the cell that ran last when it carries no stack', async () => {
    const kernel = createNodeKernel({ lib: fakeLib });
    expect(kernel.uncaught(32)).toBeUndefined();
    await kernel.run('cell-1.ts', 'let a = 1;');
    await kernel.run('cell-2.ts', 'let b = 2;');
    expect(kernel.uncaught(32)).toEqual({
      cellName: 'cell-2.ts',
      error: { kind: 'runtime', name: 'Uncaught', message: '32' },
    });
  });
});

describe("the lesson's own code, compiled by the build", () => {
  // A kernel whose compiler cannot load: what it runs, it runs from the build's compilation.
  function kernelWithoutCompiler() {
    const context = vm.createContext({ console });
    return createCellRunner(
      { global: context, console, evaluate: (js, filename) => vm.runInContext(js, context, { filename }) },
      { loadModules: async () => ({ lib: fakeLib }), loadCompiler: () => Promise.reject(new Error('no compiler here')) },
    );
  }
  const built = (source: string, index: number) => {
    const compiled = compileCell(source, { cellName: cellName(index) });
    if (compiled.kind !== 'compiled') throw new Error(compiled.message);
    return { source, compiled };
  };

  it('runs without the compiler, sharing one scope and re-running `const model`', async () => {
    const kernel = kernelWithoutCompiler();
    const define = built('import { SimpleNN } from "lib";\nconst model: SimpleNN = new SimpleNN([3, 5]);', 0);
    const count = built('import { countParameters } from "lib";\nconsole.log(countParameters(model));', 1);
    expect((await kernel.run(cellName(0), define)).error).toBeUndefined();
    expect((await kernel.run(cellName(0), define)).error).toBeUndefined();
    expect(printed(await kernel.run(cellName(1), count))).toBe('32');
  });

  it("reports a runtime error at the line and column of the cell's TypeScript", async () => {
    const kernel = kernelWithoutCompiler();
    const result = await kernel.run(cellName(2), built('const n: number = 1;\n  missing(n);', 2));
    expect(result.error).toMatchObject({ kind: 'runtime', name: 'ReferenceError', line: 2, column: 3 });
  });

  it('needs the compiler for code the build did not compile: a reader\'s edit', async () => {
    const result = await kernelWithoutCompiler().run(cellName(0), { source: 'console.log(32);' });
    expect(result.error).toMatchObject({ message: 'no compiler here' });
  });
});
