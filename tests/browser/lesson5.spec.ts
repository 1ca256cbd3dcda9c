// Lesson 5's build-time components: summary tables rendered by the library, and the "check
// yourself" answers, which must work with JavaScript switched off.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const LESSON = 'lessons/05-counting-real-networks/';
/** The exercises the lesson's source places, each one a <CheckYourself>. */
const EXERCISES = readFileSync('content/docs/lessons/05-counting-real-networks.mdx', 'utf8').match(/<CheckYourself\b/g)?.length ?? 0;

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the summary tables the library computed at build time', async ({ page }) => {
    await page.goto(LESSON);
    const tables = page.locator('[data-part="summary"] [data-part="table"]');
    await expect(tables).toHaveCount(3);
    await expect(tables.nth(0)).toContainText('Total params: 61,706');
    await expect(tables.nth(0)).toContainText(
      '│    └─Conv2d: 2-4                       [1, 16, 10, 10]           2,416                     16 · 6 · 5 · 5 + 16 = 2,416  241,600                   483,200',
    );
    await expect(tables.nth(1)).toContainText('│    └─BasicBlock: 2-8                   [1, 512, 7, 7]            4,720,640');
    await expect(tables.nth(1)).toContainText('Total mult-adds (G): 1.81');
    await expect(tables.nth(2)).toContainText(/├─Linear: 1-2 +\[1, 1024, 50257\] +shared with transformer\.wte/);
    await expect(tables.nth(2)).toContainText('Total params: 124,439,808');
    await expect(tables.nth(2)).toContainText("  inside attention, which torchinfo leaves out (G): 19.33");
  });

  test("opens each table's written-out counts without JavaScript", async ({ page }) => {
    await page.goto(LESSON);
    const formulas = page.locator('[data-part="summary"] [data-part="formulas"]').first();
    await expect(formulas.getByText('16 · 6 · 5 · 5 + 16 = 2,416')).toBeHidden();
    await formulas.locator('summary').click();
    await expect(formulas.getByText('16 · 6 · 5 · 5 + 16 = 2,416')).toBeVisible();
    const gpt2 = page.locator('[data-part="summary"] [data-part="formulas"]').nth(2);
    await gpt2.locator('summary').click();
    await expect(gpt2.locator('[data-part="attention"]').first()).toContainText('QKᵀ and AV: 2 · 1 · 12 · 1,024 · 1,024 · 64 = 1,610,612,736');
  });

  test('keeps each exercise readable: the answer opens to say which count is right, and why each wrong one is wrong', async ({ page }) => {
    await page.goto(LESSON);
    const questions = page.locator('check-yourself');
    expect(EXERCISES).toBeGreaterThan(0);
    await expect(questions).toHaveCount(EXERCISES);
    const gpt2 = questions.filter({ hasText: 'GPT-2 small' });
    await expect(gpt2.locator('[data-part="form"]')).toBeHidden();
    const doubled = gpt2.locator('[data-part="answer"]').filter({ hasText: '163,037,184' });
    await expect(doubled).toBeHidden();
    await gpt2.locator('[data-part="answers"] summary').click();
    await expect(doubled).toContainText('Not quite.');
    await expect(doubled).toContainText('tied output layer');
    const right = gpt2.locator('[data-part="answer"][data-correct="true"]');
    await expect(right).toHaveCount(1);
    await expect(right).toContainText('124,439,808: Right.');
  });
});
