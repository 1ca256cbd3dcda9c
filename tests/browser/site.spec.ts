// The site as a whole: lessons in order and the diagram built at build time.
// (links.spec.ts checks every link, asset and anchor of every page.)
import { expect, test } from '@playwright/test';

const LESSON_TITLES = [
  /what parameters are/i,
  /counting by hand/i,
  /counting with built-ins/i,
  /where overfitting comes from/i,
  /counting real networks/i,
  /counting a large language model/i,
];

test('the sidebar lists the six lessons in order', async ({ page }) => {
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
