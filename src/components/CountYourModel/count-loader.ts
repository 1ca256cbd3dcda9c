// The only code of the "Count your model" tool a page loads up front: the tool itself loads when
// the reader first reaches for it (pointer, focus, a file dragged over it), or at once when the
// address holds a shared calculation. Until then the page shows the tables built with it.
import { STATE_PREFIX } from '../../count/state-prefix.ts';

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
// in place of the page. A dropped folder goes in as its own files (not its subfolders', which
// hold other things: a repo's original/ weights, say).
function onDrag(event: DragEvent) {
  const zone = (event.target as Element).closest?.(`${TOOL} [data-part="drop"]`);
  if (!zone || !event.dataTransfer) return;
  event.preventDefault();
  if (event.type !== 'drop' || event.dataTransfer.files.length === 0) return;
  const input = zone.querySelector<HTMLInputElement>('[data-part="files"]')!;
  // Entries can be had only while the drop event lasts; their files can be read later.
  const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry) => entry != null);
  if (!entries.some((entry) => entry.isDirectory)) return choose(input, event.dataTransfer.files);
  void Promise.all(entries.map(filesOf)).then((lists) => {
    const transfer = new DataTransfer();
    for (const file of lists.flat()) transfer.items.add(file);
    choose(input, transfer.files);
  });
}

function choose(input: HTMLInputElement, files: FileList) {
  input.files = files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A dropped file, or the files directly inside a dropped folder. */
async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries hands a folder's entries over in batches, an empty one last.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch.filter((child) => child.isFile));
  }
  return (await Promise.all(children.map(filesOf))).flat();
}

if (document.querySelector(TOOL)) {
  if (location.hash.startsWith(STATE_PREFIX)) void load();
  for (const type of INTENT) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('dragover', onDrag);
  document.addEventListener('drop', onDrag);
}
