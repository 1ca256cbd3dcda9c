// Starts the page's kernel worker. The notebook's loader starts the first one on the reader's
// first intent (a pointer over a cell), in parallel with loading the rest of the notebook, so the
// worker is up by the time the first Run reaches the kernel client, which then adopts it.

let early: { worker: Worker; failed: boolean } | undefined;

function startWorker(): Worker {
  return new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the first kernel worker now, for the kernel client to adopt. */
export function startKernelWorkerEarly(): void {
  if (early) return;
  const started = { worker: startWorker(), failed: false };
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
