// The parameter maps: built into the lessons without JavaScript, every box a keyboard stop in the
// table that outlines it, SimpleNN's 32 as 32 cells, axe clean in both themes, a 375 px screen, and
// Count your model redrawing the map in a box that keeps its size.
import { expect, type Page, test } from '@playwright/test';
import { violationsInBothThemes } from '../support/axe.ts';

const FRONTIER = 'lessons/07-counting-the-frontier/';
const deepseekMap = (page: Page) => page.locator('.param-map', { has: page.locator('caption', { hasText: 'DeepSeek-V3' }) });

test('lesson 7 draws DeepSeek-V3 without JavaScript, the experts a token skips dimmed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(FRONTIER);
  const map = deepseekMap(page);
  await expect(map.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  await expect(map.locator('rect.map-box[data-dim]').first()).toBeVisible();
  await expect(map.locator('table')).toContainText('8 of 256 experts a token uses');
  await expect(map).toContainText("DeepSeek's convention");
  await context.close();
});

test('a focused row of the table outlines its box', async ({ page }) => {
  await page.goto(FRONTIER);
  const map = deepseekMap(page);
  const row = map.locator('tr[tabindex="0"]', { hasText: '8 of 256 experts a token uses' });
  const index = await row.getAttribute('data-i');
  const box = map.locator(`rect[data-i="${index}"]`);
  await expect(box).not.toHaveCSS('stroke-width', '3px');
  await row.focus();
  await expect(row).toBeFocused();
  await expect(box).toHaveCSS('stroke-width', '3px');
  // The next box is one Tab away.
  await page.keyboard.press('Tab');
  await expect(row).not.toBeFocused();
  await expect(map.locator('tr[tabindex="0"]:focus')).toHaveCount(1);
});

test('lesson 1 shows SimpleNN’s 32 parameters as 32 cells, each named and reachable by keyboard', async ({ page }) => {
  await page.goto('lessons/01-what-are-parameters/');
  const cells = page.locator('.param-cells td');
  await expect(cells).toHaveCount(32);
  await expect(page.locator('.param-cells caption')).toHaveText(['hidden.weight [5, 3]: 15', 'hidden.bias [5]: 5', 'output.weight [2, 5]: 10', 'output.bias [2]: 2']);
  await cells.first().focus();
  await expect(cells.first()).toHaveAttribute('aria-label', 'hidden.weight[0, 0]');
  await page.keyboard.press('Tab');
  await expect(cells.nth(1)).toBeFocused();
  await expect(cells.nth(1)).toHaveAttribute('aria-label', 'hidden.weight[0, 1]');
});

test('the Chinese lesson 5 draws GPT-2 small with its words', async ({ page }) => {
  await page.goto('zh-cn/lessons/05-counting-real-networks/');
  await expect(page.locator('.param-map caption')).toHaveText('GPT-2 small 的参数，按部分、层和张量列出');
  await expect(page.locator('.param-map table')).toContainText('又名 lm_head.weight');
});

test("lesson 7's maps have no accessibility violations in the light and the dark theme", async ({ page }) => {
  await page.goto(FRONTIER);
  expect(await violationsInBothThemes(page, { include: ['.param-map'] })).toEqual([]);
});

test("lesson 1's 32 cells have no accessibility violations in the light and the dark theme", async ({ page }) => {
  await page.goto('lessons/01-what-are-parameters/');
  expect(await violationsInBothThemes(page, { include: ['.param-cells'] })).toEqual([]);
});

test('the map fits a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(FRONTIER);
  const svg = deepseekMap(page).locator('svg');
  const box = (await svg.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('Count your model redraws the map for Kimi K2 in a box of the same size', async ({ page }) => {
  test.slow(); // Kimi K2 is counted and drawn in the page
  await page.goto('count-your-model/');
  const tool = page.locator('count-your-model');
  await tool.locator('[data-part="drop"]').hover();
  await expect(tool).toHaveAttribute('data-ready', '');
  const map = tool.locator('[data-part="map"]');
  await expect(map.locator('caption')).toContainText('Llama-2-7B');
  const before = (await map.boundingBox())!;
  await tool.locator('[data-part="preset"]').selectOption('kimi-k2');
  await expect(map.locator('caption')).toContainText('Kimi K2');
  await expect(map.locator('table')).toContainText('8 of 384 experts a token uses');
  const after = (await map.boundingBox())!;
  // On failure, the message says which part of the figure grew.
  const sizes = await map.evaluate((el) => [...el.querySelectorAll('figure > *')].map((c) => `${c.tagName} ${c.getAttribute('class')}: ${c.getBoundingClientRect().height}`));
  expect(after.height, sizes.join('\n')).toBe(before.height);
});
