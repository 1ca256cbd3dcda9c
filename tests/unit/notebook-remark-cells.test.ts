// The build's step from ```ts cell blocks to <Cell> components: each cell is run once, in page
// order and one scope, and carries what it printed; the page's toolbar comes before its first cell.
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkCells } from '../../src/markdown/remark-cells.ts';

const page = `Some text.

\`\`\`ts cell
import { SimpleNN, countParameters } from "lib";
const model = new SimpleNN(3, 5, 2);
\`\`\`

\`\`\`ts
// not a cell
\`\`\`

\`\`\`ts cell title="count.ts"
console.log(countParameters(model));
\`\`\`

\`\`\`ts cell
null!.boom();
\`\`\`
\`\`\`python twin mask="#" title="boom.py"
None.boom()
\`\`\`
`;

// The fixture page's cells print other things than 32, to test the other steps.
async function transform(mdx: string, extname = '.mdx', options = { everyCellPrints32: false }): Promise<Root> {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx);
  await remarkCells(options)(tree, { extname, path: `${process.cwd()}/content/docs/page${extname}` });
  return tree;
}

const attribute = (element: MdxJsxFlowElement, name: string) =>
  element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;

// Every <Cell>, also those that CellTabs holds.
function cellsOf(tree: Root): MdxJsxFlowElement[] {
  const cells: MdxJsxFlowElement[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name === 'Cell') cells.push(node);
  });
  return cells;
}

describe('remarkCells', () => {
  it('runs the cells of a page in order, in one scope, and gives each cell what it printed', async () => {
    const tree = await transform(page);
    const cells = cellsOf(tree);
    expect(cells.map((cell) => attribute(cell, 'index'))).toEqual(['0', '1', '2']);
    const outputs = cells.map((cell) => JSON.parse(String(attribute(cell, 'output'))));
    expect(outputs[0]).toEqual({ outputs: [] });
    expect(outputs[1]).toEqual({ outputs: [{ stream: 'log', text: '32' }] });
    expect(outputs[2].error).toMatchObject({ kind: 'runtime', name: 'TypeError', line: 1 });
    expect(attribute(cells[1], 'source')).toBe('console.log(countParameters(model));');
    // The code block stays as the child for Expressive Code, without the marker.
    expect(cells[1].children[0]).toMatchObject({ type: 'code', lang: 'ts', meta: 'title="count.ts"' });
  });

  it('puts the toolbar right before the first cell and imports the components', async () => {
    const tree = await transform(page);
    const names = tree.children.map((node) => (node.type === 'mdxJsxFlowElement' ? node.name : node.type));
    expect(names.slice(0, 6)).toEqual(['mdxjsEsm', 'mdxjsEsm', 'mdxjsEsm', 'paragraph', 'NotebookToolbar', 'Cell']);
    expect(tree.children.slice(0, 3).map((node) => (node as { value: string }).value)).toEqual([
      "import Cell from '/src/notebook/ui/Cell.astro';",
      "import NotebookToolbar from '/src/notebook/ui/NotebookToolbar.astro';",
      "import CellTabs from '/src/notebook/ui/CellTabs.astro';",
    ]);
  });

  it('puts a cell and the twin right after it into CellTabs, the twin in its slot without markers', async () => {
    const tree = await transform(page);
    const tabs = tree.children.at(-1) as MdxJsxFlowElement;
    expect(tabs).toMatchObject({ type: 'mdxJsxFlowElement', name: 'CellTabs' });
    expect(attribute(tabs, 'index')).toBe('2');
    const [cell, slot] = tabs.children as MdxJsxFlowElement[];
    expect(cell.name).toBe('Cell');
    expect(attribute(slot, 'slot')).toBe('twin');
    expect(slot.children[0]).toMatchObject({ type: 'code', lang: 'python', meta: 'title="boom.py"', value: 'None.boom()' });
  });

  it('hands each cell the script the build compiled and ran, so the browser needs no compiler for it', async () => {
    const cells = cellsOf(await transform(page));
    const compiled = JSON.parse(String(attribute(cells[1], 'compiled')));
    expect(compiled).toMatchObject({ kind: 'compiled', isAsync: false, changedLines: [] });
    expect(compiled.js).toBe('console.log(countParameters(model));\n//# sourceURL=cell-2.ts');
  });

  it('gives a cell that does not compile no script: the browser compiles it and reports the error', async () => {
    const [cell] = cellsOf(await transform('```ts cell\nlet x: = 1;\n```\n'));
    expect(attribute(cell, 'compiled')).toBeUndefined();
    expect(JSON.parse(String(attribute(cell, 'output'))).error).toMatchObject({ kind: 'syntax', line: 1 });
  });

  it('fails the build on a cell that does not print 32, naming the page, the cell and its line', async () => {
    const build = transform(page, '.mdx', { everyCellPrints32: true });
    await expect(build).rejects.toThrow(
      [
        'content/docs/page.mdx: every cell must print 32, computed by the library.',
        '  cell 1 (line 3) prints nothing, not 32',
        "  cell 3 (line 16) throws at line 1 of the cell: TypeError: Cannot read properties of null (reading 'boom')",
      ].join('\n'),
    );
    await expect(transform(page.replace('console.log(countParameters(model));', 'console.log(31);'), '.mdx', { everyCellPrints32: true }))
      .rejects.toThrow('  cell 2 (line 12) prints no 32: "31"');
  });

  it('builds a page whose every cell prints 32', async () => {
    const good = '```ts cell\nimport { SimpleNN, countParameters } from "lib";\nconsole.log(countParameters(new SimpleNN(3, 5, 2)));\n```\n';
    const [cell] = cellsOf(await transform(good, '.mdx', { everyCellPrints32: true }));
    expect(JSON.parse(String(attribute(cell, 'output')))).toEqual({ outputs: [{ stream: 'log', text: '32' }] });
  });

  it('leaves pages without cells, and plain Markdown, as they are', async () => {
    const plain = await transform(page, '.md');
    expect(plain.children.some((node) => node.type === 'mdxJsxFlowElement')).toBe(false);
    const noCells = await transform('Just text.\n');
    expect(noCells.children.map((node) => node.type)).toEqual(['paragraph']);
  });
});
