// How a twin's printed lines are held against its cell's: text and integers exactly, floats to
// the printed digits. A mask (mask="TEXT" on the twin) is a whole line in which each # stands for
// a number that depends on random initial weights or on time: a cell line that matches it agrees
// with any twin line that matches it too.
import type { OutputLine } from '../../src/notebook/runtime/cell-protocol.ts';

const NUMBER = String.raw`-?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines a mask stands for: its text, with any number where it has a #. */
export function maskPattern(mask: string): RegExp {
  return new RegExp(`^${mask.split('#').map(escapeRegExp).join(NUMBER)}$`, 'i');
}

/** What a cell printed, one entry per line (a console.log of "a\nb" printed two lines). */
export function cellLines(outputs: OutputLine[]): string[] {
  return outputs.flatMap((output) => output.text.split('\n'));
}

/** What a twin printed to stdout, one entry per line. */
export function twinLines(stdout: string): string[] {
  return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
}

/**
 * Where the twin's lines differ from the cell's, one message per difference (empty when they
 * agree). A mask that matches none of the cell's lines is a difference too: it would hide nothing.
 */
export function differences(cell: string[], twin: string[], masks: string[]): string[] {
  const found: string[] = [];
  const patterns = masks.map(maskPattern);
  masks.forEach((mask, i) => {
    if (!cell.some((line) => patterns[i].test(line))) found.push(`mask="${mask}" matches no line of the cell's output`);
  });
  for (let i = 0; i < Math.max(cell.length, twin.length); i++) {
    const [expected, actual] = [cell[i], twin[i]];
    if (expected === undefined) found.push(`line ${i + 1}: the twin prints ${JSON.stringify(actual)}, the cell prints nothing`);
    else if (actual === undefined) found.push(`line ${i + 1}: the cell prints ${JSON.stringify(expected)}, the twin prints nothing`);
    else {
      const mask = patterns.find((pattern) => pattern.test(expected));
      if (mask ? !mask.test(actual) : expected !== actual) {
        const masked = mask ? ` (masked as ${JSON.stringify(masks[patterns.indexOf(mask)])})` : '';
        found.push(`line ${i + 1}: the cell prints ${JSON.stringify(expected)}, the twin ${JSON.stringify(actual)}${masked}`);
      }
    }
  }
  return found;
}
