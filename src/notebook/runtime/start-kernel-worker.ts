// Starts the page's kernel worker (kernel.worker.ts, the kernel itself). The page's toolbar starts
// the first one as the page parses (NotebookToolbar.astro) and the notebook's loader
// (../ui/notebook-loader.ts) hands it over here; if it failed, the loader starts one on the
// reader's first intent. The kernel client adopts it on its first run, and starts a fresh one on
// each restart.

let early: { worker: Worker; failed: boolean } | undefined;

function startWorker(): Worker {
  return new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module' });
}

// Once the kernel client has its worker, a later early start would only leave a worker unused.
let taken = false;

/** Starts the first kernel worker now (or takes `worker`, started already), for the kernel client to adopt. */
export function startKernelWorkerEarly(worker?: Worker): void {
  if (early || taken) return;
  const started = { worker: worker ?? startWorker(), failed: false };
  // Before the client listens, a failure (offline, say) is only noted: the client starts its own.
  started.worker.addEventListener('error', () => (started.failed = true), { once: true });
  early = started;
}

/** The worker started early, once, if it is still sound; otherwise a new one. */
export function takeKernelWorker(): Worker {
  taken = true;
  const started = early;
  early = undefined;
  if (started && !started.failed) return started.worker;
  started?.worker.terminate();
  return startWorker();
}
