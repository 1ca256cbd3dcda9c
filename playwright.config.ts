import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium-path.mjs';
import { basePath } from './site.config.ts';

const PORT = Number(process.env.PORT ?? 4321);
// Debian's Chromium where there is one, through tests/support/chromium.sh (which turns off what a
// test never shows); otherwise Playwright's own browser.
const chromium = chromiumPath();
const launchOptions = chromium
  ? {
      executablePath: fileURLToPath(new URL('tests/support/chromium.sh', import.meta.url)),
      env: { ...process.env, TEST_CHROMIUM: chromium },
    }
  : {};
const BASE_PATH = basePath();

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Time-outs are there to end a test that hangs. A 2-core machine under load runs a page many
  // times slower than a quiet one (a cell's first run starts the kernel worker; axe takes seconds on
  // a long lesson), and a slow machine must make a test slower, not fail it. A retrying assertion
  // passes as soon as it holds, so a longer wait costs nothing when the page is right.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  // The JSON report feeds the totals line that .ci/run prints.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
      },
    },
  ],
  webServer: {
    // Tests run against the built site (`npm run build` comes first in `npm test`).
    command: `astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
