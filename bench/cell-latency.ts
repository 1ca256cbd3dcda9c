// Measures lesson pages in a real browser: the JavaScript each loads (gzip bytes) up front, once
// the reader reaches for a cell, and after the first run; how soon the first answer comes when
// Run is clicked the moment it shows, next to the page's own load time on the same visit; and how
// fast a cell answers on a loaded page, click → first line of output, cold and warm. Run with
// `npm run bench` (builds the site first; PORT picks the preview server's port). Prints figures;
// gates nothing.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { lessonPages } from '../tests/support/lessons.ts';
import { startPreview } from './preview-server.ts';

const PORT = Number(process.env.PORT ?? 4399);
const LESSON = 'lessons/01-what-are-parameters/';
const ROUNDS = 5;
const FIRST_ANSWER_ROUNDS = 9;
const WARM_RUNS = 30;
// The cell's hooks (Cell.astro).
const RUN = '[data-action="run"]';
const OUTPUT = '[data-part="output"]';

interface FirstAnswer {
  /** ms from navigation to the first line the reader's run printed. */
  output: number;
  /** ms from navigation to the page's `load` event. */
  load: number;
}

/**
 * Opens the lesson in a fresh page and clicks Run on its first cell the moment the button shows,
 * as an impatient reader would: when does the first line of output come, next to when the page
 * itself finished loading?
 */
async function firstAnswer(browser: Browser, url: string): Promise<FirstAnswer> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    // Lines under [data-origin] are the build's saved output, there from the first paint.
    new MutationObserver((records, observer) => {
      const added = records.flatMap((record) => [...record.addedNodes]);
      if (!added.some((node) => node instanceof Element && node.matches('[data-stream]') && !node.closest('[data-origin]'))) return;
      observer.disconnect();
      (window as { firstOutputAt?: number }).firstOutputAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('param-cell').first().locator(RUN).click();
  const handle = await page.waitForFunction(() => {
    const output = (window as { firstOutputAt?: number }).firstOutputAt;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return output !== undefined && navigation.loadEventEnd > 0 && { output, load: navigation.loadEventEnd };
  });
  const answer = (await handle.jsonValue()) as FirstAnswer;
  await page.close();
  return answer;
}

/** Clicks Run on cell `index` and returns the ms until the run's first line of output shows. */
function clickToOutput(page: Page, index: number): Promise<number> {
  return page.evaluate(({ i, run, outputPart }) => {
    const cell = document.querySelectorAll('param-cell')[i];
    const output = cell.querySelector(`${outputPart} pre`)!;
    const start = performance.now();
    const done = new Promise<number>((resolve) =>
      new MutationObserver((records, observer) => {
        if (!records.some((record) => record.addedNodes.length > 0)) return; // the run clearing it
        observer.disconnect();
        resolve(performance.now() - start);
      }).observe(output, { childList: true }),
    );
    cell.querySelector<HTMLButtonElement>(run)!.click();
    return done;
  }, { i: index, run: RUN, outputPart: OUTPUT });
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
  await cell.locator(RUN).click();
  await cell.locator(`${OUTPUT}:not([data-origin]) [data-stream="log"]`).first().waitFor();
  const afterRun = (await settle()) + inlineBytes;
  await context.close();
  return { upFront, reached, afterRun, files: loaded };
}

const server = await startPreview(PORT);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  console.log('JavaScript loaded (gzip), headless Chromium: up front / after reaching for a cell / after the first run');
  for (const { url } of lessonPages().filter((lesson) => lesson.cells.length > 0)) {
    const bytes = await scriptBytes(browser, server.url + url);
    console.log(`  ${kb(bytes.upFront).padStart(9)} ${kb(bytes.reached).padStart(9)} ${kb(bytes.afterRun).padStart(9)}  /${url}`);
    if (url !== LESSON) continue;
    for (const { url: file, gzip } of bytes.files) console.log(`      ${kb(gzip).padStart(9)}  ${file.split('/').pop()}`);
  }

  const answers: FirstAnswer[] = [];
  for (let round = 0; round < FIRST_ANSWER_ROUNDS; round++) answers.push(await firstAnswer(browser, server.url + LESSON));
  const ratios = answers.map(({ output, load }) => output / load);
  console.log(`first output after navigation, Run clicked as soon as it shows, ${LESSON}, headless Chromium`);
  console.log(`  first output: median ${median(answers.map((a) => a.output)).toFixed(0)} ms   page load: median ${median(answers.map((a) => a.load)).toFixed(0)} ms`);
  console.log(`  first output / page load, same visit: median ${median(ratios).toFixed(2)}×  [${ratios.map((r) => r.toFixed(2)).join(', ')}]`);

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
