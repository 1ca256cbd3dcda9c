// What a cell is and what its run gives back, as every side sees it: the build (which runs and
// compiles each cell once), the page's cells and kernel client, the kernel worker, and the Node
// kernel of the tests. Types and one naming rule; it imports nothing, so nothing cycles through it.

/** The name a page's cell runs under, in stack traces and errors: `cell-1.ts` for the first (index 0). */
export function cellName(index: number): string {
  return `cell-${index + 1}.ts`;
}

/** A cell's TypeScript, compiled to a classic script for the kernel's shared global scope. */
export interface CompiledCell {
  kind: 'compiled';
  /** A classic script for the realm's global scope; its line N is line N of the cell. */
  js: string;
  /** True when the script's completion value is a promise of the cell's end (top-level await). */
  isAsync: boolean;
  /** Lines whose text changed: a column there in `js` is not a column in the cell. */
  changedLines: readonly number[];
  /** The names the cell imports from "lib" (`*` for the whole module), so the kernel loads what they need. */
  imports: readonly string[];
}

/** What a cell sends to run: its TypeScript, and the build's compilation of it when it has one. */
export interface CellCode {
  source: string;
  /** Given only for the lesson's own code, which the build compiled: then no compiler is needed. */
  compiled?: CompiledCell;
}

/** One line a cell printed, from the console method named by `stream`. */
export interface OutputLine {
  stream: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

/** `syntax`: the cell was rejected before it ran; `runtime`: it threw. Lines and columns are the cell's TypeScript's. */
export interface CellError {
  kind: 'syntax' | 'runtime';
  name: string;
  message: string;
  line?: number;
  column?: number;
}

export type CompileError = CellError & { kind: 'syntax' };

export interface CellResult {
  outputs: OutputLine[];
  error?: CellError;
  /** True when the cell printed more than the output bound: only the first part is kept. */
  truncated?: boolean;
  elapsedMs: number;
}

/**
 * Why the kernel stopped a run: the reader interrupted it, it ran past the time limit, the kernel
 * was restarted, the kernel stopped before the run's turn came (`not-run`), or the kernel could
 * not start at all.
 */
export type StopReason = 'interrupted' | 'time-limit' | 'restarted' | 'not-run' | 'kernel-failed';

/** A run as the page sees it. */
export interface KernelRun extends CellResult {
  /** Execution count: this was the kernel's `count`th run. Absent when the cell never started. */
  count?: number;
  stopped?: StopReason;
}
