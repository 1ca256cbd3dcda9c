// <notebook-toolbar>: the page's kernel controls, as in Jupyter: Run all (in order, stopping at
// the first cell that fails), Interrupt, Restart kernel, and Reset all edits. Its markup is
// NotebookToolbar.astro's: buttons are found by `data-action`, the status line by `data-part`.
import { DEFAULT_TIME_LIMIT_MS, getPageKernel } from '../runtime/kernel-client.ts';
import { pageCells } from './param-cell.ts';

interface ToolbarLabels {
  restarted: string;
  resetAllConfirm: string;
}

export class NotebookToolbar extends HTMLElement {
  /** `data-time-limit-ms`: how long a cell may run before the kernel stops it. */
  static observedAttributes = ['data-time-limit-ms'];
  #labels!: ToolbarLabels;
  /** Aborted when the element leaves the page: its listeners, on the kernel too, end with it. */
  #connection: AbortController | undefined;

  connectedCallback() {
    this.#connection = new AbortController();
    this.#labels = JSON.parse(this.dataset.labels ?? '{}');
    const kernel = getPageKernel();
    this.#on('run-all', () => void this.#runAll());
    this.#on('interrupt', () => kernel.interrupt());
    this.#on('restart', () => {
      kernel.restart();
      this.#status(this.#labels.restarted);
    });
    this.#on('reset-all', () => {
      const edited = pageCells().filter((cell) => cell.hasAttribute('data-edited'));
      if (edited.length > 0 && confirm(this.#labels.resetAllConfirm)) for (const cell of edited) cell.reset();
    });
    const showBusy = () => (this.#button('interrupt').disabled = !kernel.busy);
    kernel.addEventListener('change', showBusy, { signal: this.#connection.signal });
    showBusy();
  }

  disconnectedCallback() {
    this.#connection?.abort();
  }

  attributeChangedCallback() {
    getPageKernel().timeLimitMs = Number(this.dataset.timeLimitMs) || DEFAULT_TIME_LIMIT_MS;
  }

  async #runAll() {
    const button = this.#button('run-all');
    button.disabled = true;
    this.#status('');
    const queue = pageCells();
    for (const cell of queue) cell.markQueued(true);
    try {
      while (queue.length > 0) {
        const result = await queue.shift()!.run();
        if (result.error || result.stopped) break;
      }
    } finally {
      for (const cell of queue) cell.markQueued(false);
      button.disabled = false;
    }
  }

  #status(text: string) {
    this.querySelector('[data-part="status"]')!.textContent = text;
  }

  #on(action: string, listener: () => void) {
    this.#button(action).addEventListener('click', listener, { signal: this.#connection!.signal });
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector(`[data-action="${action}"]`)!;
  }
}
