// "Will it fit" on the Count your model page: the words, the picture and its table without
// JavaScript, the live redraw, bad input named field by field, and axe in both themes.
import { expect, type Page, test } from '@playwright/test';
import { violationsInBothThemes } from '../support/axe.ts';

const PAGE = 'count-your-model/';
const tool = (page: Page) => page.locator('count-your-model');
const fitSection = (page: Page) => tool(page).locator('[data-part="model"] section', { has: page.locator('h3', { hasText: /^Will it fit/ }) });

async function openTool(page: Page, url = PAGE) {
  await page.goto(url);
  await tool(page).locator('[data-part="drop"]').hover();
  await expect(tool(page)).toHaveAttribute('data-ready', '');
}

test('the verdict, the picture and its table are in the page without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const section = fitSection(page);
  await expect(section.locator('h3')).toHaveText('Will it fit on GeForce RTX 4090?');
  await expect(section).toContainText('Yes: serving it with its weights in bfloat16, batch 1 × 4,096 tokens');
  await expect(section).toContainText('The longest context that fits with batch 1: 18,145 tokens.');
  // The picture has a name, and its numbers are a table with a row per bar.
  const picture = section.locator('svg[role="img"]');
  await expect(picture).toHaveAttribute('aria-label', /^Where the bytes go, per GPU, against the 25\.77 GB of GeForce RTX 4090$/);
  const rows = section.locator('table tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(picture.locator('text[text-anchor="end"]')).toHaveCount(7);
  await expect(rows.first().locator('td').first()).toHaveText('serving, bfloat16');
  await expect(rows.first().locator('td').last()).toHaveText('yes');
  await context.close();
});

test('the KV cache, the verdict and the picture follow the inputs, which travel in the link', async ({ page, context }) => {
  test.slow(); // two pages, each recounting a 7B model several times
  await openTool(page);
  await tool(page).locator('[data-part="preset"]').selectOption('mistral-7b');
  await tool(page).locator('[data-part="tokens"]').fill('32768');
  await tool(page).locator('[data-part="tokens"]').press('Enter');
  const memory = tool(page).locator('[data-part="model"] section', { has: page.locator('h3', { hasText: /^Memory$/ }) });
  await expect(memory).toContainText('sliding window: the last 4,096 tokens');
  await expect(memory).toContainText('8× as much');

  await tool(page).locator('[data-part="gpu"]').selectOption('h100');
  await expect(fitSection(page).locator('h3')).toHaveText('Will it fit on H100 SXM?');
  await expect(fitSection(page).locator('svg text', { hasText: /^H100 SXM: / })).toHaveCount(1);

  // A size typed for the card: a card of that size, too small for the weights alone.
  await tool(page).locator('[data-part="memory"]').fill('8 GB');
  await tool(page).locator('[data-part="memory"]').press('Enter');
  await expect(tool(page).locator('[data-part="gpu"]')).toHaveValue('custom');
  await expect(fitSection(page).locator('h3')).toHaveText('Will it fit on a card of 8 GB?');
  await expect(fitSection(page)).toContainText('No: serving it with its weights in bfloat16');
  await tool(page).locator('[data-part="format"]').selectOption('gguf:Q4_K_M');
  await expect(fitSection(page)).toContainText('Yes: serving it with its weights in GGUF Q4_K_M');
  const shared = page.url();
  expect(new URL(shared).hash).toContain('gpu=custom&mem=8+GB');

  const other = await context.newPage();
  await other.goto(shared);
  await expect(tool(other)).toHaveAttribute('data-ready', '');
  await expect(tool(other).locator('[data-part="memory"]')).toHaveValue('8 GB');
  await expect(fitSection(other)).toContainText('Yes: serving it with its weights in GGUF Q4_K_M');
});

test('a context, batch or GPU memory the page cannot use is named, and the tables keep working', async ({ page }) => {
  test.slow(); // every change recounts the model
  await openTool(page);
  const errors = tool(page).locator('[data-part="input-errors"]');
  const before = await fitSection(page).innerText();
  const batch = tool(page).locator('[data-part="batch"]');
  await batch.fill('0');
  await batch.press('Enter');
  await expect(errors).toHaveText('Batch: “0” is not a whole number from 1 to 65,536. The tables still use 1.');
  await expect(batch).toHaveAttribute('aria-invalid', 'true');
  expect(await fitSection(page).innerText()).toBe(before);

  await batch.fill('2');
  await batch.press('Enter');
  await expect(errors).toBeHidden();
  await expect(batch).not.toHaveAttribute('aria-invalid');
  await expect(fitSection(page)).toContainText('batch 2 × 4,096 tokens');

  const tokens = tool(page).locator('[data-part="tokens"]');
  await tokens.fill('20000000');
  await tokens.press('Enter');
  await expect(errors).toContainText('Context (tokens): “20000000” is not a whole number from 1 to 10,000,000.');

  const memory = tool(page).locator('[data-part="memory"]');
  await memory.fill('lots');
  await memory.press('Enter');
  await expect(errors).toContainText('GPU memory: “lots” is not a memory size such as 24 GB, 80 GiB or 1.5 TB.');
  await expect(fitSection(page).locator('h3')).toHaveText('Will it fit?');
  await expect(fitSection(page)).toContainText('Type the card’s memory, such as 24 GB, to see whether the model fits.');
  // The rest of the page still counts.
  await tool(page).locator('[data-part="preset"]').selectOption('gpt2');
  await expect(tool(page).locator('[data-part="model"] h3').first()).toHaveText('Parameters of GPT-2 small');
});

test('the tool with its picture has no accessibility violations in the light and the dark theme', async ({ page }) => {
  test.slow();
  await openTool(page);
  await tool(page).locator('[data-part="batch"]').fill('0');
  await tool(page).locator('[data-part="batch"]').press('Enter');
  await expect(tool(page).locator('[data-part="input-errors"]')).toBeVisible();
  expect(await violationsInBothThemes(page, { include: ['count-your-model'] })).toEqual([]);
});
