// What a published site owes its readers and the sites that link to it: every page says what it
// is (title, description, Open Graph card), is in the sitemap, and a missing address gets a helpful
// 404 page. (page-load.spec.ts loads every page with JavaScript on.)
import { expect, test } from '@playwright/test';
import { attribute, builtHtml, textOf } from '../support/built-html.ts';
import { type BuiltPage, builtPages, contentPages, LANGUAGES, LOCALES } from '../support/built-site.ts';

interface Head {
  lang: string | null;
  title: string | null;
  description: string | null;
  canonical: string | null;
  og: Record<'title' | 'description' | 'type' | 'url' | 'image' | 'image:alt', string | null>;
  favicon: string | null;
}

// Read from the built HTML, which is the DOM a browser has with JavaScript off.
function readHead(built: BuiltPage): Head {
  const html = builtHtml(built.file);
  const content = (selector: string) => attribute(html.first(selector), 'content');
  const title = html.first('title');
  const og = (property: keyof Head['og']) => content(`meta[property="og:${property}"]`);
  return {
    lang: attribute(html.first('html'), 'lang'),
    // document.title: the first <title>'s text, its white space collapsed.
    title: title ? textOf(title) : null,
    description: content('meta[name="description"]'),
    canonical: attribute(html.first('link[rel="canonical"]'), 'href'),
    og: {
      title: og('title'),
      description: og('description'),
      type: og('type'),
      url: og('url'),
      image: og('image'),
      'image:alt': og('image:alt'),
    },
    favicon: attribute(html.first('link[rel~="icon"]'), 'href'),
  };
}

for (const built of builtPages()) {
  test(`/${built.url} has its title and description, Open Graph tags and a favicon, in its language`, () => {
    const head = readHead(built);
    expect(head.lang, 'lang').toBe(LANGUAGES[built.locale].lang);
    expect(head.title, 'title').toBeTruthy();
    expect(head.description?.trim(), 'description').toBeTruthy();
    expect(head.favicon, 'favicon').toBeTruthy();
    // The Open Graph card: what a link to the page shows when it is shared.
    expect(head.og.title, 'og:title').toBeTruthy();
    expect(head.og.description, 'og:description').toBe(head.description);
    expect(head.og.type, 'og:type').toBeTruthy();
    expect(head.og.url, 'og:url').toBe(head.canonical);
    expect(head.og.image, 'og:image').toMatch(/^https?:\/\/.+\.png$/);
    expect(head.og['image:alt'], 'og:image:alt').toBeTruthy();
  });
}

// A search result or a shared link tells the pages of a language apart by these two lines.
for (const locale of LOCALES) {
  test(`no two ${LANGUAGES[locale].label} pages share a title or a description`, () => {
    const heads = builtPages()
      .filter((built) => built.locale === locale)
      .map((built) => ({ url: built.url, ...readHead(built) }));
    expect(heads.length).toBeGreaterThan(1);
    for (const field of ['title', 'description'] as const) {
      const pagesOf = Map.groupBy(heads, (head) => head[field]);
      const shared = [...pagesOf]
        .filter(([, pages]) => pages.length > 1)
        .map(([text, pages]) => `${text}: ${pages.map((p) => `/${p.url}`).join(', ')}`);
      expect(shared, field).toEqual([]);
      expect(pagesOf.has(null), `a page without a ${field}`).toBe(false);
    }
  });
}

test('the sitemap lists every page in both languages, each with its translation', async ({ request, baseURL }) => {
  // The sitemap holds published URLs; read them against the local copy of the site.
  const index = await (await request.get('sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc);
  expect(sitemaps.length).toBeGreaterThan(0);
  const publicBase = sitemaps[0].slice(0, sitemaps[0].lastIndexOf('/') + 1);
  const local = (loc: string) => loc.replace(publicBase, '');
  const entries: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await request.get(baseURL + local(sitemap));
    expect(response.ok(), sitemap).toBe(true);
    entries.push(...(await response.text()).split('<url>').slice(1));
  }
  const listed = entries.map((entry) => local(entry.match(/<loc>([^<]+)<\/loc>/)![1])).sort();
  expect(listed).toEqual(contentPages().map((page) => page.url).sort());
  for (const entry of entries) {
    const alternates = [...entry.matchAll(/hreflang="([^"]+)"/g)].map(([, lang]) => lang).sort();
    expect(alternates).toEqual(LOCALES.map((locale) => LANGUAGES[locale].lang).sort());
  }
});

test('a missing address answers 404 with a page that leads to every lesson, in English and Chinese', async ({
  page,
  baseURL,
}) => {
  const response = await page.goto('lessons/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  const main = page.locator('main');
  const links = await main.locator('a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const lessons = contentPages().filter((built) => built.locale === 'root' && built.url.startsWith('lessons/'));
  expect(lessons.length).toBeGreaterThan(0);
  for (const lesson of lessons) expect(links).toContain(baseURL + lesson.url);
  const chinese = main.locator('[lang="zh-CN"]');
  await expect(chinese.getByRole('heading')).toHaveText('找不到页面');
  // The links work from any depth: GitHub Pages serves this page at whatever address was missing.
  await chinese.getByRole('link', { name: '返回中文首页' }).click();
  await expect(page).toHaveURL(`${baseURL}zh-cn/`);
});
