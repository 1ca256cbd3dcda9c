// Starts the page's kernel worker (kernel.worker.ts, the kernel itself). The notebook's loader
// (../ui/notebook-loader.ts) starts the first one once the page is idle or on the reader's first
// intent, whichever comes first, or hands over the one the page started on a click while it was
// still parsing: the worker is up by the time the first Run reaches the kernel client, which then
// adopts it.

let early: { worker: Worker; failed: boolean } | undefined;

function startWorker(): Worker {
  return new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the first kernel worker now (or takes `worker`, started already), for the kernel client to adopt. */
export function startKernelWorkerEarly(worker?: Worker): void {
  if (early) return;
  const started = { worker: worker ?? startWorker(), failed: false };
  // Before the client listens, a failure (offline, say) is only noted: the client starts its own.
  started.worker.addEventListener('error', () => (started.failed = true), { once: true });
  early = started;
}

/** The worker started early, once, if it is still sound; otherwise a new one. */
export function takeKernelWorker(): Worker {
  const started = early;
  early = undefined;
  if (started && !started.failed) return started.worker;
  started?.worker.terminate();
  return startWorker();
}
