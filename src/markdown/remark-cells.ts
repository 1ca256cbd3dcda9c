// Turns every ```ts cell block of an MDX lesson into <Cell source="…">, keeping the code block
// as the cell's child so Expressive Code still highlights it at build time (readable without JS).
import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { visit, SKIP } from 'unist-util-visit';
import { isCellCode, metaWithoutCellMarker } from './cell-code.ts';

const COMPONENT = 'Cell';
const COMPONENT_PATH = '/src/components/Cell.astro';

export function remarkCells() {
  return (tree: Root, file: { extname?: string; path?: string }) => {
    // JSX only exists in MDX; cells in plain Markdown stay ordinary code blocks.
    if (!(file.extname ?? file.path ?? '').endsWith('.mdx')) return;
    let count = 0;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!parent || index === undefined || !isCellCode(node)) return;
      const code: Code = { ...node, meta: metaWithoutCellMarker(node.meta) };
      parent.children[index] = cellElement(node.value, count++, code) as RootContent;
      return SKIP;
    });
    if (count > 0) tree.children.unshift(importCell());
  };
}

function cellElement(source: string, index: number, code: Code): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: COMPONENT,
    attributes: [
      { type: 'mdxJsxAttribute', name: 'source', value: source },
      { type: 'mdxJsxAttribute', name: 'index', value: String(index) },
    ],
    children: [code],
  };
}

// `import Cell from '/src/components/Cell.astro'`, with the estree MDX compiles from.
function importCell(): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${COMPONENT} from '${COMPONENT_PATH}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [
              { type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: COMPONENT } },
            ],
            source: { type: 'Literal', value: COMPONENT_PATH, raw: `'${COMPONENT_PATH}'` },
            attributes: [],
          },
        ],
      },
    },
  };
}
