// <site-search>: opens and closes the search dialog (its button, Ctrl/⌘ K, Escape, a click
// outside or on a result) and loads Pagefind's UI the first time the dialog opens.

class SiteSearch extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #ui: Promise<unknown> | undefined;
  /** Ends the element's listeners on window when it leaves the page. */
  #windowListeners: AbortController | undefined;

  connectedCallback() {
    this.#dialog = this.querySelector('dialog')!;
    const open = this.#button('open');
    open.addEventListener('click', () => this.#open());
    open.disabled = false;
    this.#button('close').addEventListener('click', () => this.#dialog.close());
    // A click on the backdrop lands on the dialog itself; a click on a result leaves for its page.
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog || (event.target as Element).closest('a')) this.#dialog.close();
    });
    this.#dialog.addEventListener('close', () => document.body.removeAttribute('data-search-open'));
    this.#windowListeners = new AbortController();
    addEventListener(
      'keydown',
      (event) => {
        if (!(event.metaKey || event.ctrlKey) || event.key !== 'k') return;
        event.preventDefault();
        if (this.#dialog.open) this.#dialog.close();
        else this.#open();
      },
      { signal: this.#windowListeners.signal },
    );
  }

  disconnectedCallback() {
    this.#windowListeners?.abort();
  }

  async #open() {
    this.#dialog.showModal();
    document.body.setAttribute('data-search-open', '');
    await (this.#ui ??= this.#loadUi());
    this.querySelector('input')?.focus();
  }

  async #loadUi() {
    const { PagefindUI } = await import('@pagefind/default-ui');
    const base = import.meta.env.BASE_URL;
    return new PagefindUI({
      element: this.querySelector('[data-part="results"]'),
      baseUrl: base,
      bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
      showImages: false,
      showSubResults: true,
      translations: JSON.parse(this.dataset.translations ?? '{}'),
    });
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }
}

customElements.define('site-search', SiteSearch);
