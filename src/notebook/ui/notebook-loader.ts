// The only notebook code a page loads up front. The notebook itself (kernel client, editor,
// controls) loads when the reader first reaches for a cell or the toolbar (pointer over it, focus
// in it, a touch), or at once when the reader has edits of this page to restore. Until then the
// cells show their build-time highlighted code and output, as they do without JavaScript.
import { startKernelWorkerEarly } from '../runtime/start-kernel-worker.ts';
import { EARLY_CLICKS_EVENT } from './page-events.ts';
import { hasSavedEdits } from './saved-edits.ts';

const NOTEBOOK = 'param-cell, notebook-toolbar';
const INTENT = ['pointerover', 'pointerdown', 'focusin'] as const;

let loading: Promise<void> | undefined;
function load(): Promise<void> {
  if (loading) return loading;
  for (const type of INTENT) document.removeEventListener(type, onIntent, true);
  startKernelWorkerEarly(); // the worker loads alongside the notebook, not after it
  return (loading = import('./notebook-elements.ts').then(() => {
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

if (document.querySelector(NOTEBOOK)) {
  if (hasSavedEdits(location.pathname)) void load();
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('click', holdClick, true);
  // The clicks that came while the page was parsing (NotebookToolbar.astro held them).
  dispatchEvent(new CustomEvent(EARLY_CLICKS_EVENT, { detail: (target: EventTarget) => replay(target) }));
}
