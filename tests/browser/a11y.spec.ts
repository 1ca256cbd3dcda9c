// Every page as it first loads (its lab brought to life), in the light and the dark theme: no
// violation of WCAG 2.2 A/AA (or of axe's best practices) that axe-core can find. The notebook's
// live states (editors, fresh outputs, errors) are the same on every page: notebook-a11y.spec.ts
// checks them once.
import { expect, test } from '@playwright/test';
import { useTheme, violationsInBothThemes } from '../support/axe.ts';
import { builtPages } from '../support/built-site.ts';

for (const built of builtPages()) {
  test(`/${built.url} has no accessibility violations in the light and the dark theme`, async ({ page }) => {
    test.slow(); // axe's contrast check takes seconds on a long lesson, more on a busy machine
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(built.url);
    await useTheme(page, 'light');
    // Bring the lab (lesson 4) to life: it loads as the reader nears it.
    const lab = page.locator('overfit-lab');
    if ((await lab.count()) > 0) {
      await lab.scrollIntoViewIfNeeded();
      await expect(lab.locator('form')).toBeVisible();
    }
    expect(await violationsInBothThemes(page)).toEqual([]);
  });
}
