// Measures how fast a cell answers in a real browser: click → output, cold and warm.
// Run with `npm run bench` (builds the site first). Prints figures; gates nothing.
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright';
import { chromiumPath } from '../scripts/chromium-path.mjs';

const PORT = 4399;
const BASE = `http://127.0.0.1:${PORT}/param-notebook/`;
const LESSON = 'lessons/01-what-are-parameters/';
const WARM_RUNS = 30;

/** Clicks Run on cell `index` and returns the ms until its output changes. */
function clickToOutput(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll('param-cell')[i];
    const output = cell.querySelector('.cell-output pre')!;
    const start = performance.now();
    const done = new Promise<number>((resolve) =>
      new MutationObserver((_, observer) => {
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

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

const server = spawn('astro', ['preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  stdio: 'ignore',
});
try {
  await waitForServer(BASE);
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const cold: number[] = [];
  const coldAfterHover: number[] = [];
  let warm: number[] = [];
  for (let round = 0; round < 5; round++) {
    const page = await browser.newPage();
    await page.goto(BASE + LESSON, { waitUntil: 'load' });
    cold.push(await clickToOutput(page, 0));
    await page.close();

    const hovered = await browser.newPage();
    await hovered.goto(BASE + LESSON, { waitUntil: 'load' });
    await hovered.locator('param-cell').first().hover();
    await hovered.waitForTimeout(300);
    coldAfterHover.push(await clickToOutput(hovered, 0));
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await clickToOutput(hovered, 0));
    await hovered.close();
  }
  await browser.close();
  warm = warm.slice(WARM_RUNS); // the first round's JIT warm-up is not what a reader sees
  console.log(`cell click → output, ${LESSON}, headless Chromium`);
  console.log(`  cold (first Run, kernel not started):      median ${median(cold).toFixed(1)} ms  [${cold.map((v) => v.toFixed(0)).join(', ')}]`);
  console.log(`  cold after hover (kernel warmed on intent): median ${median(coldAfterHover).toFixed(1)} ms  [${coldAfterHover.map((v) => v.toFixed(0)).join(', ')}]`);
  console.log(`  warm (${warm.length} runs):                         median ${median(warm).toFixed(1)} ms  min ${Math.min(...warm).toFixed(1)}  max ${Math.max(...warm).toFixed(1)}`);
} finally {
  server.kill();
}
