// The "Count your model" page with real files: sparse multi-GB checkpoints whose headers alone are
// real, written by each test into its own folder, read by the page in the browser.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { describeViolations, violations } from '../support/axe.ts';
import {
  GPTQ_CONFIG,
  ggufBytes,
  ggufF32 as f32,
  LLAMA_3_2_1B,
  llamaGptqHeader,
  safetensorsHeader,
  safetensorsPrefix,
  writeSparseFile,
} from '../support/checkpoint-files.ts';

const PAGE = 'count-your-model/';
const tool = (page: Page) => page.locator('count-your-model');

/** Opens the page and brings the tool to life the way a reader does: by reaching for it. */
async function openTool(page: Page, url = PAGE) {
  await page.goto(url);
  await tool(page).locator('[data-part="drop"]').hover();
  await expect(tool(page)).toHaveAttribute('data-ready', '');
}

/** Writes a sparse safetensors file: its real header, then `dataBytes` never written. */
function sparseSafetensors(path: string, tensors: Parameters<typeof safetensorsHeader>[0]): number {
  const { header, dataBytes } = safetensorsHeader(tensors);
  const prefix = safetensorsPrefix(header);
  writeSparseFile(path, prefix, prefix.length + dataBytes);
  return prefix.length + dataBytes;
}

const en = (n: number) => n.toLocaleString('en-US');

// Llama-2-7B's embedding and head in BF16: 2 · 32000 · 4096 elements, 524 MB, plus one layer's MLP.
const LLAMA_PARTS = {
  'model.embed_tokens.weight': { dtype: 'BF16', shape: [32000, 4096] },
  'model.layers.0.mlp.gate_proj.weight': { dtype: 'BF16', shape: [11008, 4096] },
  'model.layers.0.mlp.up_proj.weight': { dtype: 'BF16', shape: [11008, 4096] },
  'model.layers.0.mlp.down_proj.weight': { dtype: 'BF16', shape: [4096, 11008] },
  'lm_head.weight': { dtype: 'BF16', shape: [32000, 4096] },
};
const LLAMA_PARTS_COUNT = 2 * 32000 * 4096 + 3 * 11008 * 4096;

test('a 4 GB sparse safetensors file is counted exactly from its header', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('model.safetensors');
  // One F32 matrix of 2^30 elements: 4 GiB of data, never written, next to Llama's parts.
  const bytes = sparseSafetensors(path, { ...LLAMA_PARTS, 'big.weight': { dtype: 'F32', shape: [2 ** 15, 2 ** 15] } });
  expect(bytes).toBeGreaterThan(4 * 2 ** 30);
  await openTool(page);
  await tool(page).locator('[data-part="files"]').setInputFiles(path);
  const results = tool(page).locator('[data-part="checkpoint"]');
  await expect(results).toContainText(`${en(LLAMA_PARTS_COUNT + 2 ** 30)} parameters`);
  await expect(results.locator('td', { hasText: /^BF16$/ })).toHaveCount(1);
  await expect(results.locator('td', { hasText: 'model.layers.*.mlp.up_proj' })).toHaveCount(1);
  await expect(tool(page).locator('[data-part="status"]')).toContainText(/Read the headers of 1 file\(s\) in [\d.]+ ms/);
  // The default preset is no one's choice: the file is compared with no model.
  await expect(results).toContainText('To compare the checkpoint with its model tensor by tensor, choose a preset');
  await expect(results).not.toContainText('Your checkpoint against');
});

test('a sharded pair with its index adds up, and a missing shard is named', async ({ page }, testInfo) => {
  const [first, second] = ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'];
  const { 'lm_head.weight': head, ...body } = LLAMA_PARTS;
  sparseSafetensors(testInfo.outputPath(first), body);
  sparseSafetensors(testInfo.outputPath(second), { 'lm_head.weight': head });
  const weightMap = Object.fromEntries([...Object.keys(body).map((name) => [name, first]), ['lm_head.weight', second]]);
  const index = testInfo.outputPath('model.safetensors.index.json');
  writeFileSync(index, JSON.stringify({ metadata: {}, weight_map: weightMap }));

  await openTool(page);
  const input = tool(page).locator('[data-part="files"]');
  await input.setInputFiles([testInfo.outputPath(first), testInfo.outputPath(second), index]);
  const results = tool(page).locator('[data-part="checkpoint"]');
  await expect(results).toContainText(`${en(LLAMA_PARTS_COUNT)} parameters`);
  await expect(results.locator('tbody tr', { hasText: '.safetensors' })).toHaveCount(2);
  await expect(results).toContainText('model.safetensors.index.json lists 5 tensors');

  await input.setInputFiles([testInfo.outputPath(first), index]);
  await expect(results).toContainText(`The index puts 1 tensors in ${second}, which you have not chosen`);
});

