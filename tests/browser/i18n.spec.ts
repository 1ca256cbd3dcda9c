// The two editions side by side: a language switcher on every page, Starlight's notice on a
// page that is not translated yet, and a search index per language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { attribute, builtHtml, selectValue, textOf } from '../support/built-html.ts';
import { BASE_PATH, builtPages, DIST, LANGUAGES, LOCALES, localeOf, type Locale } from '../support/built-site.ts';
import { lessonPages } from '../support/lessons.ts';

/** The same page in another locale, as a URL relative to the base path. */
function counterpart(url: string, from: Locale, to: Locale): string {
  const path = from === 'root' ? url : url.slice(`${from}/`.length);
  return to === 'root' ? path : `${to}/${path}`;
}

// Starlight's zh-CN text for i18n.untranslatedContent.
const UNTRANSLATED_NOTICE = '此内容尚不支持你的语言。';

// The switcher and the notice are in the HTML itself, read from the build as a browser with
// JavaScript off reads it (built-html.ts).
for (const built of builtPages()) {
  test(`/${built.url} has a language switcher that leads to the same page in each language`, () => {
    // The 404 page stands for any address; Starlight gives it the address 404/.
    const url = built.url === '404.html' ? '404/' : built.url;
    const html = builtHtml(built.file);
    const select = html.first('starlight-lang-select select');
    if (!select) throw new Error(`/${built.url} has no language switcher`);
    const options = html.all('option', select);
    expect(options.map(textOf), 'labels').toEqual(LOCALES.map((locale) => LANGUAGES[locale].label));
    const targets = LOCALES.map((locale) => `${BASE_PATH}${counterpart(url, built.locale, locale)}`);
    expect(options.map((option) => attribute(option, 'value')), 'targets').toEqual(targets);
    expect(selectValue(select), 'selected').toBe(targets[LOCALES.indexOf(built.locale)]);
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
  test(`/${built.url} ${says} untranslated-content notice`, () => {
    const main = builtHtml(built.file).first('main');
    if (!main) throw new Error(`/${built.url} has no <main>`);
    const notices = textOf(main).split(UNTRANSLATED_NOTICE).length - 1;
    expect(notices, 'untranslated-content notices').toBe(isTranslated ? 0 : 1);
  });
}

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

// Named Chinese fonts give Chinese text a face chosen for it, and spare Chromium a fallback search
// that tripled the layout time of a long lesson (src/styles/chinese-fonts.css).
test('简体中文 pages name Chinese fonts for prose and code, before the generic family', async ({ page }) => {
  await page.goto('zh-cn/lessons/01-what-are-parameters/');
  const stacks = await page.evaluate(() =>
    ['p', 'param-cell .ec-line'].map((selector) => getComputedStyle(document.querySelector(selector)!).fontFamily),
  );
  for (const stack of stacks) {
    const families = stack.split(',').map((family) => family.trim().replace(/"/g, ''));
    const chinese = families.indexOf('Noto Sans CJK SC');
    expect(chinese, stack).toBeGreaterThan(-1);
    expect(chinese, stack).toBeLessThan(families.findIndex((family) => /^(sans-serif|monospace)$/.test(family)));
  }
});
