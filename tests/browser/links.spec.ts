// Every internal link, asset and #anchor of the built site resolves under the base path, in
// every language, one page per test. Pages are read with JavaScript off: these are the links the
// HTML itself gives.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_PATH, builtPages } from '../support/built-site.ts';

test.use({ javaScriptEnabled: false });

interface PageLinks {
  /** Absolute URLs of every link, asset, language-switcher target and Open Graph URL. */
  refs: string[];
  /** Targets that #fragments can point at. */
  ids: string[];
  /** Where the site is published, e.g. https://user.github.io/param-notebook/ (from the canonical link). */
  publicBase: string | null;
}

async function readLinks(page: Page, url: string): Promise<PageLinks | null> {
  const response = await page.goto(url);
  if (response?.status() !== 200) return null;
  return page.evaluate((basePath) => {
    const absolute = (ref: string) => new URL(ref, document.baseURI).href;
    const attr = (selector: string, name: string) =>
      [...document.querySelectorAll(selector)].map((el) => absolute(el.getAttribute(name)!));
    const srcsets = [...document.querySelectorAll('[srcset]')].flatMap((el) =>
      el.getAttribute('srcset')!.split(',').map((candidate) => absolute(candidate.trim().split(/\s+/)[0])),
    );
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    return {
      refs: [
        ...attr('a[href], link[href]', 'href'),
        ...attr('script[src], img[src], source[src], iframe[src], video[src], audio[src]', 'src'),
        ...attr('starlight-lang-select option[value]', 'value'),
        ...attr('meta[property="og:image"], meta[property="og:url"]', 'content'),
        ...srcsets,
      ],
      ids: [...document.querySelectorAll('[id], a[name]')].map((el) => el.id || el.getAttribute('name')!),
      publicBase: canonical ? new URL(basePath, canonical.href).href : null,
    };
  }, BASE_PATH);
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
    private readonly page: Page,
    private readonly request: APIRequestContext,
    private readonly localBase: string,
  ) {}

  /** What is broken among the page's references: one line per broken reference. */
  async problems(url: string): Promise<string[]> {
    const links = await this.#links(url);
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
    const links = await this.#links(target.href);
    if (!links) return 'no such page';
    if (hash && !links.ids.includes(hash)) return `no element with id "${hash}"`;
    return null;
  }

  async #links(url: string): Promise<PageLinks | null> {
    if (!readPages.has(url)) readPages.set(url, await readLinks(this.page, url));
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
    page,
    request,
    baseURL,
  }) => {
    const checker = new LinkChecker(page, request, baseURL!);
    expect(await checker.problems(baseURL + built.url)).toEqual([]);
  });
}
