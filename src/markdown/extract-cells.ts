// Reads the cells of an MDX lesson, and their PyTorch twins, in page order, exactly as the build
// sees them.
import type { Code } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isCellCode } from './cell-code.ts';
import { isStrayTwin, isTwinCode, twinAfter, twinOption } from './twin-code.ts';

const parser = unified().use(remarkParse).use(remarkMdx);
// Astro strips the YAML frontmatter before MDX sees the page; so do we (keeping its lines, so
// that line numbers stay those of the file).
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

export interface Twin {
  source: string;
  /** Output-line prefixes compared with their numbers masked (see twin-code.ts). */
  masks: string[];
  /** Python packages beyond PyTorch that the twin imports (see twin-code.ts). */
  needs: string[];
  /** Line of the file where the twin's code starts. */
  line: number;
}

export interface NotebookCell {
  source: string;
  twin?: Twin;
}

export interface NotebookOfPage {
  cells: NotebookCell[];
  /** File lines of ```python twin blocks that follow no cell. */
  strayTwins: number[];
}

export function extractNotebook(mdx: string): NotebookOfPage {
  const notebook: NotebookOfPage = { cells: [], strayTwins: [] };
  const tree = parser.parse(mdx.replace(FRONTMATTER, (front) => front.replace(/[^\n]/g, '')));
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    if (isCellCode(node)) {
      const twin = twinAfter(parent, index);
      notebook.cells.push({
        source: node.value,
        twin: twin && {
          source: twin.value,
          masks: twinOption(twin.meta, 'mask'),
          needs: twinOption(twin.meta, 'needs'),
          line: codeLine(twin),
        },
      });
    } else if (isTwinCode(node) && isStrayTwin(parent, index)) {
      notebook.strayTwins.push(codeLine(node));
    }
  });
  return notebook;
}

export function extractCells(mdx: string): string[] {
  return extractNotebook(mdx).cells.map((cell) => cell.source);
}

// The code starts on the line after the opening fence.
const codeLine = (node: Code) => (node.position?.start.line ?? 0) + 1;
