// On a 375 px wide phone screen: no page scrolls sideways, with its cells or their PyTorch twins
// shown, and every cell can still be read and run.
import { expect, type Page, test } from '@playwright/test';
import { builtPages } from '../support/built-site.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

const WIDTH = 375;

test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true });

/** Fails, naming the widest elements, when the page is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, shown: string) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
    // The widest elements, to say what pushes the page wider than the screen.
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((el) => !el.closest('[hidden], dialog:not([open])') && getComputedStyle(el).visibility !== 'hidden')
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  }));
  expect(overflow.page, `${shown}, wider than the screen: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(overflow.screen);
}

for (const built of builtPages()) {
  test(`/${built.url} fits a 375 px screen and its cells stay usable`, async ({ page }) => {
    await page.goto(built.url);
    await expectNoSidewaysScroll(page, 'with its cells shown');

    // Every cell's code and Run button lie within the screen, and a tap on the button reaches it.
    const cellProblems = await page.evaluate(() =>
      [...document.querySelectorAll('param-cell')].flatMap((cell, i) => {
        const problems: string[] = [];
        const width = document.documentElement.clientWidth;
        for (const [part, name] of [['[data-part="code"]', 'code'], ['[data-action="run"]', 'Run button']] as const) {
          const element = cell.querySelector<HTMLElement>(part);
          element?.scrollIntoView({ block: 'center' });
          const box = element?.getBoundingClientRect();
          if (!element || !box || box.width === 0 || box.height === 0) problems.push(`cell ${i + 1}: no visible ${name}`);
          else if (box.left < 0 || box.right > width) problems.push(`cell ${i + 1}: ${name} runs off the screen`);
          else if (!element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))) {
            problems.push(`cell ${i + 1}: something covers the ${name}`);
          }
        }
        return problems;
      }),
    );
    expect(cellProblems).toEqual([]);
    const first = page.locator('param-cell').first();
    if ((await first.count()) > 0) {
      await first.locator('[data-action="run"]').tap();
      // The execution count shows the run happened (the build's saved output already says 32).
      await expect(first.locator('[data-part="count"]')).toHaveText('[1]');
      await expect(first.locator('[data-part="output"] pre')).toHaveText(PRINTS_32);
    }
    // The PyTorch tab shows every twin of the page at once (cell-tabs.spec.ts): none may be wider.
    const tabs = page.locator('cell-tabs');
    const cells = await tabs.count();
    if (cells > 0) {
      await tabs.first().getByRole('tab', { name: 'PyTorch', exact: true }).tap();
      await expect(tabs.locator('[data-language="python"] pre')).toHaveCount(cells);
      await expectNoSidewaysScroll(page, 'with its PyTorch twins shown');
    }
  });
}
