// What the accessibility tests do with axe-core: switch the Starlight theme, run axe, and turn what
// it finds into readable lines (an empty list when nothing is broken).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import axe, { type Result } from 'axe-core';

export type Theme = 'light' | 'dark';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules axe runs: those for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best
 * practices. Listed by name, because axe skips the rules it still calls experimental, such as
 * label-content-name-mismatch (WCAG 2.5.3: a control's name contains its visible text), even when
 * asked for their tags; its experimental best practices and its deprecated rules stay out.
 */
const RULES = axe
  .getRules([...WCAG_TAGS, 'best-practice'])
  .filter(({ tags }) => !tags.includes('deprecated'))
  .filter(({ tags }) => !tags.includes('experimental') || tags.some((tag) => WCAG_TAGS.includes(tag)))
  .map((rule) => rule.ruleId);

/**
 * The rules above whose outcome depends on colours (axe's category cat.color: color-contrast and
 * link-in-text-block). The other rules see the same markup in every theme, so a second theme
 * needs only these.
 */
const COLOUR_RULES = axe
  .getRules(['cat.color'])
  .map((rule) => rule.ruleId)
  .filter((rule) => RULES.includes(rule));

export async function useTheme(page: Page, theme: Theme): Promise<void> {
  // With no stored choice, Starlight follows the system's colour scheme, also when it changes.
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

// Marks the text of code that looks exactly like text of code already seen on the page.
const REPEATED = 'data-axe-repeated-look';

/**
 * Marks every element of code (highlighted blocks, editors) whose text looks exactly like an
 * earlier one's: same colour, font size and weight, shadow, and the same backgrounds and
 * opacities all the way up to the first opaque one. Their contrast is then the same, so axe's
 * contrast rule (seconds for the thousands of token spans of a long lesson) needs to see only
 * the first of each look. Returns how many elements were marked.
 */
function markRepeatedLooks(attribute: string): number {
  const seen = new Set<string>();
  let marked = 0;
  const look = (element: Element) => {
    const own = getComputedStyle(element);
    const parts = [own.color, own.fontSize, own.fontWeight, own.textShadow];
    for (let at: Element | null = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      parts.push(style.backgroundColor, style.backgroundImage, style.opacity, style.mixBlendMode);
      const opaque = /^rgb\(/.test(style.backgroundColor) && style.backgroundImage === 'none';
      if (opaque) break;
    }
    return parts.join('|');
  };
  for (const element of document.querySelectorAll('pre *, .cm-content *')) {
    if (element.children.length > 0 || !element.textContent?.trim()) continue;
    const key = look(element);
    if (seen.has(key)) {
      element.setAttribute(attribute, '');
      marked++;
    } else seen.add(key);
  }
  return marked;
}

/** Runs axe on the page (or only inside `include`), every rule above or only `rules`; returns what it finds broken. */
export async function violations(
  page: Page,
  { rules, include = [] }: { rules?: string[]; include?: string[] } = {},
): Promise<Result[]> {
  const marked = await page.evaluate(markRepeatedLooks, REPEATED);
  try {
    return await axeViolations(page, rules, include, marked > 0 ? [`[${REPEATED}]`] : []);
  } finally {
    await page.evaluate((attribute) => {
      for (const element of document.querySelectorAll(`[${attribute}]`)) element.removeAttribute(attribute);
    }, REPEATED);
  }
}

async function axeViolations(page: Page, rules: string[] | undefined, include: string[], exclude: string[]): Promise<Result[]> {
  // Reporting violations only spares axe collecting the details of every passing node.
  // (options() replaces the whole option object, so it comes before withRules().)
  // Legacy mode runs axe.run() in the page itself; the default runs axe in each frame, then opens a
  // blank page and injects axe again to merge the results, which doubles a run on a long lesson.
  // All legacy mode leaves out is cross-origin frames, and the site has none.
  let builder = new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withRules(rules ?? RULES);
  for (const selector of include) builder = builder.include(selector);
  for (const selector of exclude) builder = builder.exclude(selector);
  return (await builder.analyze()).violations;
}

/** One line per broken rule: what it is, how many elements break it, and the first few of them. */
export function describeViolations(found: Result[], theme: Theme): string[] {
  return found.map(({ id, impact, help, nodes }) => {
    const targets = nodes.slice(0, 3).map((node) => node.target.join(' '));
    const more = nodes.length > 3 ? ` and ${nodes.length - 3} more` : '';
    return `[${theme}] ${id} (${impact}): ${help} — ${targets.join(' | ')}${more}`;
  });
}

/**
 * What axe finds broken (inside `include`), as lines: every rule in the light theme, then in the
 * dark theme only the colour rules, since a full run costs seconds on a long page. Leaves the page
 * in the dark theme.
 */
export async function violationsInBothThemes(page: Page, { include }: { include?: string[] } = {}): Promise<string[]> {
  await useTheme(page, 'light');
  const light = await violations(page, { include });
  await useTheme(page, 'dark');
  const dark = await violations(page, { rules: COLOUR_RULES, include });
  return [...describeViolations(light, 'light'), ...describeViolations(dark, 'dark')];
}
