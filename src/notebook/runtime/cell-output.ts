// What a cell prints: the console's methods captured as lines of text, bounded so that a cell
// printing a million lines costs the page a thousand. Past the bound, calls are dropped before
// their arguments are even formatted, so the loop that prints stays fast too.
import type { OutputLine } from './cell-protocol.ts';
import { formatArgs, formatTable, formatValue } from './format-value.ts';

export const MAX_OUTPUT_LINES = 1000;
export const MAX_OUTPUT_CHARS = 100_000;

/** Hears a run's output as it is printed. */
export interface OutputListener {
  output?(line: OutputLine): void;
  /** The bound was reached: nothing more of this run will be shown. */
  truncated?(): void;
}

/** One run's output, up to MAX_OUTPUT_LINES lines and MAX_OUTPUT_CHARS characters. */
export class BoundedOutput {
  readonly lines: OutputLine[] = [];
  truncated = false;
  #linesLeft = MAX_OUTPUT_LINES;
  #charsLeft = MAX_OUTPUT_CHARS;
  #listener: OutputListener;

  constructor(listener: OutputListener = {}) {
    this.#listener = listener;
  }

  write(stream: OutputLine['stream'], format: () => string): void {
    if (this.truncated) return;
    if (this.#linesLeft === 0 || this.#charsLeft === 0) {
      this.#truncate();
      return;
    }
    const text = format();
    const end = this.#fit(text);
    const line = { stream, text: text.slice(0, end) };
    this.lines.push(line);
    this.#listener.output?.(line);
    if (end < text.length) this.#truncate();
  }

  #truncate() {
    this.truncated = true;
    this.#listener.truncated?.();
  }

  /** How much of `text` fits in what is left, and takes that much from it. */
  #fit(text: string): number {
    let end = Math.min(text.length, this.#charsLeft);
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
      if (lines === this.#linesLeft) {
        end = i;
        break;
      }
      lines++;
    }
    this.#linesLeft -= lines;
    this.#charsLeft -= end;
    return end;
  }
}

/** Sends the console's printing methods to `target()` until the returned function restores them. */
export function captureConsole(console: Console, target: () => BoundedOutput | undefined): () => void {
  const write = (stream: OutputLine['stream'], format: () => string) => target()?.write(stream, format);
  const print = (stream: OutputLine['stream']) => (...args: unknown[]) => write(stream, () => formatArgs(args));
  const capture = {
    log: print('log'),
    debug: print('log'),
    info: print('info'),
    warn: print('warn'),
    error: print('error'),
    dir: (value: unknown) => write('log', () => formatValue(value)),
    table: (data: unknown, columns?: string[]) => write('log', () => formatTable(data, columns)),
  };
  const names = Object.keys(capture) as (keyof typeof capture)[];
  const saved = Object.fromEntries(names.map((name) => [name, console[name]]));
  Object.assign(console, capture);
  return () => Object.assign(console, saved);
}
