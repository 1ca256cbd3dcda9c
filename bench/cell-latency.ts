// Measures lesson pages in a real browser: the JavaScript each loads (gzip bytes) up front, once
// the reader reaches for a cell, and after the first run; how soon the first answer comes when
// Run is clicked the moment it shows, next to the page's own load time on the same visit (on the
// landing page and lesson 1); and how fast a cell answers on a loaded page, click → first line of
// output, cold and warm. The bytes come from Playwright; the timings from a browser that nothing
// attaches to (bare-browser.ts), since Playwright holds every new worker, the kernel's too, until
// it has set it up. Run with `npm run bench` (builds the site first; PORT picks the preview
// server's port). Prints figures; gates nothing.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { lessonPages } from '../tests/support/lessons.ts';
import { type BareBrowser, type BarePage, launchBareBrowser } from './bare-browser.ts';
import { startPreview } from './preview-server.ts';

const PORT = Number(process.env.PORT ?? 4399);
const LESSON = 'lessons/01-what-are-parameters/';
// The pages whose first answer is timed: the landing page and the first lesson.
const FIRST_ANSWER_PAGES = ['', LESSON];
const ROUNDS = 5;
const FIRST_ANSWER_ROUNDS = 9;
const WARM_RUNS = 30;
// The cell's hooks (Cell.astro).
const RUN = '[data-action="run"]';
const OUTPUT = '[data-part="output"]';

interface FirstAnswer {
  /** ms from navigation to the click on Run. */
  click: number;
  /** ms from navigation to the first line the reader's run printed. */
  output: number;
  /** ms from navigation to the page's `load` event. */
  load: number;
}

/**
 * Runs in the lesson from its first moment: clicks Run on the first cell as soon as the button
 * has been painted, as an impatient reader would, and notes when the first line of output comes
 * and when the page itself finished loading.
 */
function clickRunAsSoonAsItShows(run: string) {
  const result: Partial<FirstAnswer> = {};
  const settle = () => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    if (result.output === undefined || !navigation || navigation.loadEventEnd === 0) return;
    (window as { benchResult?: unknown }).benchResult = { ...result, load: navigation.loadEventEnd };
  };
  const added = (records: MutationRecord[], selector: string) =>
    records.some((record) => [...record.addedNodes].some((node) => node instanceof Element && node.matches(selector)));
  let clickAsked = false;
  new MutationObserver((records, observer) => {
    if (!clickAsked && added(records, `param-cell ${run}`)) {
      clickAsked = true;
      const button = document.querySelector<HTMLButtonElement>(`param-cell ${run}`)!;
      // Two frames: the button has been painted once, so a reader could have seen it.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          result.click = performance.now();
          button.click();
        }),
      );
    }
    // Lines under [data-origin] are the build's saved output, there from the first paint.
    if (added(records, '[data-stream]:not([data-origin] *)')) {
      observer.disconnect();
      result.output = performance.now();
      settle();
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener('load', () => setTimeout(settle));
}

/** In the page: clicks Run on cell `index` and resolves with the ms until its first line of output. */
function clickToOutput(index: number, run: string, outputPart: string): Promise<number> {
  const cell = document.querySelectorAll('param-cell')[index];
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
}

/** In the page: what a pointer over the cell does, the intent that starts the notebook. */
function pointerOver(index: number) {
  document.querySelectorAll('param-cell')[index].dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
}

const inPage = (fn: (...args: never[]) => unknown, ...args: unknown[]) =>
  `(${fn})(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;

const WAIT_LIMIT_MS = 30_000;

/** Asks the page for `expression` every 200 ms (rarely, not to slow it) until it is not null. */
async function waitFor<T>(page: BarePage, expression: string): Promise<T> {
  for (const start = Date.now(); Date.now() - start < WAIT_LIMIT_MS; ) {
    const value = await page.evaluate<T | null>(`(${expression}) ?? null`).catch(() => null); // navigating
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the page never gave ${expression}`);
}

const pause = (page: BarePage, ms: number) => page.evaluate(`new Promise((resolve) => setTimeout(resolve, ${ms}))`);

async function firstAnswer(browser: BareBrowser, url: string): Promise<FirstAnswer> {
  const page = await browser.open(url, inPage(clickRunAsSoonAsItShows, RUN));
  const answer = await waitFor<FirstAnswer>(page, 'window.benchResult');
  await page.close();
  return answer;
}

/** A loaded lesson, idle for a moment, as a reader finds it before reaching for a cell. */
async function loadedLesson(browser: BareBrowser, url: string): Promise<BarePage> {
  const page = await browser.open(url, '');
  await waitFor(page, `document.readyState === 'complete' || null`);
  await pause(page, 500);
  return page;
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

  await browser.close();

  // Timings: a browser that nothing attaches to (bare-browser.ts), a fresh context each visit.
  const bare = await launchBareBrowser();
  for (const url of FIRST_ANSWER_PAGES) {
    const answers: FirstAnswer[] = [];
    for (let round = 0; round < FIRST_ANSWER_ROUNDS; round++) answers.push(await firstAnswer(bare, server.url + url));
    const ratios = answers.map(({ output, load }) => output / load);
    console.log(`first output after navigation, Run clicked as soon as it shows, /${url}, headless Chromium`);
    console.log(`  click: median ${median(answers.map((a) => a.click)).toFixed(0)} ms   first output: median ${median(answers.map((a) => a.output)).toFixed(0)} ms   page load: median ${median(answers.map((a) => a.load)).toFixed(0)} ms`);
    console.log(`  first output / page load, same visit: median ${median(ratios).toFixed(2)}×  [${ratios.map((r) => r.toFixed(2)).join(', ')}]`);
  }

  const cold: number[] = [];
  const coldAfterIntent: number[] = [];
  let warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await loadedLesson(bare, server.url + LESSON);
    cold.push(await page.evaluate<number>(inPage(clickToOutput, 0, RUN, OUTPUT)));
    await page.close();

    const reached = await loadedLesson(bare, server.url + LESSON);
    await reached.evaluate(inPage(pointerOver, 0));
    await pause(reached, 500);
    coldAfterIntent.push(await reached.evaluate<number>(inPage(clickToOutput, 0, RUN, OUTPUT)));
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await reached.evaluate<number>(inPage(clickToOutput, 0, RUN, OUTPUT)));
    await reached.close();
  }
  await bare.close();
  warm = warm.slice(WARM_RUNS); // the first round's JIT warm-up is not what a reader sees
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  console.log(`cell click → first line of output, ${LESSON}, headless Chromium`);
  console.log(`  cold (nothing of the notebook loaded yet):       median ${median(cold).toFixed(1)} ms  [${list(cold)}]`);
  console.log(`  cold after a pointer over the cell:              median ${median(coldAfterIntent).toFixed(1)} ms  [${list(coldAfterIntent)}]`);
  console.log(`  warm (${warm.length} runs):                              median ${median(warm).toFixed(1)} ms  min ${Math.min(...warm).toFixed(1)}  max ${Math.max(...warm).toFixed(1)}`);
} finally {
  server.stop();
}
