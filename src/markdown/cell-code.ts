// What makes a fenced code block a notebook cell: ```ts cell
// Shared by the build (remark-cells) and the tests that extract cells, so both agree.
import type { Code } from 'mdast';

const CELL_LANGS = new Set(['ts', 'typescript']);

export function isCellCode(node: Code): boolean {
  return CELL_LANGS.has(node.lang ?? '') && /(^|\s)cell(\s|$)/.test(node.meta ?? '');
}

/** The block's meta without the `cell` marker, so Expressive Code sees ordinary options. */
export function metaWithoutCellMarker(meta: string | null | undefined): string | null {
  const rest = (meta ?? '').replace(/(^|\s)cell(?=\s|$)/, ' ').trim();
  return rest === '' ? null : rest;
}
