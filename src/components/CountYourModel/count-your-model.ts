// <count-your-model>: reads the headers of the reader's checkpoint files in the browser (nothing
// is uploaded), writes their tables, and copies them as Markdown or as a link.
import type { CheckpointError } from '../../checkpoint/checkpoint-error.ts';
import { readFiles } from '../../checkpoint/read-files.ts';
import { fill } from '../../i18n/fill-template.ts';
import { type CheckpointFiles, checkpointSections, errorText } from './checkpoint-report.ts';
import type { CountText } from './ui-strings.ts';
import { type NumberFormats, numberFormats } from './number-format.ts';
import { type ReportSection, sectionHtml, sectionMarkdown } from './report-table.ts';

class CountYourModel extends HTMLElement {
  #text!: CountText;
  #format!: NumberFormats;
  #files: CheckpointFiles = { headers: [] };
  #checkpoint: ReportSection[] = [];

  connectedCallback() {
    this.#text = JSON.parse(this.dataset.labels ?? '{}');
    this.#format = numberFormats(document.documentElement.lang || 'en');
    const input = this.#part<HTMLInputElement>('files');
    input.addEventListener('change', () => void this.#read([...(input.files ?? [])]));
    this.#action('copy-markdown').addEventListener('click', () => void this.#copy(this.#markdown(), this.#text.copiedMarkdown));
    this.#action('copy-link').addEventListener('click', () => void this.#copy(location.href, this.#text.copiedLink));
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) button.disabled = false;
    // Files chosen before this code arrived.
    if (input.files?.length) void this.#read([...input.files]);
    this.dataset.ready = '';
  }

  async #read(files: File[]) {
    if (files.length === 0) return;
    const names = files.map((file) => file.name).join(', ');
    this.#status(fill(this.#text.reading, { files: names }));
    const started = performance.now();
    const read = await readFiles(files);
    const milliseconds = performance.now() - started;
    // A choice of which nothing could be read leaves the previous checkpoint on screen.
    if (read.headers.length > 0) this.#files = { headers: read.headers, index: read.index };
    else if (read.index) this.#files = { ...this.#files, index: read.index };
    this.#showErrors(read.errors);
    this.#status(fill(this.#text.read, { files: this.#format.count(files.length - read.errors.length), ms: this.#format.count(Math.ceil(milliseconds)) }));
    this.#renderCheckpoint();
  }

  #renderCheckpoint() {
    this.#checkpoint = checkpointSections(this.#files, null, this.#text, this.#format);
    this.#part('checkpoint').innerHTML = this.#checkpoint.map(sectionHtml).join('');
  }

  #showErrors(errors: readonly CheckpointError[]) {
    const list = this.#part('errors');
    list.replaceChildren(
      ...errors.map((error) => {
        const item = document.createElement('li');
        item.textContent = errorText(error, this.#text);
        return item;
      }),
    );
    list.hidden = errors.length === 0;
  }

  #markdown(): string {
    return this.#checkpoint.map(sectionMarkdown).join('\n\n');
  }

  async #copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.#status(done);
    } catch {
      this.#status(this.#text.copyFailed);
    }
  }

  #status(message: string) {
    this.#part('status').textContent = message;
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-part="${name}"]`)!;
  }

  #action(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  }
}

customElements.define('count-your-model', CountYourModel);
