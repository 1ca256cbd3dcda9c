// Every page, in the light and the dark theme, with its notebook running: no accessibility
// violations that axe-core can find.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { builtPages } from '../support/built-site.ts';

// The rules whose outcome depends on colours. The other rules see the same markup in both themes,
// so the second theme re-runs only these (a full axe run costs seconds on a long page).
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One line per broken rule: what it is, how many elements break it, and the first few of them. */
function describe(violations: Result[], theme: string): string[] {
  return violations.map(({ id, impact, help, nodes }) => {
    const targets = nodes.slice(0, 3).map((node) => node.target.join(' '));
    const more = nodes.length > 3 ? ` and ${nodes.length - 3} more` : '';
    return `[${theme}] ${id} (${impact}): ${help} — ${targets.join(' | ')}${more}`;
  });
}

/** Runs axe on the page, all rules or only `rules`, and returns what it finds broken. */
async function violations(page: Page, rules?: string[]): Promise<Result[]> {
  // Reporting violations only spares axe collecting the details of every passing node.
  // (options() replaces the whole option object, so it comes before withRules().)
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  return (await (rules ? axe.withRules(rules) : axe).analyze()).violations;
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  // With no stored choice, Starlight follows the system's colour scheme, also when it changes.
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const built of builtPages()) {
  test(`/${built.url} has no accessibility violations in the light and the dark theme`, async ({ page }) => {
    test.slow(); // axe's contrast check takes seconds on a long lesson, more on a busy machine
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(built.url);
    await useTheme(page, 'light');
    // Run the first cell, so the live notebook (editors, a fresh output) is checked too.
    const cell = page.locator('param-cell').first();
    if ((await cell.count()) > 0) {
      await cell.locator('.cell-run').click();
      await expect(cell.locator('.cell-count')).toHaveText('[1]');
    }
    const light = await violations(page);
    await useTheme(page, 'dark');
    const dark = await violations(page, COLOUR_RULES);
    expect([...describe(light, 'light'), ...describe(dark, 'dark')]).toEqual([]);
  });
}
