// <param-cell>: a lesson's cell, brought to life. Runs its code on the page's kernel (user code
// never runs here), shows the execution count, the elapsed time and the output as it is printed,
// swaps the build-time highlighted code for an editor, and keeps the reader's edits. Its markup
// is Cell.astro's: pieces are found by `data-part`, buttons by `data-action`.
import { cellName, type CompiledCell, type KernelRun } from '../runtime/cell-protocol.ts';
import type { CellEditor } from './editor.ts';
import { getPageKernel } from '../runtime/kernel-client.ts';
import { type OutputLabels, resultLines, type ShownLine, uncaughtLine } from '../runtime/output-text.ts';
import { hashText, loadEdit, saveEdit } from './saved-edits.ts';

export interface CellLabels extends OutputLabels {
  editCell: string;
  copied: string;
  copyFailed: string;
  resetConfirm: string;
}

const SAVE_DELAY_MS = 300;

let editorModule: Promise<typeof import('./editor.ts')> | undefined;

// A cell gets its editor as it comes near the viewport: CodeMirror renders (and measures) only
// the lines near the viewport, so an editor made far away would first guess the height of its
// wrapped lines, and the page would move when it corrects the guess. Unless the reader asks for
// the editor, it waits while a cell runs (at most a while): the first run starts the kernel, and
// the editor's weight would slow down its answer.
const nearViewport = new IntersectionObserver(
  (entries) => {
    for (const { isIntersecting, target } of entries) {
      if (isIntersecting) (target as ParamCell).mountEditorWhenQuiet();
    }
  },
  { rootMargin: '200px 0px' },
);

const QUIET_WAIT_MS = 2000;

/**
 * Resolves when no cell runs, or after QUIET_WAIT_MS; never, once `signal` aborts. Either way it
 * leaves no listener on the kernel and no timer behind.
 */
function kernelQuiet(signal: AbortSignal): Promise<void> {
  const kernel = getPageKernel();
  return new Promise((resolve) => {
    const waiting = new AbortController();
    const stop = () => {
      clearTimeout(timer);
      waiting.abort();
    };
    const end = () => {
      stop();
      resolve();
    };
    const timer = setTimeout(end, QUIET_WAIT_MS);
    kernel.addEventListener('change', () => kernel.busy || end(), { signal: waiting.signal });
    signal.addEventListener('abort', stop, { signal: waiting.signal });
    if (!kernel.busy) end();
  });
}

export class ParamCell extends HTMLElement {
  #original = '';
  /** The build's compilation of the lesson's code: what Run executes while the code is unedited. */
  #compiled: CompiledCell | undefined;
  #code = '';
  #labels!: CellLabels;
  #editor: CellEditor | undefined;
  #mounting: Promise<void> | undefined;
  /** Where to put the caret once the editor is there: the reader clicked or moved on before it was. */
  #focusWhenMounted: { x: number; y: number } | null | undefined;
  #count: number | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Aborted when the element leaves the page: its listeners and waits end with it. */
  #connection: AbortController | undefined;

  connectedCallback() {
    this.#connection = new AbortController();
    this.#original = this.dataset.source ?? '';
    this.#compiled = this.dataset.compiled ? JSON.parse(this.dataset.compiled) : undefined;
    this.#labels = JSON.parse(this.dataset.labels ?? '{}');
    this.#code = this.#original;
    this.#on(this.#button('run'), () => void this.run());
    this.#on(this.#button('interrupt'), () => getPageKernel().interrupt());
    this.#on(this.#button('copy'), () => void this.#copy());
    this.#on(this.#button('reset'), () => {
      if (confirm(this.#labels.resetConfirm)) this.reset();
    });
    this.#on(this.#button('keep-edit'), () => this.#setCode(this.#code, { saveNow: true }));
    this.#on(this.#button('use-original'), () => this.reset());
    this.#on(this.#part('code'), (event) => {
      if (this.#editor) return;
      this.#focusWhenMounted = { x: event.clientX, y: event.clientY };
      void this.mountEditor();
    });

    const saved = loadEdit(location.pathname, this.#index);
    if (saved) {
      this.#code = saved.code;
      getPageKernel().warmUp({ compiler: true }); // the edit will need it
      this.#showEdited(saved.originalHash !== hashText(this.#original));
      void this.mountEditor(); // the highlighted block shows the lesson's code, not the edit
    } else {
      nearViewport.observe(this);
    }
  }

  disconnectedCallback() {
    nearViewport.unobserve(this);
    this.#connection?.abort();
  }

  /** The code that Run executes: the reader's edit when there is one. */
  get source(): string {
    return this.#editor?.code ?? this.#code;
  }

