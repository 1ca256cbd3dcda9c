// Every cell of every lesson, run in Node the way the page's kernel runs it: same compiler,
// one shared scope per page, cells in page order. Each must print 32, computed by the library:
// the build's own rule (src/markdown/prints-32.ts), checked here without a build.
import { describe, expect, it } from 'vitest';
import { createNodeKernel } from '../../src/notebook/runtime/run-in-node.ts';
import { lessonPages } from '../support/lessons.ts';
import { whyNot32 } from '../../src/markdown/prints-32.ts';

const pages = lessonPages();

it('finds lessons with cells', () => {
  expect(pages.filter((page) => page.cells.length > 0).length).toBeGreaterThanOrEqual(4);
});

describe.each(pages.filter((page) => page.cells.length > 0))('$file', ({ cells }) => {
  const kernel = createNodeKernel();

  it.each(cells.map((source, index) => ({ source, number: index + 1 })))(
    'cell $number prints 32',
    // Some lesson 4 cells train a model for about a second; a busy 2-core machine needs margin.
    { timeout: 30_000 },
    async ({ source, number }) => {
      expect(whyNot32(await kernel.run(`cell-${number}.ts`, source))).toBeUndefined();
    },
  );
});
