// Messages between the lab (overfit-lab.ts) and its training worker (train.worker.ts).
import type { Losses, SweepPoint } from './experiment.ts';
import type { LabSettings } from './settings.ts';

export type LabRequest = { type: 'train' | 'sweep'; settings: LabSettings };

export type LabProgress =
  /** Losses of the epochs since the last message, and the current fitted curve. */
  | { type: 'epochs'; losses: Losses[]; curve: number[] }
  | { type: 'sweep-point'; point: SweepPoint }
  /** The work is finished; `elapsedMs` is the time the worker spent on it. */
  | { type: 'done'; elapsedMs: number };
