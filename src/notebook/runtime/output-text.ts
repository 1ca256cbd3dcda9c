// How a cell's result reads, line by line: the same at build time (Cell.astro renders the build's
// run) and in the page (Cell/param-cell.ts renders the reader's runs). Always text, never HTML.
import { fill } from '../../i18n/fill-template.ts';
import type { CellError, KernelRun, OutputLine, StopReason } from './cell-protocol.ts';

/** The texts of notices; `{{name}}` marks where a value goes. */
export interface OutputLabels {
  noOutput: string;
  /** `line {{line}}` */
  atLine: string;
  /** `line {{line}}, column {{column}}` */
  atLineColumn: string;
  truncated: string;
  /** `Uncaught {{error}}` */
  uncaught: string;
  /** `Uncaught (in promise) {{error}}` */
  uncaughtInPromise: string;
  stopped: Record<StopReason, string>;
}

/** A line to show: something the cell printed, or a notice about its output. */
export interface ShownLine {
  stream: OutputLine['stream'] | 'notice';
  text: string;
}

export type ShownResult = Pick<KernelRun, 'outputs' | 'error' | 'truncated' | 'stopped'>;

export function resultLines(result: ShownResult, labels: OutputLabels): ShownLine[] {
  const lines: ShownLine[] = [...result.outputs];
  if (result.truncated) lines.push({ stream: 'notice', text: labels.truncated });
  if (result.error) lines.push({ stream: 'error', text: describeError(result.error, labels) });
  if (result.stopped) lines.push({ stream: 'error', text: labels.stopped[result.stopped] });
  if (lines.length === 0) lines.push({ stream: 'notice', text: labels.noOutput });
  return lines;
}

/** What a cell's timer or promise threw after the cell ended. */
export function uncaughtLine(error: CellError, inPromise: boolean, labels: OutputLabels): ShownLine {
  const template = inPromise ? labels.uncaughtInPromise : labels.uncaught;
  return { stream: 'error', text: fill(template, { error: describeError(error, labels) }) };
}

/** `TypeError: x is null (line 3, column 7)`: the place is in the cell's own TypeScript. */
function describeError({ name, message, line, column }: CellError, labels: OutputLabels): string {
  if (line === undefined) return `${name}: ${message}`;
  const where = column === undefined ? labels.atLine : labels.atLineColumn;
  return `${name}: ${message} (${fill(where, { line, column })})`;
}