test('a GGUF file is counted from its header, tensor types named', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('simple.Q4_K.gguf');
  const bytes = ggufBytes({ 'general.architecture': { type: 'string', value: 'llama' } }, [
    { name: 'token_embd.weight', shape: [256, 4], type: 12, bytes: 4 * 144 },
    { name: 'output_norm.weight', shape: [256], type: 0, bytes: 1024 },
  ]);
  writeFileSync(path, bytes);
  await openTool(page);
  await tool(page).locator('[data-part="files"]').setInputFiles(path);
  const results = tool(page).locator('[data-part="checkpoint"]');
  await expect(results).toContainText(`${en(256 * 4 + 256)} parameters`);
  await expect(results.locator('td', { hasText: /^Q4_K$/ })).toHaveCount(1);
  await expect(results.locator('td', { hasText: /^gguf$/ })).toHaveCount(1);
});

test('a corrupt file gets a message naming it and its problem, and the page keeps what it showed', async ({ page }, testInfo) => {
  const good = testInfo.outputPath('good.safetensors');
  sparseSafetensors(good, LLAMA_PARTS);
  await openTool(page);
  const input = tool(page).locator('[data-part="files"]');
  await input.setInputFiles(good);
  const results = tool(page).locator('[data-part="checkpoint"]');
  await expect(results).toContainText(`${en(LLAMA_PARTS_COUNT)} parameters`);

  // Claims a 64-byte header but the JSON is cut short.
  const broken = Buffer.concat([Buffer.from([64, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"w": {"dtype": "F32", "shape": [2], "data_offs'.padEnd(64))]);
  await input.setInputFiles({ name: 'broken.safetensors', mimeType: 'application/octet-stream', buffer: broken });
  const errors = tool(page).locator('[data-part="errors"]');
  await expect(errors).toBeVisible();
  await expect(errors).toContainText('broken.safetensors: the header is not JSON');
  await expect(results).toContainText(`${en(LLAMA_PARTS_COUNT)} parameters`);

  // And it still reads the next good file.
  await input.setInputFiles(good);
  await expect(errors).toBeHidden();
});

test('no request carries file bytes, and none at all is made once a file is chosen', async ({ page }, testInfo) => {
  const requests: { url: string; method: string; body: Buffer | null }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postDataBuffer() }));
  const path = testInfo.outputPath('model.safetensors');
  sparseSafetensors(path, LLAMA_PARTS);
  await openTool(page);
  await page.waitForLoadState('networkidle');
  const before = requests.length;
  await tool(page).locator('[data-part="files"]').setInputFiles(path);
  // The status says the read is over, and the results come in the same step.
  await expect(tool(page).locator('[data-part="status"]')).toContainText(/Read the headers of 1 file/);
  await expect(tool(page).locator('[data-part="checkpoint"]')).toContainText('parameters');
  // A request of our own, made after the read: the browser reports requests in the order the page
  // makes them, so once this one is reported, any the read made has been reported before it.
  const marker = new URL('?after-the-read', page.url()).href;
  const reported = page.waitForRequest(marker);
  await page.evaluate((url) => fetch(url), marker);
  await reported;
  expect(requests.slice(before, requests.findIndex((r) => r.url === marker))).toEqual([]);
  expect(requests.filter((r) => r.method !== 'GET' || r.body !== null)).toEqual([]);
});

test('the page with a checkpoint read has no accessibility violations', async ({ page }, testInfo) => {
  test.slow();
  const path = testInfo.outputPath('model.safetensors');
  sparseSafetensors(path, LLAMA_PARTS);
  await openTool(page);
  await tool(page).locator('[data-part="files"]').setInputFiles(path);
  await expect(tool(page).locator('[data-part="checkpoint"] table')).toHaveCount(3);
  expect(describeViolations(await violations(page, { include: ['count-your-model'] }), 'light')).toEqual([]);
});

test('the sidebar of both languages leads to the page', async ({ page }) => {
  for (const [url, title] of [['lessons/01-what-are-parameters/', 'Count your model'], ['zh-cn/lessons/01-what-are-parameters/', '数一数你的模型']]) {
    await page.goto(url);
    await page.locator('.sidebar-content a', { hasText: title }).click();
    await expect(page.locator('h1')).toHaveText(title);
  }
});

const TINY_LLAMA = {
  model_type: 'llama', vocab_size: 2, hidden_size: 2, intermediate_size: 1,
  num_hidden_layers: 1, num_attention_heads: 1, tie_word_embeddings: true,
};
/** The row of the model's parameter table that starts with `label`. */
const parameterRow = (page: Page, label: string) =>
  tool(page).locator('[data-part="model"] tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${label}$`) }) });

test.describe('from a config', () => {
  test('the preset tables are in the page without JavaScript, computed when it was built', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PAGE);
    await expect(parameterRow(page, 'total')).toContainText('6,738,415,616');
    await expect(page.locator('.count-presets tr', { hasText: 'Mixtral-8x7B-v0.1' })).toContainText('46,702,792,704');
    await context.close();
  });

  test('every input lives in the address: a shared link opens the same calculation', async ({ page, context }) => {
    await openTool(page);
    await tool(page).locator('[data-part="preset"]').selectOption('mistral-7b');
    await tool(page).locator('[data-part="batch"]').fill('4');
    await tool(page).locator('[data-part="tokens"]').fill('8192');
    await tool(page).locator('[data-part="kv"]').selectOption('float8_e4m3fn');
    await tool(page).locator('[data-part="rank"]').fill('16');
    await tool(page).locator('[name="target"][value="o_proj"]').check();
    await expect(tool(page).locator('[data-part="model"]')).toContainText('Rank 16 adapters on q_proj, v_proj, o_proj');
    const tables = await tool(page).locator('[data-part="model"]').innerText();
    const shared = page.url();
    expect(new URL(shared).hash).toContain('preset=mistral-7b');

    const other = await context.newPage();
    await other.goto(shared);
    await expect(tool(other)).toHaveAttribute('data-ready', '');
    await expect(tool(other).locator('[data-part="batch"]')).toHaveValue('4');
    await expect(tool(other).locator('[data-part="kv"]')).toHaveValue('float8_e4m3fn');
    await expect(tool(other).locator('[name="target"][value="o_proj"]')).toBeChecked();
    expect(await tool(other).locator('[data-part="model"]').innerText()).toBe(tables);
  });

  test('a pasted config is counted, travels in the link, and a bad one keeps the last tables', async ({ page, context }) => {
    // Five configs typed, each after the typing pause, and a second page: over 30 s on a busy machine.
    test.slow();
    await openTool(page);
    const config = tool(page).locator('[data-part="config"]');
    // JSON reads in the code font, not in the shared field style's inherited one.
    const fontOf = (selector: string) => page.evaluate((s) => getComputedStyle(document.querySelector(s)!).fontFamily, selector);
    expect(await fontOf('count-your-model [data-part="config"]')).toBe(await fontOf('main p code'));
    await config.fill(JSON.stringify(TINY_LLAMA));
    await expect(parameterRow(page, 'total')).toContainText('32');
    await expect(tool(page).locator('[data-part="preset"]')).toHaveValue('');
    const shared = page.url();

    await config.fill('{"model_type": "llama", ');
    const error = tool(page).locator('[data-part="config-error"]');
    await expect(error).toContainText('The config is not JSON');
    await config.fill(JSON.stringify({ ...TINY_LLAMA, model_type: 'lstm' }));
    await expect(error).toContainText('"model_type" "lstm" is not one this page builds; it builds llama, mistral');
    await config.fill(JSON.stringify({ ...TINY_LLAMA, num_key_value_heads: 3 }));
    await expect(error).toContainText('"num_attention_heads" (1) must be a multiple of "num_key_value_heads" (3).');
    await expect(parameterRow(page, 'total')).toContainText('32');

    const other = await context.newPage();
    await other.goto(shared);
    await expect(parameterRow(other, 'total')).toContainText('32');
    expect(JSON.parse(await tool(other).locator('[data-part="config"]').inputValue())).toEqual(TINY_LLAMA);
  });

  test('a Hugging Face repo id fetches its config.json (the Hub mocked), and a failed fetch leaves the page working', async ({ page }) => {
    const asked: string[] = [];
    await page.route('https://huggingface.co/**', (route) => {
      asked.push(route.request().url());
      return route.request().url().includes('/missing/')
        ? route.fulfill({ status: 404, body: 'Not found' })
        : route.fulfill({ json: { ...TINY_LLAMA, _name_or_path: 'tiny' } });
    });
    await openTool(page);
    await tool(page).locator('[data-part="repo"]').fill('someone/tiny-llama');
    await tool(page).locator('[data-action="fetch-config"]').click();
    await expect(parameterRow(page, 'total')).toContainText('32');
    await expect(tool(page).locator('[data-part="status"]')).toContainText('Fetched the config.json of someone/tiny-llama');
    expect(asked).toEqual(['https://huggingface.co/someone/tiny-llama/resolve/main/config.json']);

    await tool(page).locator('[data-part="repo"]').fill('someone/missing');
    await tool(page).locator('[data-action="fetch-config"]').click();
    await expect(tool(page).locator('[data-part="config-error"]')).toContainText('HTTP 404');
    await expect(parameterRow(page, 'total')).toContainText('32');
  });

  test('a checkpoint is compared with the config tensor by tensor, its tied head explained', async ({ page }, testInfo) => {
    const path = testInfo.outputPath('tiny.safetensors');
    const layer = 'model.layers.0';
    sparseSafetensors(path, {
      'model.embed_tokens.weight': { dtype: 'F32', shape: [2, 2] },
      [`${layer}.self_attn.q_proj.weight`]: { dtype: 'F32', shape: [2, 2] },
      [`${layer}.self_attn.k_proj.weight`]: { dtype: 'F32', shape: [2, 2] },
      [`${layer}.self_attn.v_proj.weight`]: { dtype: 'F32', shape: [2, 3] },
      [`${layer}.mlp.gate_proj.weight`]: { dtype: 'F32', shape: [1, 2] },
      [`${layer}.mlp.up_proj.weight`]: { dtype: 'F32', shape: [1, 2] },
      [`${layer}.mlp.down_proj.weight`]: { dtype: 'F32', shape: [2, 1] },
      [`${layer}.input_layernorm.weight`]: { dtype: 'F32', shape: [2] },
      [`${layer}.post_attention_layernorm.weight`]: { dtype: 'F32', shape: [2] },
      'model.norm.weight': { dtype: 'F32', shape: [2] },
      'model.rotary.extra': { dtype: 'F32', shape: [1] },
    });
    await openTool(page);
    await tool(page).locator('[data-part="config"]').fill(JSON.stringify(TINY_LLAMA));
    await expect(parameterRow(page, 'total')).toContainText('32');
    await tool(page).locator('[data-part="files"]').setInputFiles(path);
    const results = tool(page).locator('[data-part="checkpoint"]');
    await expect(results).toContainText("9 of the model's 12 tensors");
    const counts = results.getByRole('table', { name: 'Tensors compared' });
    for (const [kind, n] of [['matching', '9'], ['missing', '1'], ['extra', '1'], ['shaped differently', '1']]) {
      await expect(counts.locator('tr', { has: page.locator(`td:text-is("${kind}")`) })).toContainText(n!);
    }
    await expect(results.locator('p', { hasText: 'In the model but not in the files (1):' })).toBeVisible();
    await expect(results.locator('li', { hasText: `${layer}.self_attn.o_proj.weight [2, 2]` })).toBeVisible();
    await expect(results.locator('li', { hasText: 'model.rotary.extra [1]' })).toBeVisible();
    await expect(results.locator('li', { hasText: `${layer}.self_attn.v_proj.weight: [2, 3] in the file, [2, 2] in the model` })).toBeVisible();
    await expect(results).toContainText('lm_head.weight is not in the files because it is tied to model.embed_tokens.weight');
  });

  test('a GGUF file is compared under its Hugging Face names, every tensor matching', async ({ page }, testInfo) => {
    const path = testInfo.outputPath('tiny.gguf');
    // Named and shaped as llama.cpp writes them: ne[0], the row length, first.
    writeFileSync(path, ggufBytes({ 'general.architecture': { type: 'string', value: 'llama' } }, [
      f32('token_embd.weight', 2, 2), f32('output.weight', 2, 2), f32('output_norm.weight', 2), f32('rope_freqs.weight', 1),
      f32('blk.0.attn_norm.weight', 2), f32('blk.0.attn_q.weight', 2, 2), f32('blk.0.attn_k.weight', 2, 2),
      f32('blk.0.attn_v.weight', 2, 2), f32('blk.0.attn_output.weight', 2, 2), f32('blk.0.ffn_norm.weight', 2),
      f32('blk.0.ffn_gate.weight', 2, 1), f32('blk.0.ffn_up.weight', 2, 1), f32('blk.0.ffn_down.weight', 1, 2),
    ]));
    await openTool(page);
    await tool(page).locator('[data-part="config"]').fill(JSON.stringify({ ...TINY_LLAMA, tie_word_embeddings: false }));
    await expect(parameterRow(page, 'total')).toContainText('36');
    await tool(page).locator('[data-part="files"]').setInputFiles(path);
    const results = tool(page).locator('[data-part="checkpoint"]');
    await expect(results).toContainText('36 parameters (36) in 12 tensors.');
    await expect(results).toContainText('Only in the GGUF file: rope_freqs.weight [1].');
    await expect(results).toContainText("12 of the model's 12 tensors are in the files with the same name and shape.");
    await expect(results).toContainText('GGUF tensors are compared under the Hugging Face names they were converted from');
    await expect(results).toContainText('Nothing is missing, extra or shaped differently.');
  });

  test('a GPTQ-packed Llama-3.2-1B with its config.json counts 1,235,814,400 parameters and matches its model', async ({ page }, testInfo) => {
    test.slow();
    const { header, dataBytes } = safetensorsHeader(llamaGptqHeader());
    const prefix = safetensorsPrefix(header);
    const model = testInfo.outputPath('model.safetensors');
    writeSparseFile(model, prefix, prefix.length + dataBytes);
    const config = testInfo.outputPath('config.json');
    writeFileSync(config, JSON.stringify({ ...LLAMA_3_2_1B, ...GPTQ_CONFIG }));
    await openTool(page);
    await tool(page).locator('[data-part="files"]').setInputFiles([config, model]);
    const results = tool(page).locator('[data-part="checkpoint"]');
    await expect(results).toContainText('1,235,814,400 parameters (1.24B) in 146 tensors.');
    // 1,235,814,400 less the 262,735,872 of the embedding and norms, in 112 packed weights.
    const packed = results.getByRole('table', { name: 'Weights stored packed, counted as the parameters they stand for' });
    await expect(packed.locator('tbody tr')).toHaveText(['GPTQ4112973,078,528']);
    await expect(results).toContainText("146 of the model's 147 tensors are in the files with the same name and shape.");
    await expect(results).toContainText('lm_head.weight is not in the files because it is tied to model.embed_tokens.weight');
    await expect(parameterRow(page, 'total')).toContainText('1,235,814,400');
    // 112 packed weights: five listed, the rest behind a disclosure that opens.
    const more = results.locator('details', { hasText: '107 more' });
    await expect(more.locator('li')).toHaveCount(107);
    await more.locator('summary').click();
    await expect(more.locator('li').first()).toBeVisible();
    expect(describeViolations(await violations(page, { include: ['count-your-model'] }), 'light')).toEqual([]);
  });

  test('Copy as Markdown puts the tables on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openTool(page);
    await tool(page).locator('[data-action="copy-markdown"]').click();
    await expect(tool(page).locator('[data-part="status"]')).toHaveText('Copied the tables as Markdown.');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('### Parameters of Llama-2-7B');
    expect(markdown).toContain('| total | 6,738,415,616 | 6.74B |');
    expect(markdown).toContain('| trainable, r · (in + out) per matrix | 4,194,304 |');
  });

  test('the Chinese page writes its numbers the Chinese way', async ({ page }) => {
    await openTool(page, `zh-cn/${PAGE}`);
    await expect(parameterRow(page, '总数')).toContainText('6,738,415,616');
    await expect(parameterRow(page, '总数')).toContainText('67.38亿');
    // A config the library refuses is explained in Chinese too.
    await tool(page).locator('[data-part="config"]').fill(JSON.stringify({ ...TINY_LLAMA, hidden_size: 0 }));
    await expect(tool(page).locator('[data-part="config-error"]')).toHaveText(
      '"hidden_size" 必须是正整数，而不是 0。 表格仍显示上一次成功读取的模型。',
    );
  });
});

