// The TypeScript | PyTorch tabs of every cell: one choice for the whole page, remembered on the
// next page, drawn as chosen from the first paint; keyboard tabs (WAI-ARIA); the twin has its own
// Copy and reads without JavaScript. (That the twins fit a phone, mobile.spec.ts checks.)
import { expect, type Locator, type Page, test } from '@playwright/test';
import { useTheme, violationsInBothThemes } from '../support/axe.ts';
import { attribute, builtHtml, textOf } from '../support/built-html.ts';
import { builtPages } from '../support/built-site.ts';
import { lessonPages } from '../support/lessons.ts';
import { LESSON, runOnce } from '../support/notebook-page.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

const lesson = lessonPages().find((page) => page.url === LESSON)!;
const twinOf = (index: number) => lesson.notebook.cells[index].twin!.source;

const tabs = (page: Page) => page.locator('cell-tabs');
const tab = (page: Page, index: number, name: 'TypeScript' | 'PyTorch') =>
  tabs(page).nth(index).getByRole('tab', { name, exact: true });
const twinPanel = (page: Page, index: number) => tabs(page).nth(index).locator('[data-part="panel"][data-language="python"]');
const cellPanel = (page: Page, index: number) => tabs(page).nth(index).locator('[data-part="panel"][data-language="ts"]');

/** The code of a highlighted block, line by line. */
const codeOf = (block: Locator) =>
  block.evaluate((pre) => [...pre.querySelectorAll('.ec-line')].map((line) => line.textContent!.replace(/\n$/, '')).join('\n'));

/** The page's cumulative layout shift so far. */
const layoutShift = (page: Page) =>
  page.evaluate(async () => {
    // Layout shifts are measured as a frame is drawn: let the frame in progress finish first.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A buffered observer holds every earlier entry at once; takeRecords() hands them over now.
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords();
    observer.disconnect();
    return entries.reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0);
  });

// The tabs are built into the page, TypeScript selected: checked in the built HTML, one page at a
// time, no browser needed. What the script changes (a choice, remembered) the tests below check.
const built = new Map(builtPages().map((page) => [page.url, page.file]));
for (const { url, cells } of lessonPages().filter((p) => p.cells.length > 0)) {
  test(`/${url} has a TypeScript and a PyTorch tab for each of its ${cells.length} cells, TypeScript selected`, () => {
    const file = built.get(url);
    expect(file, `/${url} in the build`).toBeDefined();
    const html = builtHtml(file!);
    const found = html
      .all('cell-tabs')
      .map((element) =>
        html.all('[role="tab"]', element).map((tab) => `${textOf(tab)}${attribute(tab, 'ariaSelected') === 'true' ? ' (selected)' : ''}`),
      );
    expect(found, `the tabs of each <cell-tabs> of /${url}`).toEqual(cells.map(() => ['TypeScript (selected)', 'PyTorch']));
  });
}

test('choosing PyTorch shows every twin of the page and keeps the TypeScript cell the one that runs', async ({ page }) => {
  await page.goto(LESSON);
  // With no choice stored, the script keeps TypeScript selected, in every cell.
  await expect(page.locator('cell-tabs [role="tab"][aria-selected="true"]')).toHaveText(lesson.cells.map(() => 'TypeScript'));
  await expect(twinPanel(page, 0)).toBeHidden();
  // Until a reader chooses PyTorch, the twins are text in a <noscript>, not elements to lay out.
  await expect(page.locator('cell-tabs [data-language="python"] pre')).toHaveCount(0);
  await tab(page, 1, 'PyTorch').click();
  for (let i = 0; i < lesson.cells.length; i++) {
    await expect(tab(page, i, 'PyTorch')).toHaveAttribute('aria-selected', 'true');
    await expect(tab(page, i, 'TypeScript')).toHaveAttribute('aria-selected', 'false');
    await expect(cellPanel(page, i)).toBeHidden();
    expect(await codeOf(twinPanel(page, i).locator('pre'))).toBe(twinOf(i));
  }
  await tab(page, 0, 'TypeScript').click();
  await expect(twinPanel(page, 0)).toBeHidden();
  await expect(await runOnce(page.locator('param-cell').first())).toHaveText(PRINTS_32);
});

