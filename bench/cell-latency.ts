// Measures a lesson page in a real browser: the JavaScript it loads (gzip bytes) up front, once
// the reader reaches for a cell (the notebook and its editor), and after the first run (the
// kernel and its compiler); and how fast a cell answers, click → first line of output, cold and
// warm. Run with `npm run bench` (builds the site first). Prints figures; gates nothing.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { startPreview } from './preview-server.ts';

const PORT = 4399;
const LESSON = 'lessons/01-what-are-parameters/';
const ROUNDS = 5;
const WARM_RUNS = 30;

/** Clicks Run on cell `index` and returns the ms until the run's first line of output shows. */
function clickToOutput(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll('param-cell')[i];
    const output = cell.querySelector('.cell-output pre')!;
    const start = performance.now();
    const done = new Promise<number>((resolve) =>
      new MutationObserver((records, observer) => {
        if (!records.some((record) => record.addedNodes.length > 0)) return; // the run clearing it
        observer.disconnect();
        resolve(performance.now() - start);
      }).observe(output, { childList: true }),
    );
    cell.querySelector<HTMLButtonElement>('.cell-run')!.click();
    return done;
  }, index);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The gzip size of the JavaScript a page loads in three steps, scripts and workers alike. */
async function scriptBytes(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (response) => {
    if (!/\.m?js(\?|$)/.test(response.url())) return;
    pending.push(
      response.body().then(
        (body) => void loaded.push({ url: response.url(), gzip: gzipSync(body).length }),
        () => {},
      ),
    );
  });
  const settle = async () => {
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return loaded.reduce((sum, script) => sum + script.gzip, 0);
  };
  await page.goto(url);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? ''),
  );
  const inlineBytes = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
  const upFront = (await settle()) + inlineBytes;
  const cell = page.locator('param-cell').first();
  await cell.hover();
  await cell.locator('.cm-editor').waitFor();
  const reached = (await settle()) + inlineBytes;
  await cell.locator('.cell-run').click();
  await cell.locator('.cell-output:not([data-origin]) [data-stream="log"]').first().waitFor();
  const afterRun = (await settle()) + inlineBytes;
  await context.close();
  return { upFront, reached, afterRun, files: loaded };
}

const server = await startPreview(PORT);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const bytes = await scriptBytes(browser, server.url + LESSON);
  console.log(`JavaScript loaded by ${LESSON} (gzip), headless Chromium`);
  console.log(`  up front (page load):                        ${kb(bytes.upFront)}`);
  console.log(`  after reaching for a cell (notebook, editor): ${kb(bytes.reached)}`);
  console.log(`  after the first run (kernel, compiler):       ${kb(bytes.afterRun)}`);
  for (const { url, gzip } of bytes.files) console.log(`    ${kb(gzip).padStart(9)}  ${url.split('/').pop()}`);

  const cold: number[] = [];
  const coldAfterHover: number[] = [];
  let warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage();
    await page.goto(server.url + LESSON, { waitUntil: 'load' });
    cold.push(await clickToOutput(page, 0));
    await page.close();

    const hovered = await browser.newPage();
    await hovered.goto(server.url + LESSON, { waitUntil: 'load' });
    await hovered.locator('param-cell').first().hover();
    await hovered.waitForTimeout(500);
    coldAfterHover.push(await clickToOutput(hovered, 0));
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await clickToOutput(hovered, 0));
    await hovered.close();
  }
  await browser.close();
  warm = warm.slice(WARM_RUNS); // the first round's JIT warm-up is not what a reader sees
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  console.log(`cell click → first line of output, ${LESSON}, headless Chromium`);
  console.log(`  cold (nothing of the notebook loaded yet):       median ${median(cold).toFixed(1)} ms  [${list(cold)}]`);
  console.log(`  cold after hover (notebook and kernel warmed):   median ${median(coldAfterHover).toFixed(1)} ms  [${list(coldAfterHover)}]`);
  console.log(`  warm (${warm.length} runs):                              median ${median(warm).toFixed(1)} ms  min ${Math.min(...warm).toFixed(1)}  max ${Math.max(...warm).toFixed(1)}`);
} finally {
  server.stop();
}
