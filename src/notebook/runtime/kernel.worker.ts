// A page's kernel: a module worker whose global scope is the scope that all cells of the page
// share. The library loads in two parts (library-parts.ts): its core as the worker starts, the rest
// when a cell first needs it. The compiler (sucrase, most of the download) loads only for code the
// build did not compile (a reader's edit), or on a warm-up message that asks for it.
import type { KernelRequest, KernelResponse } from './kernel-messages.ts';
import { libraryParts } from './library-parts.ts';
import { createCellRunner } from './run-cell.ts';

const library = libraryParts(
  () => import('lib/core'),
  () => import('lib'),
);
library.preload().catch(() => {}); // a failure shows on the first run, which tries again

// Called indirectly, eval runs code at the global scope, as a classic script.
// biome-ignore lint/security/noGlobalEval: running the reader's code is what the kernel is for.
const globalEval = eval;

const runner = createCellRunner(
  { global: globalThis, console, evaluate: (js) => globalEval(js) },
  { loadModules: async (imports) => ({ lib: await library.libraryFor(imports) }), loadCompiler: async () => (await import('./compile-cell.ts')).compileCell },
  { captureBetweenRuns: true },
);

const post = (response: KernelResponse) => postMessage(response);
let count = 0;
// The latest run of each cell, which hears what the cell's timers and promises do later.
const runOf = new Map<string, number>();

addEventListener('message', async (event: MessageEvent<KernelRequest>) => {
  const request = event.data;
  if (request.type === 'warm-up') {
    runner.load({ compiler: request.compiler }).catch(() => {}); // the next run reports the failure, and tries again
    return;
  }
  const { id, cellName, code } = request;
  const result = await runner.run(cellName, code, {
    started: () => {
      runOf.set(cellName, id);
      post({ type: 'started', id, count: ++count });
    },
    output: (line) => post({ type: 'output', id, line }),
    truncated: () => post({ type: 'truncated', id }),
  });
  post({ type: 'result', id, result });
});

// What a cell's timers and promises throw later goes to that cell: to the page, an error event
// from the worker would mean that the kernel itself is broken.
function reportUncaught(event: Event, thrown: unknown, inPromise: boolean) {
  event.preventDefault();
  const found = runner.uncaught(thrown);
  const id = found && runOf.get(found.cellName);
  if (found && id !== undefined) post({ type: 'uncaught', id, error: found.error, inPromise });
}
addEventListener('error', (event) => reportUncaught(event, event.error ?? event.message, false));
addEventListener('unhandledrejection', (event) => reportUncaught(event, event.reason, true));
