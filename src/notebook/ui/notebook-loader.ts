// The only notebook code a page runs up front. It takes over the kernel worker that the toolbar
// started as the page parsed (NotebookToolbar.astro), and the clicks that came before it ran. Once
// the page has loaded and is idle, it fetches the notebook's module (small), so that the reader's
// first Run does not wait for it. It defines the notebook (kernel client, editor, controls) when
// the reader first reaches for a cell or the toolbar (pointer over it, focus in it, a touch), or
// at once when the reader has edits of this page to restore. Until then the cells show their
// build-time highlighted code and output, as they do without JavaScript.
import { startKernelWorkerEarly } from '../runtime/start-kernel-worker.ts';
import { EARLY_CLICKS_EVENT, type EarlyClicks } from './page-events.ts';
import { hasSavedEdits } from './saved-edits.ts';

const NOTEBOOK = 'param-cell, notebook-toolbar';
const INTENT = ['pointerover', 'pointerdown', 'focusin'] as const;

let fetching: Promise<typeof import('./notebook-elements.ts')> | undefined;
/** Fetches the notebook's module, showing nothing yet. */
function fetchNotebook() {
  fetching ??= import('./notebook-elements.ts').catch((error: unknown) => {
    fetching = undefined; // offline, say: the next attempt fetches it again
    throw error;
  });
  return fetching;
}

let loading: Promise<void> | undefined;
function load(): Promise<void> {
  if (loading) return loading;
  for (const type of INTENT) document.removeEventListener(type, onIntent, true);
  startKernelWorkerEarly(); // the worker loads alongside the notebook, not after it
  return (loading = fetchNotebook().then(({ defineNotebook }) => {
    defineNotebook();
    document.removeEventListener('click', holdClick, true);
  }));
}

function onIntent(event: Event) {
  if ((event.target as Element).closest?.(NOTEBOOK)) void load();
}

/** Plays a click again once the notebook is there. */
function replay(target: EventTarget, init: MouseEventInit = { bubbles: true, cancelable: true }) {
  void load().then(() => target.dispatchEvent(new MouseEvent('click', init)));
}

// A click that comes before the notebook is there is held, and played again once it is.
function holdClick(event: MouseEvent) {
  if (!(event.target as Element).closest?.(NOTEBOOK)) return;
  event.stopPropagation();
  replay(event.target!, event);
}

/** Runs `task` once the page has loaded and the browser is idle. */
function afterLoadWhenIdle(task: () => void) {
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task) : setTimeout(task));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

if (document.querySelector(NOTEBOOK)) {
  // The clicks that came while the page was parsing, and the worker it started (NotebookToolbar.astro).
  const takeOver: EarlyClicks = (clicks, kernelWorker) => {
    if (kernelWorker) startKernelWorkerEarly(kernelWorker);
    for (const target of clicks) replay(target);
  };
  dispatchEvent(new CustomEvent(EARLY_CLICKS_EVENT, { detail: takeOver }));
  if (hasSavedEdits(location.pathname)) void load();
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('click', holdClick, true);
  afterLoadWhenIdle(() => void fetchNotebook().catch(() => {})); // a failure shows when the reader runs a cell
}
