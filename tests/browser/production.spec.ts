// What a published site owes its readers and the sites that link to it: every page loads cleanly,
// says what it is (title, description, Open Graph card), is in the sitemap, and a missing address
// gets a helpful 404 page.
import { expect, test, type Page } from '@playwright/test';
import { builtPages, contentPages, LANGUAGES, LOCALES } from '../support/built-site.ts';

for (const built of builtPages()) {
  test(`/${built.url} loads without console errors or failed requests`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    // networkidle also waits for what the page loads once the browser is idle.
    await page.goto(built.url, { waitUntil: 'networkidle' });
    expect(problems).toEqual([]);
  });
}

interface Head {
  lang: string;
  title: string;
  description: string | null;
  canonical: string | null;
  og: Record<string, string>;
  favicon: string | null;
}

async function readHead(page: Page, url: string): Promise<Head> {
  await page.goto(url);
  return page.evaluate(() => {
    const content = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;
    return {
      lang: document.documentElement.lang,
      title: document.title,
      description: content('meta[name="description"]'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      og: Object.fromEntries(
        [...document.querySelectorAll('meta[property^="og:"]')].map((meta) => [
          meta.getAttribute('property')!.slice('og:'.length),
          meta.getAttribute('content')!,
        ]),
      ),
      favicon: document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null,
    };
  });
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES) {
    const { lang, label } = LANGUAGES[locale];
    test(`every ${label} page has its own title and description, Open Graph tags and a favicon`, async ({ page }) => {
      const heads = new Map<string, Head>();
      for (const built of builtPages().filter((p) => p.locale === locale)) heads.set(built.url, await readHead(page, built.url));
      expect(heads.size).toBeGreaterThan(1);
      for (const [url, head] of heads) {
        const where = `/${url}`;
        expect(head.lang, where).toBe(lang);
        expect(head.title.trim(), where).not.toBe('');
        expect(head.description?.trim(), where).toBeTruthy();
        expect(head.favicon, where).toBeTruthy();
        // The Open Graph card: what a link to the page shows when it is shared.
        expect(head.og.title, where).toBeTruthy();
        expect(head.og.description, where).toBe(head.description);
        expect(head.og.type, where).toBeTruthy();
        expect(head.og.url, where).toBe(head.canonical);
        expect(head.og.image, where).toMatch(/^https?:\/\/.+\.png$/);
        expect(head.og['image:alt'], where).toBeTruthy();
      }
      const titles = [...heads.values()].map((head) => head.title);
      const descriptions = [...heads.values()].map((head) => head.description);
      expect(new Set(titles).size, `titles: ${titles.join(' / ')}`).toBe(heads.size);
      expect(new Set(descriptions).size, 'descriptions').toBe(heads.size);
    });
  }
});

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
