// The overfitting lab of lesson 4: its controls, live training in a worker, the sweep, the state
// kept in the URL hash, and the figures built into the page for readers without JavaScript.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { LESSON as FIRST_LESSON } from '../support/notebook-page.ts';

const LESSON = 'lessons/04-where-overfitting-comes-from/';
const SWEEP_WIDTHS = 10;

const lab = (page: Page) => page.locator('overfit-lab');
const part = (page: Page, name: string) => lab(page).locator(`[data-part="${name}"]`);

/** Opens lesson 4 and scrolls to the lab, which comes alive as the reader nears it. */
async function openLab(page: Page, url = LESSON) {
  await page.goto(url);
  await lab(page).scrollIntoViewIfNeeded();
  await expect(lab(page).locator('form')).toBeVisible();
}
const button = (page: Page, name: string) => lab(page).getByRole('button', { name, exact: true });
const control = (page: Page, label: string) => lab(page).getByLabel(label, { exact: true });

/** The number of points a chart's path goes through. */
async function pathPoints(path: Locator): Promise<number> {
  const d = (await path.getAttribute('d')) ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

test('moving the width slider updates the parameter count and the URL', async ({ page }) => {
  await openLab(page);
  const count = part(page, 'count');
  await expect(count).toContainText('1,153 parameters for 12 training points'); // 32² + 4·32 + 1
  const width = control(page, 'Hidden width');
  await width.focus();
  await page.keyboard.press('ArrowLeft'); // 31
  await expect(count).toContainText('1,086 parameters');
  await width.fill('2');
  await expect(count).toContainText('13 parameters for 12 training points');
  await expect(lab(page).locator('output[for="lab-width"]')).toHaveText('2');
  expect(new URL(page.url()).hash).toContain('width=2');
});

test('Train draws the training and validation losses and the fitted curve, live', async ({ page }) => {
  await page.goto(`${LESSON}#lab?width=8&epochs=500`);
  await button(page, 'Train').click();
  await expect(lab(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(part(page, 'status')).toContainText('Epoch 500 of 500');
  const loss = part(page, 'loss-plot');
  expect(await pathPoints(loss.locator('path.lab-train'))).toBeGreaterThan(100);
  expect(await pathPoints(loss.locator('path.lab-validation'))).toBeGreaterThan(100);
  expect(await pathPoints(part(page, 'fit-plot').locator('path.lab-fit'))).toBeGreaterThan(100);
  await expect(part(page, 'loss-caption')).toContainText('width 8 (97 parameters)');
});

test('Stop ends a run and the charts stop changing', async ({ page }) => {
  await page.goto(`${LESSON}#lab?width=64&epochs=8000`);
  const status = part(page, 'status');
  const training = page.waitForEvent('worker', (worker) => worker.url().includes('train.worker'));
  await button(page, 'Train').click();
  await expect(status).toContainText(/Epoch \d+ of 8000/);
  let ended = false;
  (await training).once('close', () => (ended = true));
  await button(page, 'Stop').click();
  await expect(lab(page)).toHaveAttribute('data-state', 'stopped');
  await expect(status).toContainText('Stopped.');
  await expect(button(page, 'Stop')).toBeDisabled();
  const stoppedAt = await status.textContent();
  // The worker is what reports: once it has ended, nothing is left to change the status or the charts.
  await expect.poll(() => ended, { message: 'the training worker ends on Stop' }).toBe(true);
  await expect(status).toHaveText(stoppedAt!);
});

test('a sweep trains one model per width and plots both final losses against the parameter count', async ({ page }) => {
  await openLab(page);
  await button(page, 'Sweep widths').click();
  await expect(lab(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const sweep = part(page, 'sweep-plot');
  await expect(sweep.locator('circle.lab-train-point')).toHaveCount(SWEEP_WIDTHS);
  await expect(sweep.locator('circle.lab-validation-point')).toHaveCount(SWEEP_WIDTHS);
  expect(await pathPoints(sweep.locator('path.lab-validation'))).toBe(SWEEP_WIDTHS);
  // The default data's interpolation threshold: the widest model is the first to fit its points.
  await expect(sweep.locator('line.lab-threshold')).toHaveCount(1);
  await expect(part(page, 'sweep-caption')).toContainText('Training loss first falls below 0.001');
  await expect(part(page, 'status')).toContainText(`Trained ${SWEEP_WIDTHS} models in`);
  const elapsedMs = Number(await lab(page).getAttribute('data-elapsed-ms'));
  // A figure for the record, not a gate: machines differ.
  test.info().annotations.push({ type: 'sweep time', description: `${elapsedMs.toFixed(0)} ms in the worker` });
  console.log(`lab sweep (${SWEEP_WIDTHS} widths, default settings): ${elapsedMs.toFixed(0)} ms`);
});

test('settings in the URL hash are restored into the controls', async ({ page }) => {
  await page.goto(`${LESSON}#lab?width=8&points=30&noise=0.1&decay=0.1&dropout=0.2&epochs=500&seed=7`);
  await expect(part(page, 'count')).toContainText('97 parameters for 30 training points');
  const expected = { 'Hidden width': '8', 'Training points': '30', Noise: '0.1', Dropout: '0.2', Seed: '7' };
  for (const [label, value] of Object.entries(expected)) await expect(control(page, label)).toHaveValue(value);
  await expect(control(page, 'Weight decay')).toHaveAttribute('aria-valuetext', '0.1');
  await expect(control(page, 'Epochs')).toHaveAttribute('aria-valuetext', '500');
});

test('Reset brings back the default settings and the figures built into the page', async ({ page }) => {
  await page.goto(`${LESSON}#lab?width=4&epochs=100`);
  const builtIn = await part(page, 'loss-plot').innerHTML();
  await button(page, 'Train').click();
  await expect(lab(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(await part(page, 'loss-plot').innerHTML()).not.toBe(builtIn);
  await button(page, 'Reset').click();
  await expect(control(page, 'Hidden width')).toHaveValue('32');
  expect(await part(page, 'loss-plot').innerHTML()).toBe(builtIn);
  expect(new URL(page.url()).hash).toBe('');
});

test('the lab fits a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(LESSON);
  const box = (await lab(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  for (const chart of await lab(page).locator('svg.lab-chart').all()) {
    const chartBox = (await chart.boundingBox())!;
    expect(chartBox.x + chartBox.width).toBeLessThanOrEqual(375);
  }
});

test('its script runs on lesson 4 only, once the reader nears the lab', async ({ page }) => {
  await page.goto(FIRST_LESSON); // waits for load: the page's module scripts have run
  expect(await page.evaluate(() => customElements.get('overfit-lab') === undefined)).toBe(true);
  await page.goto(LESSON);
  expect(await page.evaluate(() => customElements.get('overfit-lab') === undefined)).toBe(true);
  await expect(lab(page).locator('form')).toBeHidden();
  await lab(page).scrollIntoViewIfNeeded();
  await expect(lab(page).locator('form')).toBeVisible();
  expect(await page.evaluate(() => customElements.get('overfit-lab') !== undefined)).toBe(true);
});

test('the 简体中文 lab shows Chinese labels, captions and status, and still trains', async ({ page }) => {
  await page.goto(`zh-cn/${LESSON}#lab?width=4&epochs=100`);
  await expect(control(page, '隐藏层宽度')).toHaveValue('4');
  await expect(part(page, 'count')).toHaveText('用 33 个参数拟合 12 个训练点（平均每个点 2.8 个）');
  await expect(part(page, 'status')).toContainText('已从链接恢复设置');
  await button(page, '训练').click();
  await expect(lab(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(part(page, 'status')).toContainText('第 100 轮，共 100 轮：训练损失');
  await expect(part(page, 'loss-caption')).toContainText('宽度为 4（33 个参数）');
  expect(await pathPoints(part(page, 'fit-plot').locator('path.lab-fit'))).toBeGreaterThan(100);
  await expect(part(page, 'loss-plot').locator('svg')).toHaveAttribute('aria-label', /^每轮的损失/);
  // No English left in what the reader sees: buttons, labels, charts, captions, status.
  expect(await lab(page).innerText()).not.toMatch(/\b(train|training|validation|parameters?|epochs?|width|points?|loss|stop|reset|sweep)\b/i);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the figures of a real run and sweep, built into the page, and no controls', async ({ page }) => {
    await page.goto(LESSON);
    await expect(lab(page).locator('form')).toBeHidden();
    const sweep = part(page, 'sweep-plot');
    await expect(sweep.locator('svg')).toBeVisible();
    await expect(sweep.locator('circle.lab-validation-point')).toHaveCount(SWEEP_WIDTHS);
    await expect(part(page, 'sweep-caption')).toContainText('Validation loss is lowest at width');
    await expect(part(page, 'sweep-caption')).toContainText('at width 32 (1,153 parameters): the solid line.');
    await expect(sweep.locator('line.lab-threshold')).toHaveCount(1);
    expect(await pathPoints(part(page, 'loss-plot').locator('path.lab-validation'))).toBeGreaterThan(100);
  });
});
