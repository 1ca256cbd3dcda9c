// How a reader works with a cell: run, edit, errors, output as text, reloads, what loads when,
// and reading with JavaScript off.
import { expect, test } from '@playwright/test';
import { lessonPages } from '../support/lessons.ts';
import { answerDialogs, LESSON, openLesson, replaceCode, runOnce } from '../support/notebook-page.ts';
import { PRINTS_32 } from '../support/prints-32.ts';

const lesson = lessonPages().find((page) => page.url === LESSON)!;

test('an edited cell runs the new code', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(
    cell,
    'import { SimpleNN, countParameters } from "lib";\nconsole.log(countParameters(new SimpleNN(3, 6, 2)));',
  );
  await expect(await runOnce(cell)).toHaveText('38');
});

test('a cell that throws shows the error and its line in the cell', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'const a: number = 1;\nconst b = a + 1;\nnull!.boom();\n');
  const error = (await runOnce(cell)).locator('[data-stream="error"]');
  await expect(error).toContainText('TypeError');
  await expect(error).toContainText('line 3');
});

test("a syntax error gives its line and column in the cell's TypeScript, and the next cell still runs", async ({ page }) => {
  const cells = await openLesson(page);
  await replaceCode(cells.first(), 'const ok: number = 1;\nconst = 2;\n');
  await expect((await runOnce(cells.first())).locator('[data-stream="error"]')).toHaveText(
    /SyntaxError: .* \(line 2, column 7\)/,
  );
  await replaceCode(cells.nth(1), 'console.log("still fine");');
  await expect(await runOnce(cells.nth(1))).toHaveText('still fine');
});

test('output is shown as text, never as HTML', async ({ page }) => {
  const dialogs = answerDialogs(page, false);
  const cell = (await openLesson(page)).first();
  const xss = '<img src=x onerror=alert(1)>';
  await replaceCode(cell, `console.log(${JSON.stringify(xss)});`);
  const output = await runOnce(cell);
  await expect(output).toHaveText(xss);
  await expect(output.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('console methods print in their own styles, values printed like util.inspect', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(
    cell,
    [
      'console.log(new Map([["a", 1]]), [1, 2], new Float32Array(2));',
      'console.warn("careful");',
      'console.error("wrong");',
      'console.table([{ n: 32 }]);',
    ].join('\n'),
  );
  const output = await runOnce(cell);
  await expect(output.locator('[data-stream="log"]').first()).toHaveText("Map(1) { 'a' => 1 } [ 1, 2 ] Float32Array(2) [ 0, 0 ]");
  await expect(output.locator('[data-stream="warn"]')).toHaveText('careful');
  await expect(output.locator('[data-stream="error"]')).toHaveText('wrong');
  await expect(output.locator('[data-stream="log"]').last()).toContainText('│ (index) │ n  │');
  const color = (stream: string) =>
    output.locator(`[data-stream="${stream}"]`).first().evaluate((span) => getComputedStyle(span).color);
  expect(await color('error')).not.toBe(await color('log'));
});

test('top-level await works in a cell', async ({ page }) => {
  const cell = (await openLesson(page)).first();
  await replaceCode(cell, 'const n = await new Promise<number>((resolve) => setTimeout(() => resolve(32), 10));\nconsole.log(n);');
  await expect(await runOnce(cell)).toHaveText('32');
});

test("a page loads only a small loader of the notebook and starts its kernel with the library's core; the notebook comes once the page has loaded, the editor when the reader reaches for a cell, the compiler and the rest of the library when an edit needs them", async ({
  page,
  context,
}) => {
  const scripts: string[] = [];
  const beforeLoad: string[] = [];
  let loaded = false;
  page.on('load', () => (loaded = true));
  // The context sees the page's requests and its workers' alike.
  context.on('request', (request) => {
    if (request.resourceType() !== 'script' && !/\.js(\?|$)/.test(request.url())) return;
    scripts.push(request.url());
    if (!loaded) beforeLoad.push(request.url());
  });
  // The chunks: the library's core is `core-…`, the rest of it `lib-…`.
  const fetched = (pattern: RegExp) => scripts.filter((url) => pattern.test(url));
  const cells = await openLesson(page);
  expect(beforeLoad.filter((url) => /editor|compile-cell|notebook-elements|\/lib-/.test(url))).toEqual([]);
  // Once the page has loaded and is idle: the notebook's module, and the kernel worker, which the
  // page started as it parsed, with the library's core; nothing heavier.
  await expect.poll(() => [/notebook-elements/, /kernel\.worker/, /\/core-/].every((chunk) => fetched(chunk).length > 0)).toBe(true);
  await page.waitForLoadState('networkidle');
  expect(fetched(/editor|compile-cell|\/lib-/)).toEqual([]);
  await expect(page.locator('.cm-editor')).toHaveCount(0);

  await cells.first().hover();
  await expect(cells.first().locator('.cm-editor')).toBeVisible();
  expect(fetched(/editor/)).not.toEqual([]);
  await expect(await runOnce(cells.first())).toHaveText(PRINTS_32);
  // The lesson's own code runs as the build compiled it, and imports only the library's core.
  expect(fetched(/compile-cell|\/lib-/)).toEqual([]);
  // The reader's edit needs the compiler; a name from beyond the core, the rest of the library.
  await replaceCode(cells.nth(1), 'import { GPT2 } from "lib";\nconsole.log(16 * 2, typeof GPT2);');
  await expect(await runOnce(cells.nth(1))).toHaveText('32 function');
  expect(fetched(/compile-cell/)).not.toEqual([]);
  expect(fetched(/\/lib-/)).not.toEqual([]);
  // One kernel worker: the one the page started is the one the first run adopted.
  expect(fetched(/kernel\.worker/)).toHaveLength(1);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every cell shows its code, highlighted, and the output the build computed', async ({ page }) => {
    await page.goto(lesson.url);
    const cells = page.locator('param-cell');
    await expect(cells).toHaveCount(lesson.cells.length);
    for (let i = 0; i < lesson.cells.length; i++) {
      const code = cells.nth(i).locator('[data-part="code"] pre');
      await expect(code).toBeVisible();
      const firstLine = lesson.cells[i].split('\n').find((line) => line.trim() !== '')!;
      await expect(code).toContainText(firstLine.trim());
      // Highlighted: Expressive Code colours tokens with inline styles on spans.
      expect(await code.locator('span[style]').count()).toBeGreaterThan(0);
      const output = cells.nth(i).locator('[data-part="output"][data-origin="build"]');
      await expect(output).toBeVisible();
      await expect(output.locator('pre')).toHaveText(PRINTS_32);
    }
    await expect(page.locator('[data-part="toolbar"]').first()).toBeHidden();
    await expect(page.locator('notebook-toolbar')).toBeHidden();
  });
});
