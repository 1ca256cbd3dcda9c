// Prints one line, "N passed, M failed", summed over the vitest and Playwright JSON reports.
// A stage that did not run (its report is missing) counts as one failure, so it cannot pass silently.
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');

let passed = 0;
let failed = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} else failed += 1;
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
