// A reader's edits: kept as they type, restored on reload with a visible marker, reset only after
// asking, and never silently lost or silently stale when the lesson's code changes. Without
// storage, everything still runs.
import { expect, test } from '@playwright/test';
import { answerDialogs, openLesson, replaceCode, runOnce } from '../support/notebook-page.ts';

const EDIT = 'console.log("kept");';

test('an edit survives a reload, marked as edited, and Reset restores the lesson after asking', async ({ page }) => {
  let cell = (await openLesson(page)).first();
  const original = await cell.getAttribute('data-source');
  await replaceCode(cell, EDIT);
  await expect(cell.locator('[data-part="edited"]')).toBeVisible();

  await page.reload();
  cell = page.locator('param-cell').first();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await expect(cell.locator('[data-part="edited"]')).toHaveText('edited');
  // The output saved with the page is the lesson's code's, shown under the edit: it says so.
  await expect(cell.locator('[data-part="origin"]:visible')).toHaveText(/^Output of the lesson's original code.*your edit has not run yet/);
  await expect(await runOnce(cell)).toHaveText('kept');
  await expect(cell.locator('[data-part="origin"]:visible')).toHaveCount(0);

  const refused = answerDialogs(page, false);
  await cell.locator('[data-action="reset"]').click();
  expect(refused).toEqual(["Discard your edit of cell 1 and restore the lesson's code?"]);
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);

  page.removeAllListeners('dialog');
  answerDialogs(page, true);
  await cell.locator('[data-action="reset"]').click();
  await expect(cell.locator('[data-part="edited"]')).toBeHidden();
  expect(await cell.locator('.cm-line').allTextContents()).toEqual(original!.split('\n'));
  await page.reload();
  await expect(page.locator('param-cell').first().locator('[data-part="edited"]')).toBeHidden();
});

test('Reset all restores every edited cell of the page after asking', async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), EDIT);
  await replaceCode(cells.nth(1), EDIT);
  await expect(page.locator('param-cell[data-edited]')).toHaveCount(2);
  const asked = answerDialogs(page, true);
  await page.locator('notebook-toolbar [data-action="reset-all"]').click();
  expect(asked).toHaveLength(1);
  await expect(page.locator('param-cell[data-edited]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('param-cell[data-edited]')).toHaveCount(0);
});

test("when the lesson's code has changed since the edit, the reader chooses which to keep", async ({ page }) => {
  // An edit saved against an earlier version of the lesson's first cell.
  await page.addInitScript((value) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem(`param-notebook:edit:v2:${location.pathname}#0`, value);
    sessionStorage.setItem('seeded', '1');
  }, JSON.stringify({ code: EDIT, originalHash: 'an-older-version' }));
  let cell = (await openLesson(page)).first();
  await expect(cell.locator('[data-part="conflict"]')).toContainText("The lesson's code for this cell has changed");
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await cell.locator('[data-action="keep-edit"]').click();
  await expect(cell.locator('[data-part="conflict"]')).toBeHidden();
  await page.reload();
  cell = page.locator('param-cell').first();
  await expect(cell.locator('.cm-content')).toHaveText(EDIT);
  await expect(cell.locator('[data-part="conflict"]')).toBeHidden();

  await page.evaluate((value) => localStorage.setItem(`param-notebook:edit:v2:${location.pathname}#0`, value), JSON.stringify({ code: 'console.log("mine");', originalHash: 'older' }));
  await page.reload();
  cell = page.locator('param-cell').first();
  await cell.locator('[data-action="use-original"]').click();
  await expect(cell.locator('[data-part="conflict"]')).toBeHidden();
  await expect(cell.locator('[data-part="edited"]')).toBeHidden();
  await expect(cell.locator('.cm-line').first()).toHaveText((await cell.getAttribute('data-source'))!.split('\n')[0]);
});

test('without storage (private mode, quota) cells still edit and run', async ({ page }) => {
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('storage is off', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: refuse });
  });
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'console.log(16 * 2);');
  await expect(cell.locator('[data-part="edited"]')).toBeVisible();
  await expect(await runOnce(cell)).toHaveText('32');
});
