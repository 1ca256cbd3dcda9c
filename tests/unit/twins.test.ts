// Every cell has a PyTorch twin, and real PyTorch proves it says the same: each page's twins run
// in page order in one Python scope (like the page's kernel), and each prints the lines its cell
// prints in the Node kernel the build uses (lines marked mask="…" with their numbers masked).
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeKernel } from '../../src/notebook/runtime/run-in-node.ts';
import type { CellResult } from '../../src/notebook/runtime/cell-protocol.ts';
import { lessonPages } from '../support/lessons.ts';
import { INSTALL_HINT, runTwins, type TwinRun } from '../support/python-twins.ts';
import { cellLines, differences, twinLines } from '../support/twin-output.ts';

// CI sets this (.ci/run): there, twins that were not run are a failure, not a notice.
const REQUIRED = process.env.REQUIRE_PYTORCH_TWINS === '1';

const pages = lessonPages().filter((page) => page.cells.length > 0 || page.notebook.strayTwins.length > 0);

describe.each(pages)('$file', ({ notebook }) => {
  it('gives every cell a PyTorch twin, right after it', () => {
    const withoutTwin = notebook.cells.flatMap((cell, index) => (cell.twin ? [] : [index + 1]));
    expect(withoutTwin, 'numbers of the cells without a ```python twin block').toEqual([]);
    expect(notebook.strayTwins, 'lines of ```python twin blocks that follow no cell').toEqual([]);
  });
});

describe('the PyTorch twins, run by PyTorch', () => {
  let twins: TwinRun;
  let cells: CellResult[][];

  beforeAll(async () => {
    // Python runs in its own process while the cells run here.
    [twins, cells] = await Promise.all([
      runTwins(pages.map(({ notebook }) => notebook.cells.map(({ twin }) => twin ?? { source: '', needs: [] }))),
      runCells(pages.map((page) => page.cells)),
    ]);
    // Lesson 4's twins train about a dozen small networks, as its cells do: seconds on an idle
    // machine, minutes on a busy one.
  }, 900_000);

  it('ran', (context) => {
    if (twins.ran) return;
    const notice = `The PyTorch twin check was not run: ${twins.reason}. To run it, install PyTorch: ${INSTALL_HINT}`;
    if (REQUIRED) throw new Error(`${notice} (REQUIRE_PYTORCH_TWINS=1)`);
    console.warn(`\n${notice}\n`);
    context.skip();
  });

  describe.each(pages.map((page, pageIndex) => ({ ...page, pageIndex })))('$file', ({ file, notebook, pageIndex }) => {
    it.for(notebook.cells.map((cell, index) => ({ ...cell, number: index + 1 })))(
      'cell $number: the twin prints what the cell prints',
      ({ twin, number }, context) => {
        if (!twins.ran) return context.skip();
        const where = `${file}, cell ${number}`;
        if (!twin) throw new Error(`${where} has no twin`);
        const cell = cells[pageIndex][number - 1];
        expect(cell.error, `${where}: the TypeScript cell failed`).toBeUndefined();
        const { stdout, error, missing } = twins.pages[pageIndex][number - 1];
        if (missing.length > 0) {
          console.warn(`${where}: twin not run, it needs ${missing.join(', ')} (not packaged by Debian)`);
          return context.skip();
        }
        if (error) {
          const at = error.line === null ? '' : ` at line ${error.line} of the twin (line ${twin.line + error.line - 1} of the file)`;
          throw new Error(`${where}: the twin raised ${error.type}: ${error.message}${at}`);
        }
        expect(differences(cellLines(cell.outputs), twinLines(stdout), twin.masks), where).toEqual([]);
      },
    );
  });
});

// One kernel per page; one page at a time, as the kernels share this process's console.
async function runCells(pages: string[][]): Promise<CellResult[][]> {
  const results: CellResult[][] = [];
  for (const sources of pages) {
    const kernel = createNodeKernel();
    const page: CellResult[] = [];
    for (const [index, source] of sources.entries()) page.push(await kernel.run(`cell-${index + 1}.ts`, source));
    results.push(page);
  }
  return results;
}
