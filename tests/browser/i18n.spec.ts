// The two editions side by side: a language switcher on every page, Starlight's notice on a
// page that is not translated yet, and a search index per language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, DIST, LANGUAGES, LOCALES, localeOf, type Locale } from '../support/built-site.ts';
import { lessonPages } from '../support/lessons.ts';

/** The same page in another locale, as a URL relative to the base path. */
function counterpart(url: string, from: Locale, to: Locale): string {
  const path = from === 'root' ? url : url.slice(`${from}/`.length);
  return to === 'root' ? path : `${to}/${path}`;
}

// Starlight's zh-CN text for i18n.untranslatedContent.
const UNTRANSLATED_NOTICE = '此内容尚不支持你的语言。';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const built of builtPages()) {
    test(`/${built.url} has a language switcher that leads to the same page in each language`, async ({ page, baseURL }) => {
      const base = new URL(baseURL!).pathname;
      // The 404 page stands for any address; Starlight gives it the address 404/.
      const url = built.url === '404.html' ? '404/' : built.url;
      await page.goto(built.url);
      const select = page.locator('starlight-lang-select select').first();
      const options = select.locator('option');
      await expect(options).toHaveText(LOCALES.map((locale) => LANGUAGES[locale].label));
      const targets = LOCALES.map((locale) => `${base}${counterpart(url, built.locale, locale)}`);
      expect(await options.evaluateAll((all) => all.map((o) => o.getAttribute('value')))).toEqual(targets);
      await expect(select).toHaveValue(targets[LOCALES.indexOf(built.locale)]);
    });
  }

  const translated = new Set(lessonPages().map((lesson) => lesson.url));
  const chinese = builtPages().filter((built) => built.locale === 'zh-cn' && built.url.endsWith('/'));
  test('the 简体中文 edition has pages of its own', () => {
    expect(chinese.length).toBeGreaterThan(1);
  });
  for (const built of chinese) {
    const isTranslated = translated.has(built.url);
    const says = isTranslated ? 'is translated and shows no' : 'is not translated yet and shows the';
    test(`/${built.url} ${says} untranslated-content notice`, async ({ page }) => {
      await page.goto(built.url);
      await expect(page.locator('main').getByText(UNTRANSLATED_NOTICE)).toHaveCount(isTranslated ? 0 : 1);
    });
  }
});

test('the search index has an English and a 简体中文 part', () => {
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  for (const locale of LOCALES) {
    const language = LANGUAGES[locale].lang.toLowerCase();
    expect(entry.languages[language]?.page_count, language).toBeGreaterThan(0);
  }
});

async function search(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(url);
  await page.locator('site-search button[data-action="open"]').click();
  await page.locator('dialog .pagefind-ui__search-input').fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  return results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('English search finds the overfitting lesson by an English word, among English pages only', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  const found = await search(page, '', 'overfitting');
  expect(found).toContain(`${base}lessons/04-where-overfitting-comes-from/`);
  expect(found.every((path) => localeOf(path.slice(base.length)) === 'root')).toBe(true);
});

test('search on a 简体中文 page finds 简体中文 pages only', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  // Every lesson, in every language, prints 32.
  const found = await search(page, 'zh-cn/', '32');
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((path) => localeOf(path.slice(base.length)) === 'zh-cn')).toBe(true);
});
