// <param-cell>: makes a build-time rendered cell runnable and editable.
// User code never runs here: it goes to the page's kernel worker (kernel-client).
import { getPageKernel } from './kernel-client.ts';
import type { CellError, CellResult } from './run-cell.ts';
import { loadEdit, saveEdit } from './saved-edits.ts';

interface Labels {
  running: string;
  edited: string;
  noOutput: string;
  line: string;
  column: string;
  editCell: string;
}

const SAVE_DELAY_MS = 300;

class ParamCell extends HTMLElement {
  #original = '';
  #labels!: Labels;
  #editor: HTMLTextAreaElement | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.#original = this.dataset.source ?? '';
    this.#labels = JSON.parse(this.dataset.labels ?? '{}');
    this.#part('.cell-toolbar').hidden = false;
    this.#part('.cell-run').addEventListener('click', () => this.run());
    this.#part('.cell-edit').addEventListener('click', () => this.#startEditing());
    this.#part('.cell-code').addEventListener('click', (event) => {
      // Expressive Code's own Copy button keeps working; any other click starts editing.
      if (!(event.target as Element).closest('button')) this.#startEditing();
    });
    // Starting the kernel when the reader reaches for a cell makes the first Run answer quickly.
    const warm = () => getPageKernel().warmUp();
    this.addEventListener('pointerenter', warm, { once: true });
    this.addEventListener('focusin', warm, { once: true });

    const saved = loadEdit(location.pathname, this.#index);
    if (saved !== null && saved !== this.#original) {
      this.#openEditor().value = saved;
      this.#fitEditor();
      this.#showEdited(true);
    }
  }

  /** The code that Run executes: the reader's edit when there is one. */
  get source(): string {
    return this.#editor?.value ?? this.#original;
  }

  get #index(): string {
    return this.dataset.index ?? '0';
  }

  async run(): Promise<void> {
    const button = this.#part<HTMLButtonElement>('.cell-run');
    button.disabled = true;
    this.#part('.cell-status').textContent = this.#labels.running;
    try {
      const cellName = `cell-${Number(this.#index) + 1}.ts`;
      this.#showResult(await getPageKernel().run(cellName, this.source));
    } finally {
      button.disabled = false;
    }
  }

  #showResult(result: CellResult) {
    const pre = this.#part('.cell-output pre');
    pre.replaceChildren();
    for (const { stream, text } of result.outputs) pre.append(this.#line(stream, text));
    if (result.error) pre.append(this.#line('error', this.#describeError(result.error)));
    if (pre.childElementCount === 0) {
      pre.append(this.#line('empty', this.#labels.noOutput));
    }
    this.#part('.cell-output').hidden = false;
    this.#part('.cell-status').textContent = `${result.elapsedMs.toFixed(0)} ms`;
  }

  #line(stream: string, text: string): HTMLElement {
    const span = document.createElement('span');
    span.dataset.stream = stream;
    if (stream === 'empty') span.className = 'cell-empty';
    span.textContent = `${text}\n`; // text, never HTML
    return span;
  }

  #describeError(error: CellError): string {
    const { line, column } = this.#labels;
    const where = [
      error.line !== undefined ? `${line} ${error.line}` : '',
      error.column !== undefined ? `${column} ${error.column}` : '',
    ].filter(Boolean);
    return `${error.name}: ${error.message}${where.length ? ` (${where.join(', ')})` : ''}`;
  }

  #startEditing() {
    const editor = this.#openEditor();
    // Focus with the caret at the top, where the reader was looking, not scrolled to the end.
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(0, 0);
    editor.scrollLeft = 0;
  }

  #openEditor(): HTMLTextAreaElement {
    if (this.#editor) return this.#editor;
    const editor = document.createElement('textarea');
    editor.className = 'cell-editor';
    editor.value = this.#original;
    editor.spellcheck = false;
    editor.setAttribute('autocapitalize', 'off');
    editor.setAttribute('autocomplete', 'off');
    editor.setAttribute('aria-label', this.#labels.editCell);
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      }
    });
    editor.addEventListener('input', () => {
      this.#fitEditor();
      this.#scheduleSave();
    });
    const code = this.#part('.cell-code');
    code.hidden = true;
    code.after(editor);
    this.#part('.cell-edit').hidden = true;
    this.#editor = editor;
    this.#fitEditor();
    return editor;
  }

  #fitEditor() {
    if (this.#editor) this.#editor.rows = this.#editor.value.split('\n').length;
  }

  #scheduleSave() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      saveEdit(location.pathname, this.#index, this.source, this.#original);
      this.#showEdited(this.source !== this.#original);
    }, SAVE_DELAY_MS);
  }

  #showEdited(edited: boolean) {
    this.toggleAttribute('data-edited', edited);
    if (edited) this.#part('.cell-status').textContent = this.#labels.edited;
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
}

customElements.define('param-cell', ParamCell);
