// The site's signature, in a real browser. The build already runs every cell in Node and fails on
// one that does not print 32 (src/markdown/remark-cells.ts), and tests/unit/cells.test.ts runs them
// again without a build; what only a browser shows is checked here, once per page: the page shows
// every saved output, and the page's kernel worker runs the build's compiled scripts, in page
// order and one scope, and shows what each printed. One "Run all" click per page, so a slow
// machine makes the test slower, not wrong.
import { expect, test } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';
import { runOutput } from '../support/notebook-page.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

for (const lesson of lessonPages().filter((page) => page.cells.length > 0)) {
  test(`every cell of /${lesson.url} shows 32 saved, and prints 32 when the page runs it`, async ({ page }) => {
    test.slow(); // lesson 4 trains a dozen small networks in the page's kernel
    await page.goto(lesson.url);
    const cells = page.locator('param-cell');
    await expect(cells).toHaveCount(lesson.cells.length);
    const every32 = lesson.cells.map(() => PRINTS_32);
    await expect(cells.locator('[data-part="output"][data-origin="build"] pre')).toHaveText(every32);

    const runAll = page.locator('notebook-toolbar [data-action="run-all"]');
    await runAll.click();
    // Each run gets the next execution count: every cell started, once, in page order; Run all is
    // back when the last one has ended. The margin is for a machine under load, not for the page.
    const counts = lesson.cells.map((_, i) => `[${i + 1}]`);
    await expect(cells.locator('[data-part="count"]')).toHaveText(counts, { timeout: 60_000 });
    await expect(runAll).toBeEnabled({ timeout: 30_000 });
    await expect(runOutput(cells)).toHaveText(every32);
    await expect(cells.locator('[data-stream="error"]')).toHaveCount(0);
  });
}
