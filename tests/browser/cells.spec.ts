// The site's signature, proven in a real browser: every cell of every page prints 32, when the
// reader runs it (the output saved with the page at build time says so too).
import { expect, test } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';
import { runOnce } from '../support/notebook-page.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

for (const lesson of lessonPages().filter((page) => page.cells.length > 0)) {
  test(`every cell of /${lesson.url} prints 32`, async ({ page }) => {
    test.slow(); // lesson 4 trains a dozen small networks; a busy 2-core machine needs the margin
    await page.goto(lesson.url);
    const cells = page.locator('param-cell');
    await expect(cells).toHaveCount(lesson.cells.length);
    for (let i = 0; i < lesson.cells.length; i++) {
      const cell = cells.nth(i);
      await expect(cell.locator('[data-part="output"][data-origin="build"] pre')).toHaveText(PRINTS_32);
      const output = await runOnce(cell);
      await expect(output).toHaveText(PRINTS_32);
      await expect(output.locator('[data-stream="error"]')).toHaveCount(0);
    }
  });
}
