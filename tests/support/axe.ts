// What the accessibility tests do with axe-core: switch the Starlight theme, run axe, and turn what
// it finds into readable lines (an empty list when nothing is broken).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

export type Theme = 'light' | 'dark';

export async function useTheme(page: Page, theme: Theme): Promise<void> {
  // With no stored choice, Starlight follows the system's colour scheme, also when it changes.
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Runs axe on the page (or only inside `include`), all rules or only `rules`; returns what it finds broken. */
export async function violations(
  page: Page,
  { rules, include = [] }: { rules?: string[]; include?: string[] } = {},
): Promise<Result[]> {
  // Reporting violations only spares axe collecting the details of every passing node.
  // (options() replaces the whole option object, so it comes before withRules().)
  let axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  for (const selector of include) axe = axe.include(selector);
  return (await (rules ? axe.withRules(rules) : axe).analyze()).violations;
}

/** One line per broken rule: what it is, how many elements break it, and the first few of them. */
export function describeViolations(found: Result[], theme: Theme): string[] {
  return found.map(({ id, impact, help, nodes }) => {
    const targets = nodes.slice(0, 3).map((node) => node.target.join(' '));
    const more = nodes.length > 3 ? ` and ${nodes.length - 3} more` : '';
    return `[${theme}] ${id} (${impact}): ${help} — ${targets.join(' | ')}${more}`;
  });
}
