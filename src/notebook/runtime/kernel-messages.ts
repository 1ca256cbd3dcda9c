// Messages between a page (kernel-client.ts) and its kernel worker (kernel.worker.ts).
import type { CellCode, CellError, CellResult, OutputLine } from './cell-protocol.ts';

/**
 * Run a cell; or load ahead what runs will need: the compiler only once the reader edits, since
 * the lesson's own code comes compiled by the build.
 */
export type KernelRequest =
  | { type: 'run'; id: number; cellName: string; code: CellCode }
  | { type: 'warm-up'; compiler: boolean };

/**
 * What the kernel says about run `id`: it started (the kernel's `count`th run), a line it printed,
 * that its output reached the bound, its result; and later, what its timers and promises printed
 * or threw after the run ended.
 */
export type KernelResponse =
  | { type: 'started'; id: number; count: number }
  | { type: 'output'; id: number; line: OutputLine }
  | { type: 'truncated'; id: number }
  | { type: 'result'; id: number; result: CellResult }
  | { type: 'uncaught'; id: number; error: CellError; inPromise: boolean };
