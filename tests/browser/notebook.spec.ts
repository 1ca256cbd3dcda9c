// How a reader works with a cell: run, edit, errors, reloads, and reading with JavaScript off.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';

const lesson = lessonPages().find((page) => page.url === 'lessons/01-what-are-parameters/')!;

async function firstCell(page: Page): Promise<Locator> {
  await page.goto(lesson.url);
  return page.locator('param-cell').first();
}

async function replaceCode(cell: Locator, code: string) {
  await cell.locator('.cell-edit').click();
  await cell.locator('textarea').fill(code);
}

test('an edited cell runs the new code', async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(
    cell,
    'import { SimpleNN, countParameters } from "lib";\nconsole.log(countParameters(new SimpleNN(3, 6, 2)));',
  );
  await cell.locator('.cell-run').click();
  await expect(cell.locator('.cell-output pre')).toHaveText('38');
});

test('Shift+Enter in the editor runs the cell', async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(cell, 'console.log(6 * 7);');
  await cell.locator('textarea').press('Shift+Enter');
  await expect(cell.locator('.cell-output pre')).toHaveText('42');
});

test('a cell that throws shows the error and its line in the cell', async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(cell, 'const a: number = 1;\nconst b = a + 1;\nnull!.boom();\n');
  await cell.locator('.cell-run').click();
  await expect(cell.locator('[data-stream="error"]')).toContainText('TypeError');
  await expect(cell.locator('[data-stream="error"]')).toContainText('line 3');
});

test('a syntax error says where it is, and the next cell still runs', async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(cell, 'const ok = 1;\nconst = 2;\n');
  await cell.locator('.cell-run').click();
  await expect(cell.locator('[data-stream="error"]')).toContainText('line 2');
  const next = page.locator('param-cell').nth(1);
  await replaceCode(next, 'console.log("still fine");');
  await next.locator('.cell-run').click();
  await expect(next.locator('.cell-output pre')).toHaveText('still fine');
});

test('output is shown as text, never as HTML', async ({ page }) => {
  const cell = await firstCell(page);
  const xss = '<img src=x onerror="document.title=1">';
  await replaceCode(cell, `console.log(${JSON.stringify(xss)});`);
  await cell.locator('.cell-run').click();
  await expect(cell.locator('.cell-output pre')).toHaveText(xss);
  await expect(cell.locator('.cell-output img')).toHaveCount(0);
});

test("a reader's edit survives a reload", async ({ page }) => {
  const cell = await firstCell(page);
  await replaceCode(cell, 'console.log("kept");');
  await expect(cell).toHaveAttribute('data-edited', '');
  await page.reload();
  const reloaded = page.locator('param-cell').first();
  await expect(reloaded.locator('textarea')).toHaveValue('console.log("kept");');
  await reloaded.locator('.cell-run').click();
  await expect(reloaded.locator('.cell-output pre')).toHaveText('kept');
});

test('the transpiler is not downloaded until a cell runs', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const cell = await firstCell(page);
  await page.waitForLoadState('networkidle');
  const beforeRun = scripts.length;
  expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).not.toContainEqual(
    expect.stringMatching(/sucrase|kernel/i),
  );
  await cell.locator('.cell-run').click();
  await expect(cell.locator('.cell-output pre')).toHaveText(/\S/);
  expect(scripts.length).toBeGreaterThan(beforeRun);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every cell shows its code, highlighted', async ({ page }) => {
    await page.goto(lesson.url);
    const cells = page.locator('param-cell');
    await expect(cells).toHaveCount(lesson.cells.length);
    for (let i = 0; i < lesson.cells.length; i++) {
      const code = cells.nth(i).locator('.cell-code pre');
      await expect(code).toBeVisible();
      const firstLine = lesson.cells[i].split('\n').find((line) => line.trim() !== '')!;
      await expect(code).toContainText(firstLine.trim());
      // Highlighted: Expressive Code colours tokens with inline styles on spans.
      expect(await code.locator('span[style]').count()).toBeGreaterThan(0);
    }
    await expect(page.locator('.cell-toolbar')).toHaveCount(lesson.cells.length);
    await expect(page.locator('.cell-toolbar').first()).toBeHidden();
  });
});
