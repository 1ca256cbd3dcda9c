// The kernel's core, shared by the Web Worker and by the Node kernel that tests and the build use:
// compiles a cell, runs it at the global scope of a realm, and collects what it printed (bounded)
// and how it failed.
import { BoundedOutput, captureConsole, type OutputLine, type OutputListener } from './cell-output.ts';
import type { CompileError, CompiledCell } from './compile-cell.ts';
import { formatValue } from './format-value.ts';

export type { OutputLine } from './cell-output.ts';

/** `syntax`: the cell was rejected before it ran; `runtime`: it threw. */
export interface CellError {
  kind: 'syntax' | 'runtime';
  name: string;
  message: string;
  line?: number;
  column?: number;
}

export interface CellResult {
  outputs: OutputLine[];
  error?: CellError;
  /** True when the cell printed more than the output bound: only the first part is kept. */
  truncated?: boolean;
  elapsedMs: number;
}

/** Where a page's cells run: one global scope, a worker's or a Node vm context's. */
export interface Realm {
  /** The global object; it receives `__import`, through which cells get their module. */
  global: object;
  /** The console that cells and the library write to, captured while a cell runs. */
  console: Console;
  /** Runs a classic script at the global scope and returns its completion value. */
  evaluate(js: string, filename: string): unknown;
}

/** What runs need, loaded lazily: the compiler (sucrase: most of the download), the modules. */
export interface RunnerDeps {
  compileCell: (source: string, options: { cellName: string }) => CompiledCell | CompileError;
  modules: Record<string, unknown>;
}

/** Hears a run as it happens. */
export interface RunListener extends OutputListener {
  /** The compiler is loaded and the cell starts now. */
  started?(): void;
}

export interface RunnerOptions {
  /**
   * Keep the console captured between runs, so what a cell's timers print later still reaches
   * that cell's listener (the worker). Off, the console is the realm's own between runs (Node).
   */
  captureBetweenRuns?: boolean;
}

export interface CellRunner {
  /** Runs cells one at a time, in the order they were asked for. */
  run(cellName: string, source: string, listener?: RunListener): Promise<CellResult>;
  /** Loads the compiler and modules ahead of the first run. */
  load(): Promise<void>;
  /**
   * Describes what was thrown outside any run (a rejected promise nobody awaited, a timer that
   * threw), at the cell it came from: the cell in its stack, or else the cell that ran last.
   */
  uncaught(thrown: unknown): { cellName: string; error: CellError } | undefined;
}

export function createCellRunner(
  realm: Realm,
  loadDeps: () => Promise<RunnerDeps>,
  { captureBetweenRuns = false }: RunnerOptions = {},
): CellRunner {
  let loading: Promise<RunnerDeps> | undefined;
  const load = () =>
    (loading ??= loadDeps().then(
      (deps) => {
        Object.assign(realm.global, { __import: (specifier: string) => deps.modules[specifier] });
        return deps;
      },
      (error: unknown) => {
        loading = undefined; // a failed download is tried again by the next run
        throw error;
      },
    ));

  // Where the console prints: the running cell's output (between runs, the last cell's).
  let output: BoundedOutput | undefined;
  let restoreConsole: (() => void) | undefined;
  // The lines that each cell's last run changed in compiling, to place what it throws later.
  const changedLinesOf = new Map<string, ReadonlySet<number>>();
  let lastCell: string | undefined;

  async function runNow(cellName: string, source: string, listener: RunListener): Promise<CellResult> {
    const started = performance.now();
    const cellOutput = new BoundedOutput(listener);
    const finish = (error?: CellError): CellResult => ({
      outputs: cellOutput.lines,
      error,
      ...(cellOutput.truncated && { truncated: true }),
      elapsedMs: performance.now() - started,
    });
    output = cellOutput;
    restoreConsole ??= captureConsole(realm.console, () => output);
    lastCell = cellName;
    changedLinesOf.delete(cellName);
    let compiled: CompiledCell | CompileError | undefined;
    try {
      const { compileCell } = await load();
      listener.started?.();
      compiled = compileCell(source, { cellName });
      if (compiled.kind === 'syntax') return finish(compiled);
      changedLinesOf.set(cellName, compiled.changedLines);
      const completion = realm.evaluate(compiled.js, cellName);
      if (compiled.isAsync) await completion;
      return finish();
    } catch (thrown) {
      return finish(runtimeError(thrown, cellName, changedLinesOf.get(cellName)));
    } finally {
      if (!captureBetweenRuns) {
        restoreConsole();
        restoreConsole = undefined;
      }
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(cellName, source, listener = {}) {
      const result = queue.then(() => runNow(cellName, source, listener));
      queue = result;
      return result;
    },
    load: async () => {
      await load();
    },
    uncaught(thrown) {
      if (lastCell === undefined) return undefined;
      const stack = String((thrown as { stack?: unknown } | null)?.stack ?? '');
      const cellName =
        [...changedLinesOf.keys()]
          .map((name) => ({ name, at: stackFrame(stack, name)?.index ?? Infinity }))
          .sort((a, b) => a.at - b.at)
          .find(({ at }) => at !== Infinity)?.name ?? lastCell;
      return { cellName, error: runtimeError(thrown, cellName, changedLinesOf.get(cellName)) };
    },
  };
}

/** The first frame of `stack` in the cell's file: where, and at which line and column. */
function stackFrame(stack: string, cellName: string) {
  const file = cellName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s(@])${file}:(\\d+):(\\d+)`, 'm').exec(stack) ?? undefined;
}

/** Describes what a cell threw, at the cell's line: the first stack frame in the cell's file. */
function runtimeError(
  thrown: unknown,
  cellName: string,
  changedLines: ReadonlySet<number> = new Set(),
): CellError {
  if (typeof thrown !== 'object' || thrown === null || !('message' in thrown)) {
    return { kind: 'runtime', name: 'Uncaught', message: formatValue(thrown) };
  }
  const { name, message, stack } = thrown as Error;
  const frame = stackFrame(String(stack), cellName);
  const line = frame ? Number(frame[1]) : undefined;
  const column = frame && !changedLines.has(Number(frame[1])) ? Number(frame[2]) : undefined;
  return { kind: 'runtime', name: String(name), message: String(message), line, column };
}