  /** Runs the cell on the page's kernel; resolves with how the run ended. */
  async run(): Promise<KernelRun> {
    this.#setRunning(true);
    const source = this.source;
    const compiled = source === this.#original ? this.#compiled : undefined;
    const result = await getPageKernel().run(cellName(this.#index), { source, compiled }, {
      started: () => this.#clearOutput(),
      output: (line) => this.#append(line),
      uncaught: (error, inPromise) => this.#append(uncaughtLine(error, inPromise, this.#labels)),
    });
    this.#count = result.count;
    this.#setRunning(false);
    this.#clearOutput();
    for (const line of resultLines(result, this.#labels)) this.#append(line);
    // A long output scrolls within its box; keyboard users can then scroll it too.
    const pre = this.#outputLines();
    if (pre.scrollHeight > pre.clientHeight) pre.tabIndex = 0;
    else pre.removeAttribute('tabindex');
    this.#part('status').textContent = formatElapsed(result.elapsedMs);
    return result;
  }

  /** Shows the cell as waiting for its turn (`[*]`), or no longer waiting. */
  markQueued(queued: boolean) {
    this.#part('count').textContent = queued ? '[*]' : `[${this.#count ?? ' '}]`;
  }

  /** Restores the lesson's code, forgetting the reader's edit. */
  reset() {
    this.#setCode(this.#original, { saveNow: true });
  }

  /** Puts the caret at the start of this cell's editor (as soon as there is one). */
  focusEditor() {
    if (this.#editor) this.#editor.focus();
    else {
      this.#focusWhenMounted = null;
      void this.mountEditor();
    }
    this.#part('toolbar').scrollIntoView({ block: 'nearest' });
  }

  /** Mounts the editor once no cell runs (or after a while): the first run should not wait for it. */
  mountEditorWhenQuiet() {
    nearViewport.unobserve(this);
    const { signal } = this.#connection!;
    void kernelQuiet(signal).then(() => this.mountEditor());
  }

  /** Replaces the highlighted block with the editor (once). */
  mountEditor(): Promise<void> {
    nearViewport.unobserve(this);
    return (this.#mounting ??= this.#mountEditor());
  }

  async #mountEditor() {
    const { createEditor } = await (editorModule ??= import('./editor.ts'));
    const host = document.createElement('div');
    host.dataset.part = 'editor';
    const staticCode = this.#part('code');
    // Hidden, not removed: the first highlighted block of a page carries the stylesheet of all.
    this.toggleAttribute('data-editor', true);
    staticCode.append(host);
    this.#editor = createEditor(host, {
      code: this.#code,
      label: this.#labels.editCell,
      onChange: (code) => this.#setCode(code),
      onRun: () => void this.run(),
      onRunAndAdvance: () => {
        void this.run();
        this.#nextCell()?.focusEditor();
      },
    });
    if (this.#focusWhenMounted !== undefined) {
      this.#editor.focus(this.#focusWhenMounted ?? undefined);
    }
  }

  #nextCell(): ParamCell | undefined {
    const cells = pageCells();
    return cells[cells.indexOf(this) + 1];
  }

  /** Takes `code` as the cell's code (from the editor, or to put into it) and keeps it. */
  #setCode(code: string, { saveNow = false } = {}) {
    this.#code = code;
    if (code !== this.#original) getPageKernel().warmUp({ compiler: true }); // by Run, it is there
    if (this.#editor && this.#editor.code !== code) this.#editor.setCode(code);
    clearTimeout(this.#saveTimer);
    const save = () => {
      saveEdit(location.pathname, this.#index, code, this.#original);
      this.#showEdited(false);
    };
    if (saveNow) save();
    else this.#saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  /** Marks the cell as edited (or not), and shows when the lesson's code has changed since. */
  #showEdited(originalChanged: boolean) {
    const edited = this.#code !== this.#original;
    this.toggleAttribute('data-edited', edited);
    this.#part('edited').hidden = !edited;
    this.#button('reset').hidden = !edited;
    this.#part('conflict').hidden = !(edited && originalChanged);
  }

  async #copy() {
    const status = this.#part('status');
    try {
      await navigator.clipboard.writeText(this.source);
      status.textContent = this.#labels.copied;
    } catch {
      status.textContent = this.#labels.copyFailed;
    }
  }

  #setRunning(running: boolean) {
    this.markQueued(running);
    this.#button('run').disabled = running;
    this.#button('interrupt').hidden = !running;
    if (running) this.#part('status').textContent = '';
  }

  /** Empties the output area, which then no longer shows the build's run. */
  #clearOutput() {
    const output = this.#part('output');
    output.hidden = false;
    delete output.dataset.origin;
    this.#outputLines().replaceChildren();
  }

  #append({ stream, text }: ShownLine) {
    const pre = this.#outputLines();
    // A lone notice says "(no output)", which a timer of the cell has just made untrue.
    pre.querySelector('[data-stream="notice"]:only-child')?.remove();
    const span = document.createElement('span');
    span.dataset.stream = stream;
    span.textContent = `${text}\n`; // text, never HTML
    pre.append(span);
  }

  get #index(): number {
    return Number(this.dataset.index ?? 0);
  }

  #on(target: HTMLElement, listener: (event: MouseEvent) => void) {
    target.addEventListener('click', listener, { signal: this.#connection!.signal });
  }

  #part(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  /** The lines of the output area. */
  #outputLines(): HTMLPreElement {
    return this.#part('output').querySelector('pre')!;
  }
}

/** The page's cells, in page order. */
export function pageCells(): ParamCell[] {
  return [...document.querySelectorAll<ParamCell>('param-cell')];
}

/** `12ms`, `3.4s`, in the page's language. */
function formatElapsed(ms: number): string {
  const seconds = ms >= 1000;
  return new Intl.NumberFormat(document.documentElement.lang || undefined, {
    style: 'unit',
    unit: seconds ? 'second' : 'millisecond',
    unitDisplay: 'narrow',
    maximumFractionDigits: seconds ? 1 : 0,
  }).format(seconds ? ms / 1000 : ms);
}
