// Messages between a page (kernel-client.ts) and its kernel worker (kernel.worker.ts).
import type { CellResult } from './run-cell.ts';

export type KernelRequest =
  | { type: 'run'; id: number; cellName: string; source: string }
  | { type: 'warm-up' };

export interface KernelResponse {
  type: 'result';
  id: number;
  result: CellResult;
}
