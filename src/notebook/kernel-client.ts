// The page's side of its kernel: sends cells to the kernel worker, in order, and hands back their
// results. Stopping a cell means terminating the worker: GitHub Pages cannot send the COOP/COEP
// headers that an interrupt through SharedArrayBuffer would need.
import type { KernelRequest, KernelResponse } from './kernel-messages.ts';
import type { CellResult } from './run-cell.ts';

interface PendingRun {
  resolve(result: CellResult): void;
  startedAt: number;
}

export class KernelClient {
  #worker: Worker | undefined;
  #pending = new Map<number, PendingRun>();
  #nextId = 1;

  /** Runs a cell after the cells already sent; resolves with what it printed, or its error. */
  run(cellName: string, source: string): Promise<CellResult> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, startedAt: performance.now() });
      this.#send({ type: 'run', id, cellName, source });
    });
  }

  /** Ends the kernel; the next run starts a fresh one, with an empty scope. */
  restart(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#endPending('Interrupted', 'the kernel was restarted; run the cells above again');
  }

  /** Stops the running cell. A worker can only be stopped by ending it, so the kernel restarts. */
  interrupt(): void {
    this.restart();
  }

  /** Starts the kernel, and its compiler, ahead of the first run. */
  warmUp(): void {
    this.#send({ type: 'warm-up' });
  }

  #send(request: KernelRequest) {
    this.#worker ??= this.#startWorker();
    this.#worker.postMessage(request);
  }

  #startWorker(): Worker {
    const worker = new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', ({ data }: MessageEvent<KernelResponse>) => {
      this.#pending.get(data.id)?.resolve(data.result);
      this.#pending.delete(data.id);
    });
    // The worker could not load (offline, say): end its runs; the next run starts a new one.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
      this.#endPending('KernelError', event.message || 'the kernel could not start');
    });
    return worker;
  }

  #endPending(name: string, message: string) {
    for (const { resolve, startedAt } of this.#pending.values()) {
      const elapsedMs = performance.now() - startedAt;
      resolve({ outputs: [], error: { kind: 'runtime', name, message }, elapsedMs });
    }
    this.#pending.clear();
  }
}

let pageKernel: KernelClient | undefined;

/** The kernel of this page, shared by all its cells. */
export function getPageKernel(): KernelClient {
  return (pageKernel ??= new KernelClient());
}
