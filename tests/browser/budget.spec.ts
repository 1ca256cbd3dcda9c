// The JavaScript budget: per page, the gzip size of the JavaScript a reader downloads before doing
// anything (tests/support/page-javascript.ts says what counts).
import { expect, test } from '@playwright/test';
import { builtPages } from '../support/built-site.ts';
import { kb, upFrontJavaScript } from '../support/page-javascript.ts';

const BUDGET_BYTES = 40 * 1024;

for (const built of builtPages()) {
  test(`/${built.url} loads at most 40 KB of JavaScript (gzip) before any interaction`, () => {
    const { files, inline, fileBytes, inlineBytes, total } = upFrontJavaScript(built.file);
    console.log(
      `JS before interaction, /${built.url}: ${kb(total)} gzip ` +
        `(${files.size} files ${kb(fileBytes)}, ${inline.length} inline scripts ${kb(inlineBytes)})`,
    );
    expect(files.size + inline.length, 'scripts found').toBeGreaterThan(0);
    expect(total, `files: ${[...files.keys()].join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
