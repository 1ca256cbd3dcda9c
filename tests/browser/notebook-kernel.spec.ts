// The page's kernel, as a Jupyter reader drives it: execution counts, Run all, Restart,
// Interrupt, the time limit, bounded output and errors that come late. The page never freezes:
// user code never runs on its thread.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openLesson, replaceCode, runOnce, runOutput } from '../support/notebook-page.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

const toolbar = (page: Page, action: string) => page.locator(`notebook-toolbar [data-action="${action}"]`);

/** Shows that the page answers: a click on another cell's Run is handled and the cell runs. */
async function stillResponds(page: Page, cell: Locator) {
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await expect(await runOnce(cell)).toHaveText(PRINTS_32);
}

test('a run shows [*] while it runs, then its execution count and how long it took', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'await new Promise((resolve) => setTimeout(resolve, 1500));\nconsole.log(32);');
  await cells.first().locator('[data-action="run"]').click();
  await expect(cells.first().locator('[data-part="count"]')).toHaveText('[*]');
  await expect(cells.first().locator('[data-part="count"]')).toHaveText('[1]');
  await expect(cells.first().locator('[data-part="status"]')).toHaveText(/^\d+(\.\d)?s$/);
  await runOnce(cells.nth(1));
  await expect(cells.nth(1).locator('[data-part="count"]')).toHaveText('[2]');
});

test('Run all runs every cell in order, and stops at the first error', async ({ page }) => {
  const cells = await openLesson(page);
  const count = await cells.count();
  await toolbar(page, 'run-all').click();
  for (let i = 0; i < count; i++) {
    await expect(cells.nth(i).locator('[data-part="count"]')).toHaveText(`[${i + 1}]`);
    await expect(runOutput(cells.nth(i))).toHaveText(PRINTS_32);
  }

  await replaceCode(cells.nth(1), 'throw new Error("stop here");');
  await toolbar(page, 'run-all').click();
  await expect(runOutput(cells.nth(1)).locator('[data-stream="error"]')).toContainText('stop here');
  await expect(cells.nth(1).locator('[data-part="count"]')).toHaveText(`[${count + 2}]`);
  await expect(toolbar(page, 'run-all')).toBeEnabled();
  await expect(cells.nth(2).locator('[data-part="count"]')).toHaveText('[3]'); // not run again
});

test('Restart kernel forgets what the cells defined', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'const kept = 32;');
  await runOnce(cells.first());
  await replaceCode(cells.nth(1), 'console.log(typeof kept);');
  await expect(await runOnce(cells.nth(1))).toHaveText('number');
  await toolbar(page, 'restart').click();
  await expect(page.locator('notebook-toolbar [data-part="status"]')).toContainText('Kernel restarted');
  await cells.nth(1).locator('[data-action="run"]').click();
  await expect(runOutput(cells.nth(1))).toHaveText('undefined');
  await expect(cells.nth(1).locator('[data-part="count"]')).toHaveText('[1]');
});

test('Interrupt stops an endless loop within a second, and the other cells run again', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'while (true) {}');
  await cells.first().locator('[data-action="run"]').click();
  await expect(cells.first().locator('[data-part="count"]')).toHaveText('[*]');
  await expect(runOutput(cells.first())).toBeAttached(); // it started
  await expect(toolbar(page, 'interrupt')).toBeEnabled();
  await toolbar(page, 'interrupt').click();
  await expect(runOutput(cells.first())).toContainText('Interrupted', { timeout: 1000 });
  await expect(toolbar(page, 'interrupt')).toBeDisabled();
  await stillResponds(page, cells.nth(1));
});

test("a cell's own Interrupt button stops it too", async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'for (;;) {}');
  await cells.first().locator('[data-action="run"]').click();
  await expect(runOutput(cells.first())).toBeAttached();
  await cells.first().locator('[data-action="interrupt"]').click();
  await expect(runOutput(cells.first())).toContainText('Interrupted', { timeout: 1000 });
  await expect(cells.first().locator('[data-action="interrupt"]')).toBeHidden();
});

test('a cell that runs past the time limit is stopped without anyone pressing a button', async ({ page }) => {
  const cells = await openLesson(page);
  await page.locator('notebook-toolbar').evaluate((toolbar: HTMLElement) => (toolbar.dataset.timeLimitMs = '700'));
  await replaceCode(cells.first(), 'console.log("looping");\nwhile (true) {}');
  await cells.first().locator('[data-action="run"]').click();
  const output = runOutput(cells.first());
  await expect(output).toContainText('looping');
  await expect(output.locator('[data-stream="error"]')).toContainText('time limit');
  await stillResponds(page, cells.nth(1));
});

test('a million printed lines show the first part and a notice, and the page keeps answering', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'for (let i = 0; i < 1_000_000; i++) console.log(i);');
  const output = await runOnce(cells.first());
  await expect(output.locator('[data-stream="log"]').first()).toHaveText('0');
  await expect(output.locator('[data-stream="notice"]')).toContainText('Output truncated');
  expect(await output.locator('[data-stream="log"]').count()).toBeLessThanOrEqual(1000);
  await stillResponds(page, cells.nth(1));
});

test('a promise rejected after its cell ended is reported in that cell', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(
    cells.first(),
    'console.log("scheduled");\nsetTimeout(() => {\n  Promise.reject(new RangeError("too late"));\n}, 1000);',
  );
  await replaceCode(cells.nth(1), 'console.log("another cell");');
  await expect((await runOnce(cells.first())).locator('[data-stream="log"]')).toHaveText('scheduled');
  await runOnce(cells.nth(1));
  await expect(runOutput(cells.first()).locator('[data-stream="error"]')).toHaveText(
    'Uncaught (in promise) RangeError: too late (line 3, column 18)',
  );
  await expect(runOutput(cells.nth(1))).toHaveText('another cell');
});
