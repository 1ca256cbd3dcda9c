// Reads the cells of an MDX lesson in page order, exactly as the build sees them.
import type { Code } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isCellCode } from './cell-code.ts';

const parser = unified().use(remarkParse).use(remarkMdx);
// Astro strips the YAML frontmatter before MDX sees the page; so do we.
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

export function extractCells(mdx: string): string[] {
  const cells: string[] = [];
  visit(parser.parse(mdx.replace(FRONTMATTER, '')), 'code', (node: Code) => {
    if (isCellCode(node)) cells.push(node.value);
  });
  return cells;
}
