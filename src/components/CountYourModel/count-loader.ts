// The only code of the "Count your model" tool a page loads up front: the tool itself loads when
// the reader first reaches for it (pointer, focus, a file dragged over it), or at once when the
// address holds a shared calculation. Until then the page shows the tables built with it.
import { STATE_PREFIX } from '../../count/count-state.ts';

const TOOL = 'count-your-model';
const INTENT = ['pointerover', 'pointerdown', 'focusin', 'dragenter'] as const;

let loading: Promise<unknown> | undefined;
function load() {
  if (loading) return loading;
  for (const type of INTENT) document.removeEventListener(type, onIntent, true);
  return (loading = import('./count-your-model.ts'));
}

function onIntent(event: Event) {
  if ((event.target as Element).closest?.(TOOL)) void load();
}

// Files dropped on the tool go into its file input, loaded or not, so the browser never opens them
// in place of the page.
function onDrag(event: DragEvent) {
  const zone = (event.target as Element).closest?.(`${TOOL} [data-part="drop"]`);
  if (!zone || !event.dataTransfer) return;
  event.preventDefault();
  if (event.type !== 'drop' || event.dataTransfer.files.length === 0) return;
  const input = zone.querySelector<HTMLInputElement>('input[type="file"]')!;
  input.files = event.dataTransfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

if (document.querySelector(TOOL)) {
  if (location.hash.startsWith(STATE_PREFIX)) void load();
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('dragover', onDrag);
  document.addEventListener('drop', onDrag);
}
