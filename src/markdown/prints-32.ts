// The site's signature, as the build enforces it: every cell runs without an error and prints 32,
// a parameter count the library computed. The Node test of every cell (tests/unit/cells.test.ts)
// reads the same rule.
import type { CellResult } from '../notebook/runtime/cell-protocol.ts';

// "Prints 32" means 32 as a whole number: "32" or "total: 32", not "132", "320" or "3.2".
export const PRINTS_32 = /(?<![\d.])32(?!\d|\.\d)/;

/** Why a cell's run breaks the rule, or undefined when it prints 32 and throws nothing. */
export function whyNot32({ outputs, error }: Pick<CellResult, 'outputs' | 'error'>): string | undefined {
  if (error) {
    const where = error.line === undefined ? '' : ` at line ${error.line} of the cell`;
    return `${error.kind === 'syntax' ? 'does not compile' : 'throws'}${where}: ${error.name}: ${error.message}`;
  }
  const text = outputs.map((line) => line.text).join('\n');
  if (PRINTS_32.test(text)) return undefined;
  return text === '' ? 'prints nothing, not 32' : `prints no 32: ${JSON.stringify(text.slice(0, 200))}`;
}
