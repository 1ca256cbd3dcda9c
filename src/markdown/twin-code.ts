// What makes a fenced code block the PyTorch twin of a cell: ```python twin, placed right after
// its ```ts cell block. Shared by the build (remark-cells) and the tests that extract twins.
//
// Options, each repeatable:
// - mask="PREFIX": the cell's output lines that start with PREFIX depend on random initial
//   weights (or on time); the twin test compares them with their numbers masked.
// - needs="MODULE": the twin imports a Python package that Debian does not ship with PyTorch
//   (torchinfo); the twin test runs it only where that package is installed.
import type { Code, Parent } from 'mdast';
import { isCellCode } from './cell-code.ts';

const MARKER = /(^|\s)twin(?=\s|$)/;
const OPTION = /(^|\s)(mask|needs)="([^"]*)"/g;

export function isTwinCode(node: Code): boolean {
  return node.lang === 'python' && MARKER.test(node.meta ?? '');
}

/** The twin of the cell at `parent.children[index]`: the code block right after it, if a twin. */
export function twinAfter(parent: Parent, index: number): Code | undefined {
  const next = parent.children[index + 1];
  return next?.type === 'code' && isTwinCode(next) ? next : undefined;
}

/** True when the twin at `parent.children[index]` has no cell right before it. */
export function isStrayTwin(parent: Parent, index: number): boolean {
  const previous = parent.children[index - 1];
  return !(previous?.type === 'code' && isCellCode(previous));
}

/** The values of the twin's mask="…" or needs="…" options, in order. */
export function twinOption(meta: string | null | undefined, name: 'mask' | 'needs'): string[] {
  return [...(meta ?? '').matchAll(OPTION)].filter((match) => match[2] === name).map((match) => match[3]);
}

/** The twin's meta without `twin` and its options, so Expressive Code sees ordinary options. */
export function metaWithoutTwinMarkers(meta: string | null | undefined): string | null {
  const rest = (meta ?? '').replace(OPTION, ' ').replace(MARKER, ' ').replace(/\s+/g, ' ').trim();
  return rest === '' ? null : rest;
}
