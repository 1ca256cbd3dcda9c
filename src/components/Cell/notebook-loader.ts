// The only notebook code a page loads up front. The notebook itself (kernel client, editor,
// controls) loads when the reader first reaches for a cell or the toolbar (pointer over it, focus
// in it, a touch), or at once when the reader has edits of this page to restore. Until then the
// cells show their build-time highlighted code and output, as they do without JavaScript.
import { startKernelWorkerEarly } from '../../notebook/kernel-worker.ts';
import { hasSavedEdits } from '../../notebook/saved-edits.ts';

declare global {
  interface Window {
    /** The clicks on the notebook before this module ran (NotebookToolbar.astro holds them). */
    paramNotebookEarlyClicks?: () => EventTarget[];
  }
}

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
  for (const target of window.paramNotebookEarlyClicks?.() ?? []) replay(target);
}
