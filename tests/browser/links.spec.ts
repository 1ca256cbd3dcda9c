// Every internal link, asset and #anchor of the built site resolves under the base path, in
// every language, one page per test. Pages are read from the built HTML, as a browser with
// JavaScript off reads them (built-html.ts): these are the links the HTML itself gives. Assets are
// fetched from the local server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { attribute, builtHtml } from '../support/built-html.ts';
import { BASE_PATH, builtPages, DIST } from '../support/built-site.ts';

interface PageLinks {
  /** Absolute URLs of every link, asset, language-switcher target and Open Graph URL. */
  refs: string[];
  /** Targets that #fragments can point at. */
  ids: string[];
  /** Where the site is published, e.g. https://user.github.io/param-notebook/ (from the canonical link). */
  publicBase: string | null;
}

/** The links of the built page at `url` (a URL under the local base); null when there is none. */
function readLinks(url: string): PageLinks | null {
  const path = decodeURIComponent(new URL(url).pathname.slice(BASE_PATH.length));
  // Astro writes each page as <route>/index.html.
  const file = join(DIST, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) return null;
  const html = builtHtml(file);
  // Relative references resolve against the page's address, or its <base href> if it has one.
  const baseURI = new URL(attribute(html.first('base[href]'), 'href') ?? url, url).href;
  const absolute = (ref: string) => new URL(ref, baseURI).href;
  const attr = (selector: string, name: string) => html.all(selector).map((el) => absolute(attribute(el, name)!));
  const srcsets = html
    .all('[srcset]')
    .flatMap((el) => attribute(el, 'srcSet')!.split(',').map((candidate) => absolute(candidate.trim().split(/\s+/)[0])));
  const canonical = attribute(html.first('link[rel="canonical"]'), 'href');
  return {
    refs: [
      ...attr('a[href], link[href]', 'href'),
      ...attr('script[src], img[src], source[src], iframe[src], video[src], audio[src]', 'src'),
      ...attr('starlight-lang-select option[value]', 'value'),
      ...attr('meta[property="og:image"], meta[property="og:url"]', 'content'),
      ...srcsets,
    ],
    ids: html.all('[id], a[name]').map((el) => attribute(el, 'id') || attribute(el, 'name')!),
    publicBase: canonical ? new URL(BASE_PATH, absolute(canonical)).href : null,
  };
}

// Starlight gives its 404 page the address <base>404/; GitHub Pages answers that (and every other
// missing address) with 404.html, so a link there is a link to 404.html.
function servedPath(pathname: string): string {
  return pathname === `${BASE_PATH}404/` ? `${BASE_PATH}404.html` : pathname;
}

function isPage(path: string): boolean {
  return path === '' || path.endsWith('/') || path.endsWith('.html');
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

// What the pages and assets of the site say, read once per test worker: each test checks one page,
// and most of its links lead to the same few pages (the sidebar, the language switcher).
const readPages = new Map<string, PageLinks | null>();
const assetProblems = new Map<string, string | null>();

/** Checks the references of one page; every page and asset it leads to is read at most once per worker. */
class LinkChecker {
  constructor(
    private readonly request: APIRequestContext,
    private readonly localBase: string,
  ) {}

  /** What is broken among the page's references: one line per broken reference. */
  async problems(url: string): Promise<string[]> {
    const links = this.#links(url);
    if (!links) return [`${url} does not load`];
    const problems: string[] = [];
    for (const ref of new Set(links.refs)) {
      const problem = await this.#resolve(ref, links.publicBase);
      if (problem) problems.push(`${url} → ${ref}: ${problem}`);
    }
    return problems;
  }

  async #resolve(ref: string, publicBase: string | null): Promise<string | null> {
    // Published URLs (canonical, hreflang, og:image) are checked against the local copy.
    const target = new URL(
      publicBase && ref.startsWith(publicBase) ? this.localBase + ref.slice(publicBase.length) : ref,
    );
    if (target.origin !== new URL(this.localBase).origin) return null; // external: not checked offline
    if (!target.pathname.startsWith(BASE_PATH)) return 'outside the base path';
    const hash = decodeURIComponent(target.hash.slice(1));
    target.hash = '';
    target.search = '';
    target.pathname = servedPath(target.pathname);
    const path = target.pathname.slice(BASE_PATH.length);
    if (!isPage(path)) return this.#asset(target.href);
    const links = this.#links(target.href);
    if (!links) return 'no such page';
    if (hash && !links.ids.includes(hash)) return `no element with id "${hash}"`;
    return null;
  }

  #links(url: string): PageLinks | null {
    if (!readPages.has(url)) readPages.set(url, readLinks(url));
    return readPages.get(url)!;
  }

  /** Fetches an asset; for a stylesheet, also the files its url(...)s name. */
  async #asset(url: string): Promise<string | null> {
    if (!assetProblems.has(url)) assetProblems.set(url, await this.#fetchAsset(url));
    return assetProblems.get(url)!;
  }

  async #fetchAsset(url: string): Promise<string | null> {
    const response = await this.request.get(url);
    if (!response.ok()) return `HTTP ${response.status()}`;
    if (!(response.headers()['content-type'] ?? '').includes('text/css')) return null;
    for (const [, , ref] of (await response.text()).matchAll(CSS_URL)) {
      if (ref.startsWith('data:') || ref.startsWith('#')) continue;
      const problem = await this.#asset(new URL(ref, url).href);
      if (problem) return `${ref} in it: ${problem}`;
    }
    return null;
  }
}

for (const built of builtPages()) {
  test(`every internal link, asset and anchor of /${built.url} resolves under the base path`, async ({
    request,
    baseURL,
  }) => {
    const checker = new LinkChecker(request, baseURL!);
    expect(await checker.problems(baseURL + built.url)).toEqual([]);
  });
}
