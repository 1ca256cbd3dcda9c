// How long building and counting a language model from its config.json takes, and what it holds
// in memory: in Node, and in a lesson page's kernel in headless Chromium, running the same cell.
// First Kimi K2 (61 layers × 384 experts, 1.03 trillion parameters) built and counted on the
// kernel's first call, target ≤ 50 ms; then a 10,000-layer config, target ≤ 1 s; then every config
// of the fixtures, first build and median. No weight storage is allocated. Run with
// `npm run bench:llm` (builds the site first; PORT picks the preview server's port). Prints figures;
// gates nothing.
import { registerHooks } from 'node:module';
import { chromium } from 'playwright';
import * as lib from 'lib';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import fixtures from '../tests/fixtures/pytorch-llm.json' with { type: 'json' };
import fixtures2026 from '../tests/fixtures/pytorch-llm-2026.json' with { type: 'json' };
import { startPreview } from './preview-server.ts';

// The kernel's compiler imports sucrase's parser modules by bare paths (`./base`, `./plugins/jsx`),
// as a bundler resolves them: a file with `.js` added, or a folder's index.js.
registerHooks({
  resolve(specifier, context, next) {
    if (!(specifier.startsWith('.') && context.parentURL?.includes('/sucrase/') && !specifier.endsWith('.js'))) {
      return next(specifier, context);
    }
    try {
      return next(`${specifier}.js`, context);
    } catch {
      return next(`${specifier}/index.js`, context);
    }
  },
});
const { createNodeKernel } = await import('../src/notebook/runtime/run-in-node.ts');

const PORT = Number(process.env.PORT ?? 4398);
const LESSON = 'lessons/01-what-are-parameters/';
// The largest first, after Kimi K2, which the JIT sees first.
const models = [...Object.entries(fixtures.models), ...Object.entries(fixtures2026.models)].sort(([, a], [, b]) => b.total - a.total);
const names = models.map(([name]) => name);
const configs = Object.fromEntries(models.map(([name, { config }]) => [name, config]));
const kimi = fixtures2026.models['kimi-k2'].config;
const deep = { ...fixtures.models['Llama-2-7B'].config, num_hidden_layers: 10_000 };

// Two cells, each run in both places (a page's kernel stops a run after 10 s): Kimi K2 on the
// first call (with the heap it grows where the runtime says: Node's process.memoryUsage,
// Chromium's performance.memory), then the first build of each config and the median of 7 more;
// then the 10,000-layer config.
const cell = `import { countActiveParameters, countParameters, modelFromConfig } from "lib";

const heap = (): number | undefined =>
  (globalThis as { process?: { memoryUsage(): { heapUsed: number } } }).process?.memoryUsage().heapUsed ??
  (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
const heapBefore = heap();
const kimiStart = performance.now();
const kimi = modelFromConfig(${JSON.stringify(kimi)});
const kimiTotal = countParameters(kimi);
const kimiActive = countActiveParameters(kimi, { inputEmbedding: false });
const kimiTime = performance.now() - kimiStart;
const heapAfter = heap();
const grown = heapBefore === undefined || heapAfter === undefined ? 'not measurable here' : \`\${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB (no GC forced)\`;
console.log(\`  Kimi K2 first call: build + count \${kimiTime.toFixed(1)} ms, \${kimiTotal.toLocaleString("en-US")} parameters, \${kimiActive.toLocaleString("en-US")} active; heap grown \${grown}\`);

const configs: Record<string, Record<string, unknown>> = ${JSON.stringify(configs)};
const buildAndCount = (config: Record<string, unknown>) => {
  const model = modelFromConfig(config);
  return countParameters(model) + countActiveParameters(model);
};
const time = (config: Record<string, unknown>) => {
  const start = performance.now();
  buildAndCount(config);
  return performance.now() - start;
};
for (const [name, config] of Object.entries(configs)) {
  const first = time(config);
  const rest = Array.from({ length: 7 }, () => time(config)).sort((a, b) => a - b);
  console.log(\`  \${name.padEnd(22)} first \${first.toFixed(1).padStart(5)} ms   median \${rest[3]!.toFixed(1).padStart(5)} ms   max \${rest[6]!.toFixed(1).padStart(5)} ms\`);
}`;
const DEEP_LINE = '10,000 layers';
const deepCell = `import { countParameters, modelFromConfig } from "lib";

const start = performance.now();
const deep = modelFromConfig(${JSON.stringify(deep)});
const total = countParameters(deep);
console.log(\`  ${DEEP_LINE} (Llama-2-7B's sizes): build + count \${(performance.now() - start).toFixed(0)} ms, \${total.toLocaleString("en-US")} parameters\`);`;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

console.log('build + countParameters + countActiveParameters, Node (the kernel core, as the build runs cells)');
const kernel = createNodeKernel({ lib });
for (const [file, code] of [['bench.ts', cell], ['deep.ts', deepCell]]) {
  const node = await kernel.run(file, code);
  if (node.error) throw new Error(JSON.stringify(node.error));
  for (const line of node.outputs) console.log(line.text);
}

// What one model holds: measured after a full GC, with the model still referenced.
const gc = (globalThis as { gc?: () => void }).gc;
for (const [name, config] of [['Mixtral 8x7B', fixtures.models['Mixtral-8x7B-v0.1'].config], ['Kimi K2', kimi]] as const) {
  gc?.();
  const before = process.memoryUsage();
  const model = lib.modelFromConfig(config);
  gc?.();
  const after = process.memoryUsage();
  console.log(`${name} in Node: ${lib.countParameters(model).toLocaleString('en-US')} parameters held as shapes`);
  console.log(`  JS heap ${mb(after.heapUsed - before.heapUsed)}, array buffers (weight storage) ${mb(after.arrayBuffers - before.arrayBuffers)}${gc ? '' : ' (run with --expose-gc for exact figures)'}`);
}

const server = await startPreview(PORT);
try {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const page = await browser.newPage();
  await page.goto(server.url + LESSON);
  const first = page.locator('param-cell').first();
  console.log('the same cells in a lesson page kernel (Web Worker), headless Chromium');
  for (const [code, last] of [[cell, names.at(-1)!], [deepCell, DEEP_LINE]] as const) {
    // The cell's source is replaced as a reader's edit would be, then run in the page's kernel.
    await first.locator('[data-part="code"]').click();
    const editor = first.locator('.cm-content');
    await editor.focus();
    await editor.press('ControlOrMeta+a');
    await page.keyboard.insertText(code);
    await first.locator('[data-action="run"]').click();
    const output = first.locator('[data-part="output"]:not([data-origin])');
    // Either the last line, or the kernel's own word that the run stopped (its 10 s limit).
    await output.getByText(last).or(output.locator('[data-part="error"], .error')).first().waitFor({ timeout: 120_000 }).catch(() => {});
    console.log(await output.innerText());
  }
  await browser.close();
} finally {
  server.stop();
}
