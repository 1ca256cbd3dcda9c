// The "Count your model" page in headless Chromium: the JavaScript it fetches before any
// interaction (gzip, every script until the page is idle, as the budget test counts it), what
// reaching for the tool adds, and how long reading a checkpoint's header takes for a 10 GB sparse
// .safetensors file (only its header written), as the page reports it; and how long Kimi K2's map
// (1.03 trillion parameters) takes to redraw: in Node alone, and in the page with its recount.
// Run with `npm run bench:count` (builds the site first). Prints figures; gates nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { modelFromConfig } from '../lib/index.ts';
import { modelMapHtml } from '../src/components/ParamMap/param-map.ts';
import { MAP_STRINGS, type MapText } from '../src/components/ParamMap/ui-strings.ts';
import { numberFormats } from '../src/i18n/number-format.ts';
import { uiText } from '../src/i18n/ui-strings.ts';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { presetById } from '../src/count/presets.ts';
import { safetensorsHeader, safetensorsPrefix, writeSparseFile } from '../tests/support/checkpoint-files.ts';
import { startPreview } from './preview-server.ts';

const PORT = 4416;
const ROUNDS = 7;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const PAGE = 'count-your-model/';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Llama-2-7B's own tensor names and shapes in bfloat16, its first 24 layers: 10.2 GB of data.
const llama = modelFromConfig({ ...presetById('llama-2-7b')!.config, num_hidden_layers: 24 });
const tensors = Object.fromEntries([...llama.stateDict()].map(([name, t]) => [name, { dtype: 'BF16', shape: [...t.shape] }]));
const { header, dataBytes } = safetensorsHeader(tensors);
const prefix = safetensorsPrefix(header);
const scratch = mkdtempSync(join(tmpdir(), 'count-bench-'));
// Two copies, read in turn, so every round is a fresh choice of file.
const files = ['a', 'b'].map((name) => {
  const path = join(scratch, `${name}.safetensors`);
  writeSparseFile(path, prefix, prefix.length + dataBytes);
  return path;
});

// The map alone: the tree, the squarified layout and the markup, for a Kimi K2 built once.
const mapText = uiText(JSON.parse(readFileSync(new URL('../content/i18n/en.json', import.meta.url), 'utf8')), MAP_STRINGS) as MapText;
const kimi = modelFromConfig({ ...presetById('kimi-k2')!.config });
const mapTimes = Array.from({ length: 15 }, () => {
  const start = performance.now();
  modelMapHtml(kimi, 'Kimi K2', mapText, numberFormats('en'));
  return performance.now() - start;
});

const server = await startPreview(PORT);
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  const page = await browser.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (/\.m?js(\?|$)/.test(response.url())) scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
  });
  const settledBytes = async () => {
    await page.waitForLoadState('networkidle');
    return (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
  };
  await page.goto(`${server.url}${PAGE}`);
  const onLoad = await settledBytes();
  await page.locator('count-your-model [data-part="drop"]').hover();
  await page.locator('count-your-model[data-ready]').waitFor();
  const toolBytes = (await settledBytes()) - onLoad;

  const times: number[] = [];
  const status = page.locator('count-your-model [data-part="status"]');
  for (let round = 0; round < ROUNDS; round++) {
    await page.locator('count-your-model [data-part="files"]').setInputFiles(files[round % 2]!);
    await status.filter({ hasText: /^Read the headers/ }).waitFor();
    times.push(Number((await status.innerText()).match(/in ([\d.,]+) ms/)![1]!.replace(/,/g, '')));
    await page.evaluate(() => (document.querySelector('count-your-model [data-part="status"]')!.textContent = ''));
  }
  // Choosing Kimi K2 and back: the page rebuilds the model, its tables and its map in the change event.
  const redraws: number[] = [];
  await page.evaluate(() => performance.clearMeasures('count:map'));
  for (let round = 0; round < ROUNDS; round++) {
    for (const id of ['kimi-k2', 'gpt2']) {
      const ms = await page.evaluate((preset) => {
        const select = document.querySelector<HTMLSelectElement>('count-your-model [data-part="preset"]')!;
        select.value = preset;
        const start = performance.now();
        select.dispatchEvent(new Event('change'));
        return performance.now() - start;
      }, id);
      if (id === 'kimi-k2') redraws.push(ms);
    }
  }
  // The map's own share of each choice, as the page measured it (every other one was GPT-2's).
  const pageMaps = (await page.evaluate(() => performance.getEntriesByName('count:map').map((entry) => entry.duration))).filter((_, i) => i % 2 === 0);
  const ms = (values: number[]) => `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  console.log(`Kimi K2's map (tree, layout, SVG and table) in Node: first ${mapTimes[0]!.toFixed(1)} ms, ${ms(mapTimes.slice(1))} (target 100 ms)`);
  console.log(`Kimi K2 chosen in the page (model, tables and map): ${ms(redraws)} over ${ROUNDS} choices; its map alone ${ms(pageMaps)}`);
  console.log(`JavaScript before any interaction (until the page is idle): ${kb(onLoad)} gzip (budget 40 KB)`);
  console.log(`Loaded when the reader reaches for the tool (the tool and the library): ${kb(toolBytes)} gzip`);
  console.log(
    `Header read of a ${((prefix.length + dataBytes) / 1e9).toFixed(2)} GB sparse .safetensors (${Object.keys(tensors).length} tensors, ` +
      `${kb(prefix.length)} header): median ${median(times)} ms, min ${Math.min(...times)} ms, max ${Math.max(...times)} ms over ${ROUNDS} reads`,
  );
} finally {
  await browser.close();
  server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
