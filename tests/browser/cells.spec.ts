// The site's signature, proven in a real browser: every cell of every page prints 32.
import { expect, test } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

for (const lesson of lessonPages().filter((page) => page.cells.length > 0)) {
  test(`every cell of /${lesson.url} prints 32`, async ({ page }) => {
    await page.goto(lesson.url);
    const cells = page.locator('param-cell');
    await expect(cells).toHaveCount(lesson.cells.length);
    for (let i = 0; i < lesson.cells.length; i++) {
      const cell = cells.nth(i);
      await cell.locator('.cell-run').click();
      await expect(cell.locator('.cell-output pre')).toHaveText(PRINTS_32);
      await expect(cell.locator('.cell-output [data-stream="error"]')).toHaveCount(0);
    }
  });
}
