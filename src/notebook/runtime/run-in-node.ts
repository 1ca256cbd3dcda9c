// A page's kernel in Node, for tests and for the build's run of every cell: the worker's compiler
// and core, with a vm context as the page's global scope, so every lesson's cells run here the
// way the browser runs them.
import vm from 'node:vm';
import { compileCell } from './compile-cell.ts';
import type { CellCode, CellResult } from './cell-protocol.ts';
import { type CellRunner, createCellRunner, type RunListener } from './run-cell.ts';

export interface NodeKernel extends Pick<CellRunner, 'uncaught'> {
  /** Runs a cell's TypeScript (or, given a CellCode with `compiled`, the build's compilation of it). */
  run(cellName: string, source: string | CellCode, listener?: RunListener): Promise<CellResult>;
}

// A vm context starts with only the language's built-ins; a worker also has these.
const WORKER_GLOBALS = {
  setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, performance, TextEncoder, TextDecoder,
};

// lib's objects come from this realm, not the context's. Built-ins that a cell can only reach by
// name come from this realm too, so `instanceof Float64Array` agrees with the browser whichever
// side made the value. ([], {} and /re/ literals are the context's own: use Array.isArray.)
const SHARED_BUILTINS = {
  ArrayBuffer, DataView, Float32Array, Float64Array, Int8Array, Int16Array, Int32Array,
  Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array, BigInt64Array, BigUint64Array,
  Map, Set, WeakMap, WeakSet, Date,
};

/**
 * A kernel with its own global scope, like one page. Cells import the real "lib", or the given
 * `modules` (for tests of the kernel itself).
 */
export function createNodeKernel(modules?: Record<string, unknown>): NodeKernel {
  const context = vm.createContext({ console, ...WORKER_GLOBALS, ...SHARED_BUILTINS });
  const evaluate = (js: string, filename: string) => vm.runInContext(js, context, { filename });
  const runner = createCellRunner(
    { global: context, console, evaluate },
    { loadModules: async () => modules ?? { lib: await import('lib') }, loadCompiler: async () => compileCell },
  );
  return {
    run: (cellName, source, listener) => runner.run(cellName, typeof source === 'string' ? { source } : source, listener),
    uncaught: runner.uncaught,
  };
}
