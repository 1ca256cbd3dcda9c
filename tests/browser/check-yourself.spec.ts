// The predict-then-check exercises in a real browser: the reader types a count and the page says
// whether it is right or which mistake gives that number. The counts come from the library, as
// the page's own do.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { Conv2d, countParameters, Linear, modelFromConfig, Sequential, SimpleNN } from 'lib';
import { describeViolations, violations } from '../support/axe.ts';

function exercise(page: Page, question: string) {
  const root = page.locator('check-yourself').filter({ hasText: question });
  return {
    root,
    feedback: root.locator('[data-part="feedback"]'),
    guess: root.locator('[data-part="guess"]'),
    async answer(count: string, submit: (guess: Locator) => Promise<void> = () => root.locator('[data-action="check"]').click()) {
      await this.guess.fill(count);
      await submit(this.guess);
    },
  };
}

test('names the forgotten biases, the counted input layer, and confirms the right count', async ({ page }) => {
  await page.goto('lessons/01-what-are-parameters/');
  const simple = exercise(page, 'SimpleNN(4, 3, 1)');
  const right = countParameters(new SimpleNN(4, 3, 1));
  const weightsOnly = countParameters(new Sequential(new Linear(4, 3, { bias: false }), new Linear(3, 1, { bias: false })));

  await simple.answer(String(weightsOnly));
  await expect(simple.feedback).toHaveText(/^Not quite\. That is the weights only/);
  await expect(simple.guess).toHaveAttribute('aria-invalid', 'true');

  await simple.answer(String(right + countParameters(new Linear(4, 4))));
  await expect(simple.feedback).toContainText('The input is data: it has no parameters.');

  await simple.answer(String(right), (guess) => guess.press('Enter'));
  await expect(simple.feedback).toHaveText(/^Right\. hidden Linear\(4, 3\)/);
  await expect(simple.guess).toHaveAttribute('aria-invalid', 'false');
});

test('says so when a number is none of the usual mistakes, or not a number at all', async ({ page }) => {
  await page.goto('lessons/01-what-are-parameters/');
  const simple = exercise(page, 'SimpleNN(4, 3, 1)');
  await simple.answer(String(countParameters(new SimpleNN(4, 3, 1)) + 1000));
  await expect(simple.feedback).toHaveText(/^Not quite\. That is none of the usual wrong counts/);
  await simple.answer('nineteen');
  await expect(simple.feedback).toHaveText('Type a whole number, such as 32 or 61,706.');
});

test('reads a count typed with thousands separators, in Chinese too', async ({ page }) => {
  await page.goto('zh-cn/lessons/02-counting-by-hand/');
  const depthwise = exercise(page, 'Conv2d(32, 32, 3, { groups: 32 })');
  const forgotGroups = countParameters(new Conv2d(32, 32, 3)).toLocaleString('en-US');
  await depthwise.answer(forgotGroups);
  await expect(depthwise.feedback).toHaveText(/^不太对。这忘了分组/);
  await depthwise.answer(` ${countParameters(new Conv2d(32, 32, 3, { groups: 32 }))} `);
  await expect(depthwise.feedback).toHaveText(/^答对了。/);
});

test('an exercise, checked, has no accessibility violations', async ({ page }) => {
  await page.goto('lessons/03-counting-with-built-ins/');
  const frozen = exercise(page, 'hidden layer frozen');
  await frozen.answer('32');
  await expect(frozen.feedback).toContainText('trainableOnly: false');
  const found = await violations(page, { include: ['check-yourself'] });
  expect(describeViolations(found, 'light')).toEqual([]);
});

test('a why question: the sliding window adds no parameters, and a learned 4,096 × 4,096 matrix is named as the slip', async ({ page }) => {
  await page.goto('lessons/06-counting-a-large-language-model/');
  const window = exercise(page, 'sliding window of 4,096 tokens');
  const sizes = { hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 32000 };
  const added = countParameters(modelFromConfig({ ...sizes, model_type: 'mistral', sliding_window: 4096 })) -
    countParameters(modelFromConfig({ ...sizes, model_type: 'llama' }));
  await window.answer(String(4096 * 4096));
  await expect(window.feedback).toContainText('It is a mask computed from positions');
  await window.answer(String(added));
  await expect(window.feedback).toHaveText(/^Right\. None: the window is a rule/);
});
