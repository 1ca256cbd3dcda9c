// The site as a whole: lessons in order, the diagram built at build time, and every link
// and asset resolving under the GitHub Pages base path.
import { expect, test } from '@playwright/test';

const BASE_PATH = process.env.BASE_PATH ?? '/param-notebook/';

const LESSON_TITLES = [
  /what parameters are/i,
  /counting by hand/i,
  /counting with built-ins/i,
  /where overfitting comes from/i,
];

test('the sidebar lists the four lessons in order', async ({ page }) => {
  await page.goto('lessons/01-what-are-parameters/');
  const texts = await page.locator('.sidebar-content a').allTextContents();
  const lessonIndices = LESSON_TITLES.map((title) => texts.findIndex((text) => title.test(text)));
  expect(lessonIndices.every((index) => index >= 0)).toBe(true);
  expect([...lessonIndices].sort((a, b) => a - b)).toEqual(lessonIndices);
});

test('the parameter diagram is an inline SVG and no mermaid script is loaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('lessons/01-what-are-parameters/');
  const diagram = page.locator('.sl-markdown-content svg[id^="mermaid"]').first();
  await expect(diagram).toBeVisible();
  // Drawn correctly: the two Linear layers own the weights and biases; the input owns none.
  const node = (label: RegExp) => diagram.locator('g.node').filter({ hasText: label });
  await expect(node(/input/)).toContainText(/(^|\D)0 parameters/);
  await expect(node(/Linear\(3, 5\)/)).toContainText(/5\s*×\s*3 = 15/);
  await expect(node(/Linear\(3, 5\)/)).toContainText(/20 parameters/);
  await expect(node(/Linear\(5, 2\)/)).toContainText(/2\s*×\s*5 = 10/);
  await expect(node(/Linear\(5, 2\)/)).toContainText(/12 parameters/);
  expect(scripts.filter((url) => /mermaid/i.test(url))).toEqual([]);
  expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
});

test('every internal link and asset resolves under the base path', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const toVisit = [baseURL!];
  const seen = new Set<string>();
  const broken: string[] = [];
  while (toVisit.length > 0) {
    const url = toVisit.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await request.get(url);
    if (!response.ok()) {
      broken.push(`${url} → ${response.status()}`);
      continue;
    }
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    await page.goto(url);
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map(
        (el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
      ),
    );
    for (const ref of refs) {
      const target = new URL(ref, url);
      if (target.origin !== origin) continue;
      target.hash = '';
      target.search = '';
      if (!target.pathname.startsWith(BASE_PATH)) broken.push(`${url} links outside the base path: ${ref}`);
      else toVisit.push(target.href);
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(5);
});
