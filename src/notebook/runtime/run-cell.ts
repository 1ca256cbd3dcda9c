// The kernel's core, shared by the Web Worker and by the Node kernel that tests and the build use:
// compiles a cell (unless the build already did), runs it at the global scope of a realm, and
// collects what it printed (bounded) and how it failed.
import { BoundedOutput, captureConsole, type OutputListener } from './cell-output.ts';
import type { CellCode, CellError, CellResult, CompiledCell, CompileError } from './cell-protocol.ts';
import { formatValue } from './format-value.ts';

/** Where a page's cells run: one global scope, a worker's or a Node vm context's. */
export interface Realm {
  /** The global object; it receives `__import`, through which cells get their module. */
  global: object;
  /** The console that cells and the library write to, captured while a cell runs. */
  console: Console;
  /** Runs a classic script at the global scope and returns its completion value. */
  evaluate(js: string, filename: string): unknown;
}

export type CompileCell = (source: string, options: { cellName: string }) => CompiledCell | CompileError;

/** What runs need, loaded lazily: the modules cells import, and the compiler (sucrase: most of the download). */
export interface RunnerDeps {
  /** The modules cells import, by specifier, with at least what `imports` (a cell's, from "lib") needs. */
  loadModules(imports: readonly string[]): Promise<Record<string, unknown>>;
  /** Needed only for code the build did not compile: a reader's edit. */
  loadCompiler(): Promise<CompileCell>;
}

/** Hears a run as it happens. */
export interface RunListener extends OutputListener {
  /** What the run needs is loaded and the cell starts now. */
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
  run(cellName: string, code: CellCode, listener?: RunListener): Promise<CellResult>;
  /** Loads the modules, and the compiler too when asked, ahead of the run that needs them. */
  load(options?: { compiler?: boolean }): Promise<void>;
  /**
   * Describes what was thrown outside any run (a rejected promise nobody awaited, a timer that
   * threw), at the cell it came from: the cell in its stack, or else the cell that ran last.
   */
  uncaught(thrown: unknown): { cellName: string; error: CellError } | undefined;
}

export function createCellRunner(
  realm: Realm,
  deps: RunnerDeps,
  { captureBetweenRuns = false }: RunnerOptions = {},
): CellRunner {
  const loadModules = async (imports: readonly string[]) => {
    const modules = await deps.loadModules(imports);
    Object.assign(realm.global, { __import: (specifier: string) => modules[specifier] });
  };
  const loadCompiler = once(deps.loadCompiler);

  // Where the console prints: the running cell's output (between runs, the last cell's).
  let output: BoundedOutput | undefined;
  let restoreConsole: (() => void) | undefined;
  // The lines that each cell's last run changed in compiling, to place what it throws later.
  const changedLinesOf = new Map<string, readonly number[]>();
  let lastCell: string | undefined;

  async function runNow(cellName: string, { source, compiled: prebuilt }: CellCode, listener: RunListener): Promise<CellResult> {
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
      // The lesson's own code comes compiled by the build: then the compiler is not even loaded. A
      // reader's edit waits for the compiler, and the library's core loads meanwhile.
      if (prebuilt) compiled = prebuilt;
      else {
        const [compileCell] = await Promise.all([loadCompiler(), loadModules([])]);
        compiled = compileCell(source, { cellName });
      }
      // Then the part of the library that has what the cell imports.
      if (compiled.kind === 'compiled') await loadModules(compiled.imports);
      listener.started?.();
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
    run(cellName, code, listener = {}) {
      const result = queue.then(() => runNow(cellName, code, listener));
      queue = result;
      return result;
    },
    load: async ({ compiler = false } = {}) => {
      await Promise.all([loadModules([]), compiler && loadCompiler()]);
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
  changedLines: readonly number[] = [],
): CellError {
  if (typeof thrown !== 'object' || thrown === null || !('message' in thrown)) {
    return { kind: 'runtime', name: 'Uncaught', message: formatValue(thrown) };
  }
  const { name, message, stack } = thrown as Error;
  const frame = stackFrame(String(stack), cellName);
  const line = frame ? Number(frame[1]) : undefined;
  const column = frame && !changedLines.includes(Number(frame[1])) ? Number(frame[2]) : undefined;
  return { kind: 'runtime', name: String(name), message: String(message), line, column };
}

/** `load()` once; a failed load (a download, say) is tried again by the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
