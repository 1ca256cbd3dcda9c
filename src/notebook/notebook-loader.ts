// The only notebook code a page loads up front. The notebook itself (kernel client, editor,
// controls) loads when the reader first reaches for a cell or the toolbar (pointer over it, focus
// in it, a touch), or at once when the reader has edits of this page to restore. Until then the
// cells show their build-time highlighted code and output, as they do without JavaScript.
import { hasSavedEdits } from './saved-edits.ts';

const NOTEBOOK = 'param-cell, notebook-toolbar';
const INTENT = ['pointerover', 'pointerdown', 'focusin'] as const;

let loading: Promise<unknown> | undefined;
function load() {
  if (loading) return loading;
  for (const type of INTENT) document.removeEventListener(type, onIntent, true);
  return (loading = import('./notebook-runtime.ts'));
}

function onIntent(event: Event) {
  if ((event.target as Element).closest?.(NOTEBOOK)) void load();
}

// A click that comes before the notebook is there is played again once it is.
function onEarlyClick(event: MouseEvent) {
  const target = event.target as Element;
  if (!target.closest?.(NOTEBOOK)) return;
  if (customElements.get('param-cell')) {
    document.removeEventListener('click', onEarlyClick, true);
    return;
  }
  event.stopPropagation();
  void load().then(() => target.dispatchEvent(new MouseEvent('click', event)));
}

if (document.querySelector(NOTEBOOK)) {
  if (hasSavedEdits(location.pathname)) void load();
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('click', onEarlyClick, true);
}
