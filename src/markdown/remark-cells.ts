// Turns every ```ts cell block of an MDX lesson into <Cell source="…" compiled="…" output="…">,
// keeping the code block as the cell's child so Expressive Code still highlights it at build
// time, and puts the page's <NotebookToolbar /> before its first cell. The build compiles each
// cell once, runs the page's cells in order in one Node kernel (the browser's runtime), and hands
// each cell its compiled script and what it printed: readers without JavaScript, and search
// engines, see real results, and the browser runs the lesson's code without loading a compiler.
// A cell that does not print 32 (src/markdown/prints-32.ts) fails the build, naming page, cell and line.
// A cell and the ```python twin block right after it become one <CellTabs>: "TypeScript | PyTorch".
import { relative } from 'node:path';
import type { Code, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { visit } from 'unist-util-visit';
import * as lib from 'lib';
import { cellName } from '../notebook/runtime/cell-protocol.ts';
import type { ShownResult } from '../notebook/runtime/output-text.ts';
import { isCellCode, metaWithoutCellMarker } from './cell-code.ts';
import { whyNot32 } from './prints-32.ts';
import { metaWithoutTwinMarkers, twinAfter } from './twin-code.ts';

const CELL = { name: 'Cell', path: '/src/notebook/ui/Cell.astro' };
const TOOLBAR = { name: 'NotebookToolbar', path: '/src/notebook/ui/NotebookToolbar.astro' };
const TABS = { name: 'CellTabs', path: '/src/notebook/ui/CellTabs.astro' };

/** `everyCellPrints32: false` only for tests of the other steps, whose cells print other things. */
export function remarkCells({ everyCellPrints32 = true }: { everyCellPrints32?: boolean } = {}) {
  return async (tree: Root, file: { extname?: string; path?: string }) => {
    // JSX only exists in MDX; cells in plain Markdown stay ordinary code blocks.
    if (!(file.extname ?? file.path ?? '').endsWith('.mdx')) return;
    const cells: { node: Code; index: number; parent: Parent }[] = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      if (parent && index !== undefined && isCellCode(node)) cells.push({ node, index, parent });
    });
    if (cells.length === 0) return;

    const { createNodeKernel, compileCell } = await nodeNotebook();
    const kernel = createNodeKernel({ lib });
    const replacements: { parent: Parent; index: number; count: number; node: MdxJsxFlowElement }[] = [];
    const broken: string[] = [];
    for (const [number, { node, index, parent }] of cells.entries()) {
      const name = cellName(number);
      const compiled = compileCell(node.value, { cellName: name });
      // A cell that does not compile gets no script: the browser's compiler reports it, as here.
      const script = compiled.kind === 'compiled' ? compiled : undefined;
      const { outputs, error, truncated } = await kernel.run(name, { source: node.value, compiled: script });
      const output: ShownResult = { outputs, error, truncated };
      const problem = everyCellPrints32 && whyNot32({ outputs, error });
      if (problem) broken.push(`cell ${number + 1} (line ${node.position?.start.line ?? '?'}) ${problem}`);
      const code: Code = { ...node, meta: metaWithoutCellMarker(node.meta) };
      const attributes = {
        source: node.value,
        index: String(number),
        output: JSON.stringify(output),
        ...(script && { compiled: JSON.stringify(script) }),
      };
      const cell = element(CELL.name, attributes, [code]);
      const twin = twinAfter(parent, index);
      replacements.push(
        twin
          ? { parent, index, count: 2, node: element(TABS.name, { index: String(number) }, [cell, twinSlot(twin)]) }
          : { parent, index, count: 1, node: cell },
      );
    }
    if (broken.length > 0) {
      const page = file.path ? relative(process.cwd(), file.path) : 'a page';
      throw new Error(`${page}: every cell must print 32, computed by the library.\n  ${broken.join('\n  ')}`);
    }
    // Last first, so the indexes of the earlier ones still hold.
    for (const { parent, index, count, node } of replacements.reverse()) {
      parent.children.splice(index, count, node as RootContent);
    }
    const first = cells[0];
    first.parent.children.splice(first.index, 0, element(TOOLBAR.name, {}) as RootContent);
    tree.children.unshift(importOf(CELL), importOf(TOOLBAR), importOf(TABS));
  };
}

// The twin's code block, for CellTabs' "twin" slot, without the markers Expressive Code would see.
function twinSlot(twin: Code): MdxJsxFlowElement {
  return element('div', { slot: 'twin' }, [{ ...twin, meta: metaWithoutTwinMarkers(twin.meta) }]);
}

// Imported once Node knows how to load the cell compiler's sucrase: see sucrase-esm-in-node.ts.
async function nodeNotebook() {
  await import('./sucrase-esm-in-node.ts');
  const [{ createNodeKernel }, { compileCell }] = await Promise.all([
    import('../notebook/runtime/run-in-node.ts'),
    import('../notebook/runtime/compile-cell.ts'),
  ]);
  return { createNodeKernel, compileCell };
}

function element(
  name: string,
  attributes: Record<string, string>,
  children: MdxJsxFlowElement['children'] = [],
): MdxJsxFlowElement {
  const jsx: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({
      type: 'mdxJsxAttribute',
      name: key,
      value,
    })),
    children,
  };
  return jsx;
}

// `import Name from 'path'`, with the estree MDX compiles from.
function importOf({ name, path }: { name: string; path: string }): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from '${path}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
            source: { type: 'Literal', value: path, raw: `'${path}'` },
            attributes: [],
          },
        ],
      },
    },
  };
}