// A tiny Llama's folder as the Hub serves it: config.json, the shard index and two shards, a README,
// and a subfolder of other weights that is no part of this checkpoint.
const TINY_TENSORS = {
  'model.embed_tokens.weight': { dtype: 'F32', shape: [2, 2] },
  'model.layers.0.self_attn.q_proj.weight': { dtype: 'F32', shape: [2, 2] },
  'model.layers.0.self_attn.k_proj.weight': { dtype: 'F32', shape: [2, 2] },
  'model.layers.0.self_attn.v_proj.weight': { dtype: 'F32', shape: [2, 2] },
  'model.layers.0.self_attn.o_proj.weight': { dtype: 'F32', shape: [2, 2] },
  'model.layers.0.mlp.gate_proj.weight': { dtype: 'F32', shape: [1, 2] },
  'model.layers.0.mlp.up_proj.weight': { dtype: 'F32', shape: [1, 2] },
  'model.layers.0.mlp.down_proj.weight': { dtype: 'F32', shape: [2, 1] },
  'model.layers.0.input_layernorm.weight': { dtype: 'F32', shape: [2] },
  'model.layers.0.post_attention_layernorm.weight': { dtype: 'F32', shape: [2] },
  'model.norm.weight': { dtype: 'F32', shape: [2] },
};