test('the choice is remembered on the next page and drawn from the first paint', async ({ page }) => {
  await page.goto(LESSON);
  await tab(page, 0, 'PyTorch').click();
  // A layout shift counts only what moves on screen: tall enough to show the first cells.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto('lessons/02-counting-by-hand/');
  await expect(tab(page, 0, 'PyTorch')).toHaveAttribute('aria-selected', 'true');
  await expect(twinPanel(page, 0)).toBeVisible();
  await expect(cellPanel(page, 0)).toBeHidden();
  // Drawing the other tab first and switching would move the cells on screen.
  expect(await layoutShift(page)).toBeLessThan(0.001);
});

test('the tabs work without storage', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(LESSON);
  await tab(page, 0, 'PyTorch').click();
  await expect(twinPanel(page, 2)).toBeVisible();
});

test('arrow keys, Home and End move between the tabs and select them', async ({ page }) => {
  await page.goto(LESSON);
  await tab(page, 0, 'TypeScript').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 0, 'PyTorch')).toBeFocused();
  await expect(tab(page, 0, 'PyTorch')).toHaveAttribute('aria-selected', 'true');
  await expect(twinPanel(page, 0)).toBeVisible();
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(tab(page, 0, 'TypeScript')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab(page, 0, 'PyTorch')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab(page, 0, 'TypeScript')).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the Tab order: the next Tab leaves the tab list.
  await page.keyboard.press('Tab');
  await expect(tab(page, 0, 'PyTorch')).not.toBeFocused();
});

test("the twin's Copy copies the twin", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON);
  await tab(page, 1, 'PyTorch').click();
  const copy = twinPanel(page, 1).locator('.copy button');
  await twinPanel(page, 1).hover();
  await copy.click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twinOf(1));
});

// Their first state, TypeScript selected, a11y.spec.ts checks with the rest of each page.
test("the tabs and the twins, PyTorch chosen, pass axe's rules in the light theme and its colour rules in the dark", async ({ page }) => {
  test.slow(); // axe's contrast check of highlighted code takes seconds on a busy machine
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(LESSON);
  await useTheme(page, 'light');
  await tab(page, 0, 'PyTorch').click();
  await expect(twinPanel(page, lesson.cells.length - 1).locator('pre')).toBeVisible();
  // The cells, hidden now, a11y.spec.ts checks with the rest of each page.
  const include = ['cell-tabs [role="tablist"]', 'cell-tabs [data-part="panel"][data-language="python"]'];
  expect(await violationsInBothThemes(page, { include })).toEqual([]);
});

test("code in the code's own colour, which has no token span, is drawn in that colour in both themes", async ({ page }) => {
  await page.goto(LESSON);
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    const colours = await cellPanel(page, 0).locator('.expressive-code').evaluate((block) => {
      const line = [...block.querySelectorAll('.ec-line .code')].find((code) =>
        [...code.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()),
      )!;
      const probe = block.appendChild(document.createElement('span'));
      probe.style.color = 'var(--ec-codeFg)';
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { drawn: getComputedStyle(line).color, expected };
    });
    expect(colours.drawn, theme).toBe(colours.expected);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every cell shows its code, its saved output and its twin, without tabs', async ({ page }) => {
    await page.goto(LESSON);
    await expect(page.locator('cell-tabs [role="tablist"]')).toHaveCount(lesson.cells.length);
    for (let i = 0; i < lesson.cells.length; i++) {
      await expect(tabs(page).nth(i).locator('[role="tablist"]')).toBeHidden();
      await expect(cellPanel(page, i).locator('[data-part="output"] pre')).toHaveText(PRINTS_32);
      expect(await codeOf(twinPanel(page, i).locator('pre'))).toBe(twinOf(i));
      await expect(twinPanel(page, i).locator('[data-part="caption"]')).toHaveText('PyTorch');
    }
  });
});
