// The notebook in its live states (editors in place, outputs with errors and warnings, an edited
// cell whose lesson code changed, a kernel at work), in the light and the dark theme: nothing
// axe-core can find. (a11y.spec.ts checks every page as it first loads.)
import { expect, test } from '@playwright/test';
import { violationsInBothThemes } from '../support/axe.ts';
import { openLesson, replaceCode, runOnce } from '../support/notebook-page.ts';

test('the live notebook has no accessibility violations in either theme', async ({ page }) => {
  test.slow(); // axe takes seconds on a long lesson
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    const stale = JSON.stringify({ code: 'console.log("mine");', originalHash: 'older' });
    localStorage.setItem(`param-notebook:edit:v2:${location.pathname}#1`, stale);
    sessionStorage.setItem('seeded', '1');
  });
  const cells = await openLesson(page);
  await expect(cells.nth(1).locator('[data-part="conflict"]')).toBeVisible();
  await cells.first().locator('[data-part="code"]').click(); // the lesson's code, comments and all
  await runOnce(cells.first());
  await replaceCode(cells.nth(2), 'console.log(32);\nconsole.warn("careful");\nnull!.boom();');
  await runOnce(cells.nth(2));
  await replaceCode(cells.nth(3), 'for (let i = 0; i < 60; i++) console.log(i);');
  await runOnce(cells.nth(3));
  await replaceCode(cells.nth(4), 'while (true) {}');
  await cells.nth(4).locator('[data-action="run"]').click();
  await expect(page.locator('notebook-toolbar [data-action="interrupt"]')).toBeEnabled();
  expect(await violationsInBothThemes(page, { include: ['param-cell', 'notebook-toolbar'] })).toEqual([]);
});
