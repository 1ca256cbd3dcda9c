// A page's kernel: a module worker whose global scope is the scope that all cells of the page
// share. The library is bundled in; the compiler (sucrase, most of the download) loads on first
// use, or on a warm-up message.
import * as lib from 'lib';
import type { KernelRequest, KernelResponse } from './kernel-messages.ts';
import { createCellRunner } from './run-cell.ts';

// Called indirectly, eval runs code at the global scope, as a classic script.
const globalEval = eval;

const runner = createCellRunner(
  { global: globalThis, console, evaluate: (js) => globalEval(js) },
  async () => ({ compileCell: (await import('./compile-cell.ts')).compileCell, modules: { lib } }),
);

addEventListener('message', async (event: MessageEvent<KernelRequest>) => {
  const request = event.data;
  if (request.type === 'warm-up') {
    runner.load().catch(() => {}); // the next run reports the failure, and tries again
    return;
  }
  const result = await runner.run(request.cellName, request.source);
  postMessage({ type: 'result', id: request.id, result } satisfies KernelResponse);
});

// What a cell's timers and promises throw later is printed, not fatal: to the page, an error
// event from the worker means the kernel itself is broken.
addEventListener('error', (event) => {
  event.preventDefault();
  console.error(event.error ?? event.message);
});
addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  console.error(event.reason);
});