function tinyFolder(folder: string): string[] {
  mkdirSync(join(folder, 'original'), { recursive: true });
  const names = Object.keys(TINY_TENSORS);
  const [first, second] = ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'];
  sparseSafetensors(join(folder, first), Object.fromEntries(Object.entries(TINY_TENSORS).slice(0, 6)));
  sparseSafetensors(join(folder, second), Object.fromEntries(Object.entries(TINY_TENSORS).slice(6)));
  const weightMap = Object.fromEntries(names.map((name, i) => [name, i < 6 ? first : second]));
  writeFileSync(join(folder, 'model.safetensors.index.json'), JSON.stringify({ metadata: {}, weight_map: weightMap }));
  writeFileSync(join(folder, 'config.json'), JSON.stringify(TINY_LLAMA));
  writeFileSync(join(folder, 'README.md'), '# tiny');
  writeFileSync(join(folder, 'original', 'params.json'), '{}');
  return ['config.json', 'model.safetensors.index.json', first, second, 'README.md'];
}

/** What the page shows once it has read the tiny folder: counted, and compared with its own config. */
async function expectTinyFolderRead(page: Page) {
  const results = tool(page).locator('[data-part="checkpoint"]');
  await expect(tool(page).locator('[data-part="status"]')).toContainText('Counted config.json from the files as the config');
  expect(JSON.parse(await tool(page).locator('[data-part="config"]').inputValue())).toEqual(TINY_LLAMA);
  await expect(parameterRow(page, 'total')).toContainText('32');
  await expect(results).toContainText('32 parameters (32) in 11 tensors.');
  await expect(results).toContainText('Not read: README.md.');
  await expect(results).not.toContainText('params.json');
  await expect(results).toContainText("11 of the model's 12 tensors are in the files with the same name and shape.");
  await expect(results).toContainText('Nothing is missing, extra or shaped differently.');
}

test("a model's folder chosen whole is counted and compared with its own config.json", async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('tiny-llama');
  tinyFolder(folder);
  await openTool(page);
  await tool(page).locator('[data-part="folder"]').setInputFiles(folder);
  await expectTinyFolderRead(page);
});

test("a model's files dropped on the page are counted and compared with their config.json", async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('tiny-llama');
  const files = tinyFolder(folder).map((name) => ({ name, bytes: [...readFileSync(join(folder, name))] }));
  await openTool(page);
  const transfer = await page.evaluateHandle((list) => {
    const dropped = new DataTransfer();
    for (const { name, bytes } of list) dropped.items.add(new File([new Uint8Array(bytes)], name));
    return dropped;
  }, files);
  await tool(page).locator('[data-part="drop"]').dispatchEvent('drop', { dataTransfer: transfer });
  await expectTinyFolderRead(page);
});
