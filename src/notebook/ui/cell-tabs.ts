// <cell-tabs>: the TypeScript | PyTorch tabs of a cell (WAI-ARIA tabs: arrow keys, Home and End
// move between the tabs and select them). Choosing a tab chooses it for every cell of the page
// and is remembered for the next pages; the page keeps the chosen tab where it was on screen.
import { type CellLanguage, isCellLanguage, shownLanguage, showLanguage } from './cell-language.ts';
import { TWIN_EVENT } from './page-events.ts';

class CellTabs extends HTMLElement {
  #tabs: HTMLElement[] = [];

  connectedCallback() {
    this.#tabs = [...this.querySelectorAll<HTMLElement>('[data-action="select"]')];
    for (const tab of this.#tabs) {
      tab.addEventListener('click', () => choose(tab));
      tab.addEventListener('keydown', (event) => this.#onKey(event, tab));
    }
    this.reflect(shownLanguage());
  }

  /** Marks the tab of `language` as the selected one, the one Tab reaches. */
  reflect(language: CellLanguage) {
    for (const tab of this.#tabs) {
      const selected = tab.dataset.language === language;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
  }

  #onKey(event: KeyboardEvent, tab: HTMLElement) {
    const last = this.#tabs.length - 1;
    const at = this.#tabs.indexOf(tab);
    const next = { ArrowLeft: at === 0 ? last : at - 1, ArrowRight: at === last ? 0 : at + 1, Home: 0, End: last }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    this.#tabs[next].focus();
    choose(this.#tabs[next]);
  }
}

function choose(tab: HTMLElement) {
  const language = tab.dataset.language;
  if (!isCellLanguage(language) || language === shownLanguage()) return;
  // Every cell above changes height too: scroll so the tab stays under the pointer.
  const top = tab.getBoundingClientRect().top;
  showLanguage(language);
  // The restore script of CellTabs.astro puts the twins, kept as text until now, into the page.
  for (const twin of document.querySelectorAll('cell-tabs noscript[data-part="twin"]')) {
    dispatchEvent(new CustomEvent(TWIN_EVENT, { detail: twin }));
  }
  for (const tabs of document.querySelectorAll<CellTabs>('cell-tabs')) tabs.reflect(language);
  window.scrollBy({ top: tab.getBoundingClientRect().top - top, behavior: 'instant' });
}

customElements.define('cell-tabs', CellTabs);
