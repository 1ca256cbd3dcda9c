// A built page as a browser with JavaScript off sees it: with scripts off, the DOM is the HTML of
// the build itself, so the checks of what that HTML says (the head, the links, the language
// switcher) read the files in Node instead of loading each page in Chromium.
// hast-util-from-html parses as a browser does with scripting off (a <noscript>'s content is
// elements, not text); hast-util-select queries the tree with CSS selectors.
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textContent } from 'hast-util-to-string';

type Tree = ReturnType<typeof fromHtml>;
export type Element = ReturnType<typeof selectAll>[number];

/** One parsed page, queried like a document. */
export class BuiltHtml {
  constructor(private readonly tree: Tree) {}

  /** The first element that matches a CSS selector, as querySelector finds it. */
  first(selector: string, within: Element | Tree = this.tree): Element | undefined {
    return select(selector, within);
  }

  /** Every element that matches a CSS selector, in document order. */
  all(selector: string, within: Element | Tree = this.tree): Element[] {
    return selectAll(selector, within);
  }
}

// Each page is parsed once per test worker: most pages are read by several tests (the head, the
// links, the switcher), and a page's links lead to the same few pages (the sidebar, the switcher).
const parsed = new Map<string, BuiltHtml>();

/** The page in a built HTML file. */
export function builtHtml(file: string): BuiltHtml {
  let html = parsed.get(file);
  if (!html) parsed.set(file, (html = new BuiltHtml(fromHtml(readFileSync(file, 'utf8')))));
  return html;
}

/**
 * An attribute's value, as getAttribute gives it, by hast's property name (`srcSet` for srcset).
 * Space-separated lists (`rel`, `class`) are joined back with spaces.
 */
export function attribute(element: Element | undefined, property: string): string | null {
  const value = element?.properties[property];
  if (value === undefined || value === null || value === false) return null;
  return Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
}

/** An element's text with its white space collapsed, as Playwright's toHaveText compares it. */
export function textOf(element: Element): string {
  return textContent(element).replace(/\s+/g, ' ').trim();
}

/** A <select>'s value before any script runs: its last option marked selected, else its first enabled one. */
export function selectValue(menu: Element): string | null {
  const options = selectAll('option', menu);
  const chosen = options.findLast((option) => option.properties.selected) ?? options.find((option) => !option.properties.disabled);
  return chosen ? (attribute(chosen, 'value') ?? textOf(chosen)) : null;
}
