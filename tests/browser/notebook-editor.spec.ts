// The cell editor: CodeMirror, swapped in for the highlighted block without moving the page, and
// the keys a Jupyter reader expects.
import { expect, test, type Page } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';
import { openLesson, replaceCode, runOutput } from '../support/notebook-page.ts';

const focusedCell = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('param-cell')].findIndex((cell) => cell.contains(document.activeElement)));

for (const width of [1280, 390]) {
  test(`swapping in the editors moves nothing on a page ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const lesson = lessonPages().find((page) => page.cells.length > 5)!;
    const cells = await openLesson(page, lesson.url);
    const boxes = () =>
      cells.evaluateAll((all) =>
        all.map((cell) => {
          const { top, height } = cell.getBoundingClientRect();
          return { top: top + scrollY, height };
        }),
      );
    const before = await boxes();
    await cells.first().dispatchEvent('pointerover');
    // Editors come as their cells near the viewport: scroll through the page.
    const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < bottom; y += 600) {
      await page.evaluate((y) => scrollTo(0, y), y);
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    await expect(page.locator('.cm-editor')).toHaveCount(lesson.cells.length);
    const after = await boxes();
    for (const [i, { top, height }] of before.entries()) {
      expect(Math.abs(after[i].top - top), `top of cell ${i + 1}`).toBeLessThanOrEqual(1);
      expect(Math.abs(after[i].height - height), `height of cell ${i + 1}`).toBeLessThanOrEqual(1);
    }
  });
}

test('the editor highlights TypeScript, numbers lines, matches brackets and undoes', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'const n: number = (32);');
  await expect(cell.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^1$/ })).toBeVisible();
  const colour = (text: string) =>
    cell.locator('.cm-line span', { hasText: text }).first().evaluate((span) => getComputedStyle(span).color);
  expect(await colour('const')).not.toBe(await colour('32'));
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(cell.locator('.cm-matchingBracket')).toHaveCount(2);
  await page.keyboard.type(' + 1');
  await expect(cell.locator('.cm-content')).toHaveText('const n: number = (32 + 1);');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cell.locator('.cm-content')).toHaveText('const n: number = (32);');
});

test('Shift+Enter runs the cell and moves to the next one', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'console.log(6 * 7);');
  await page.keyboard.press('Shift+Enter');
  await expect(runOutput(cells.first())).toHaveText('42');
  await expect(cells.first().locator('.cm-content')).toHaveText('console.log(6 * 7);');
  expect(await focusedCell(page)).toBe(1);
  await expect(cells.nth(1).locator('.cm-content')).toBeFocused();
});

test('Ctrl+Enter runs the cell in place', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.nth(1), 'console.log(30 + 2);');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(runOutput(cells.nth(1))).toHaveText('32');
  await expect(cells.nth(1).locator('.cm-content')).toHaveText('console.log(30 + 2);');
  expect(await focusedCell(page)).toBe(1);
});

test('Tab indents, and Escape then Tab leaves the editor', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'if (true) {\n}');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Tab');
  await expect(cell.locator('.cm-line').first()).toHaveText('  if (true) {');
  await expect(cell.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(cell.locator('.cm-content')).not.toBeFocused();
  await expect(cell.locator('.cm-line').first()).toHaveText('  if (true) {');
});

test("Copy puts the cell's code, as edited, on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'console.log(32);');
  await cell.locator('[data-action="copy"]').click();
  await expect(cell.locator('[data-part="status"]')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('console.log(32);');
});
