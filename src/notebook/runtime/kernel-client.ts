// The page's side of its kernel: sends cells to the kernel worker, in order, and hands back what
// they print as they print it, their results, and what their timers and promises do later.
// Stopping a cell means terminating the worker: GitHub Pages cannot send the COOP/COEP headers
// that an interrupt through SharedArrayBuffer would need. So an interrupt, or a cell that runs
// past the time limit, restarts the kernel; user code never runs on the page's thread, so the
// page stays responsive whatever a cell does.
import type { CellCode, CellError, KernelRun, OutputLine, StopReason } from './cell-protocol.ts';
import type { KernelRequest, KernelResponse } from './kernel-messages.ts';
import { takeKernelWorker } from './start-kernel-worker.ts';

export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** Hears one run of a cell, and later what its timers and promises print or throw. */
export interface KernelRunListener {
  started?(count: number): void;
  output?(line: OutputLine): void;
  uncaught?(error: CellError, inPromise: boolean): void;
}

interface Run {
  cellName: string;
  listener: KernelRunListener;
  resolve(run: KernelRun): void;
  sentAt: number;
  startedAt?: number;
  count?: number;
  outputs: OutputLine[];
  truncated?: boolean;
  settled?: boolean;
  timeLimit?: ReturnType<typeof setTimeout>;
}

/** Dispatches `change` when it becomes busy or idle. */
export class KernelClient extends EventTarget {
  /** How long a cell may run before the kernel stops it. */
  timeLimitMs = DEFAULT_TIME_LIMIT_MS;
  #worker: Worker | undefined;
  #runs = new Map<number, Run>();
  #nextId = 1;
  /** Set once a cell is edited: a fresh kernel then loads the compiler ahead of runs too. */
  #compilerWanted = false;

  /** True while a cell runs or waits for its turn. */
  get busy(): boolean {
    return [...this.#runs.values()].some((run) => !run.settled);
  }

  /** Runs a cell after the cells already sent; resolves when it ends or is stopped. */
  run(cellName: string, code: CellCode, listener: KernelRunListener = {}): Promise<KernelRun> {
    // Only a cell's latest run hears what its timers do later.
    for (const [id, run] of this.#runs) {
      if (run.settled && run.cellName === cellName) this.#runs.delete(id);
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#runs.set(id, { cellName, listener, resolve, sentAt: performance.now(), outputs: [] });
      this.#send({ type: 'run', id, cellName, code });
      this.dispatchEvent(new Event('change'));
    });
  }

  /** Ends the kernel and starts a fresh one, with an empty scope. */
  restart(): void {
    this.#restart('restarted');
  }

  /** Stops the running cell, if any. A worker can only be stopped by ending it: the kernel restarts. */
  interrupt(): void {
    if (this.busy) this.#restart('interrupted');
  }

  /** Starts the kernel ahead of the first run; with `compiler`, loads the compiler too (a reader edits). */
  warmUp({ compiler = false } = {}): void {
    if (compiler && this.#compilerWanted) return;
    this.#compilerWanted ||= compiler;
    this.#send({ type: 'warm-up', compiler: this.#compilerWanted });
  }

  #send(request: KernelRequest) {
    this.#worker ??= this.#startWorker();
    this.#worker.postMessage(request);
  }

  #startWorker(): Worker {
    const worker = takeKernelWorker();
    worker.addEventListener('message', ({ data }: MessageEvent<KernelResponse>) => {
      const run = this.#runs.get(data.id);
      if (run) this.#hear(run, data);
    });
    // The worker could not load (offline, say): end its runs; the next run starts a new one.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (this.#worker === worker) this.#stop('kernel-failed');
    });
    return worker;
  }

  #hear(run: Run, message: KernelResponse) {
    switch (message.type) {
      case 'started':
        run.startedAt = performance.now();
        run.count = message.count;
        run.timeLimit = setTimeout(() => this.#restart('time-limit'), this.timeLimitMs);
        run.listener.started?.(message.count);
        break;
      case 'output':
        if (!run.settled) run.outputs.push(message.line);
        run.listener.output?.(message.line);
        break;
      case 'truncated':
        run.truncated = true;
        break;
      case 'uncaught':
        run.listener.uncaught?.(message.error, message.inPromise);
        break;
      case 'result':
        this.#settle(run, { ...message.result, count: run.count });
    }
  }

  #restart(reason: StopReason) {
    this.#stop(reason);
    this.#send({ type: 'warm-up', compiler: this.#compilerWanted });
  }

  /** Ends the worker: the running cell stops for `reason`; the cells waiting behind it never run. */
  #stop(reason: StopReason) {
    this.#worker?.terminate();
    this.#worker = undefined;
    const now = performance.now();
    for (const run of this.#runs.values()) {
      if (run.settled) continue;
      const started = run.startedAt !== undefined;
      this.#settle(run, {
        outputs: run.outputs,
        ...(run.truncated && { truncated: true }),
        elapsedMs: now - (run.startedAt ?? run.sentAt),
        count: run.count,
        stopped: started || reason === 'kernel-failed' ? reason : 'not-run',
      });
    }
    this.#runs.clear();
  }

  #settle(run: Run, result: KernelRun) {
    run.settled = true;
    clearTimeout(run.timeLimit);
    run.resolve(result);
    this.dispatchEvent(new Event('change'));
  }
}

let pageKernel: KernelClient | undefined;

/** The kernel of this page, shared by all its cells. */
export function getPageKernel(): KernelClient {
  return (pageKernel ??= new KernelClient());
}
