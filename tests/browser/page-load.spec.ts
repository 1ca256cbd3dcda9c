// Every page, loaded once with JavaScript on until it has nothing left to do, is held to two things:
// it loads without console errors or failed requests, and within its JavaScript budget.
//
// The JavaScript budget: per page, the gzip size of every script the browser fetches before the
// reader does anything: the page's inline scripts, its modules and what they import, and whatever
// its scripts load by themselves once the page is idle (requestIdleCallback, timers, workers).
// What loads on the reader's intent (the notebook on pointer or focus, search when it is opened)
// does not count, because the test never touches the page.
import { gzipSync } from 'node:zlib';
import { expect, type Page, type Response, test } from '@playwright/test';
import { builtPages } from '../support/built-site.ts';

const BUDGET_BYTES = 40 * 1024;

const isJavaScript = (response: Response) =>
  response.request().resourceType() === 'script' || /javascript/.test(response.headers()['content-type'] ?? '');

/** Waits until the page has loaded, its idle callbacks have run and its network has been quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  await page.waitForLoadState('networkidle');
}

const gzipBytes = (code: Buffer | string) => gzipSync(code).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const built of builtPages()) {
  test(`/${built.url} loads without console errors or failed requests, and at most 40 KB of JavaScript before any interaction`, async ({
    page,
    context,
  }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const fetched = new Map<string, Promise<Buffer>>();
    // The context sees the page's requests and its workers' alike.
    context.on('response', (response) => {
      if (isJavaScript(response)) fetched.set(response.url(), response.body());
    });
    await page.goto(built.url);
    await settle(page);

    await test.step('no console errors or failed requests', () => {
      // Soft: the budget is still measured and reported when the page also logged an error.
      expect.soft(problems).toEqual([]);
    });

    await test.step('at most 40 KB of JavaScript (gzip) before any interaction', async () => {
      const inline = await page.evaluate(() =>
        [...document.scripts]
          .filter((script) => !script.src && ['', 'module', 'text/javascript'].includes(script.type))
          .map((script) => script.textContent ?? ''),
      );
      const files = await Promise.all([...fetched.values()]);
      const fileBytes = files.reduce((sum, code) => sum + gzipBytes(code), 0);
      const inlineBytes = inline.reduce((sum, code) => sum + gzipBytes(code), 0);
      const total = fileBytes + inlineBytes;
      console.log(
        `JS before interaction, /${built.url}: ${kb(total)} gzip ` +
          `(${files.length} files ${kb(fileBytes)}, ${inline.length} inline scripts ${kb(inlineBytes)})`,
      );
      expect(files.length + inline.length, 'scripts found').toBeGreaterThan(0);
      expect(total, `files: ${[...fetched.keys()].join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
    });
  });
}
