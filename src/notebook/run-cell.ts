// The kernel's core, shared by the Web Worker and by the Node kernel that tests use: compiles a
// cell, runs it at the global scope of a realm, and collects what it printed and how it failed.
import type { CompileError, CompiledCell } from './compile-cell.ts';
import { formatArgs, formatTable, formatValue } from './format-value.ts';

export interface OutputLine {
  stream: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

/** `syntax`: the cell was rejected before it ran; `runtime`: it threw (or was interrupted). */
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

export interface CellRunner {
  /** Runs cells one at a time, in the order they were asked for. */
  run(cellName: string, source: string): Promise<CellResult>;
  /** Loads the compiler and modules ahead of the first run. */
  load(): Promise<void>;
}

export function createCellRunner(realm: Realm, loadDeps: () => Promise<RunnerDeps>): CellRunner {
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

  async function runNow(cellName: string, source: string): Promise<CellResult> {
    const started = performance.now();
    const outputs: OutputLine[] = [];
    const finish = (error?: CellError): CellResult => ({
      outputs,
      error,
      elapsedMs: performance.now() - started,
    });
    const restoreConsole = captureConsole(realm.console, outputs);
    let compiled: CompiledCell | CompileError | undefined;
    try {
      compiled = (await load()).compileCell(source, { cellName });
      if (compiled.kind === 'syntax') return finish(compiled);
      const completion = realm.evaluate(compiled.js, cellName);
      if (compiled.isAsync) await completion;
      return finish();
    } catch (thrown) {
      const changedLines = compiled?.kind === 'compiled' ? compiled.changedLines : undefined;
      return finish(runtimeError(thrown, cellName, changedLines));
    } finally {
      restoreConsole();
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(cellName, source) {
      const result = queue.then(() => runNow(cellName, source));
      queue = result;
      return result;
    },
    load: async () => {
      await load();
    },
  };
}

/** Sends the console's output to `outputs` until the returned function restores it. */
function captureConsole(target: Console, outputs: OutputLine[]): () => void {
  const write = (stream: OutputLine['stream']) => (...args: unknown[]) => {
    outputs.push({ stream, text: formatArgs(args) });
  };
  const capture = {
    log: write('log'),
    debug: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    dir: (value: unknown) => {
      outputs.push({ stream: 'log', text: formatValue(value) });
    },
    table: (data: unknown, columns?: string[]) => {
      outputs.push({ stream: 'log', text: formatTable(data, columns) });
    },
  };
  const names = Object.keys(capture) as (keyof typeof capture)[];
  const saved = Object.fromEntries(names.map((name) => [name, target[name]]));
  Object.assign(target, capture);
  return () => Object.assign(target, saved);
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
  const file = cellName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`(?:^|[\\s(@])${file}:(\\d+):(\\d+)`, 'm').exec(String(stack));
  const line = frame ? Number(frame[1]) : undefined;
  const column = frame && !changedLines.has(Number(frame[1])) ? Number(frame[2]) : undefined;
  return { kind: 'runtime', name: String(name), message: String(message), line, column };
}
