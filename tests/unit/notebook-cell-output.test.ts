// The bound on what a cell prints: a thousand lines or a hundred thousand characters, whichever
// comes first, cut inside a long text when need be.
import { describe, expect, it } from 'vitest';
import { BoundedOutput, MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from '../../src/notebook/runtime/cell-output.ts';

describe('a bounded output', () => {
  it('cuts one long multi-line text at the line bound', () => {
    const output = new BoundedOutput();
    output.write('log', () => 'x\n'.repeat(MAX_OUTPUT_LINES + 5));
    expect(output.lines).toHaveLength(1);
    expect(output.lines[0].text.split('\n')).toHaveLength(MAX_OUTPUT_LINES);
    expect(output.truncated).toBe(true);
  });

  it('cuts a huge string at the character bound', () => {
    const output = new BoundedOutput();
    output.write('log', () => 'x'.repeat(MAX_OUTPUT_CHARS * 3));
    expect(output.lines[0].text).toHaveLength(MAX_OUTPUT_CHARS);
    expect(output.truncated).toBe(true);
  });

  it('stops formatting what it would drop, and tells its listener once', () => {
    const notices: string[] = [];
    const output = new BoundedOutput({ truncated: () => notices.push('truncated') });
    let formatted = 0;
    const format = () => {
      formatted++;
      return 'line';
    };
    for (let i = 0; i < MAX_OUTPUT_LINES * 3; i++) output.write('log', format);
    expect(formatted).toBe(MAX_OUTPUT_LINES);
    expect(notices).toEqual(['truncated']);
  });

  it('passes each kept line to its listener as it comes', () => {
    const heard: string[] = [];
    const output = new BoundedOutput({ output: ({ stream, text }) => heard.push(`${stream}: ${text}`) });
    output.write('warn', () => 'careful');
    output.write('error', () => 'wrong');
    expect(heard).toEqual(['warn: careful', 'error: wrong']);
    expect(output.truncated).toBe(false);
  });
});
