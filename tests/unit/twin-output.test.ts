import { describe, expect, it } from 'vitest';
import { cellLines, differences, maskPattern, twinLines } from '../support/twin-output.ts';

describe('twin output', () => {
  it('splits what a cell and a twin printed into lines', () => {
    expect(cellLines([{ stream: 'log', text: 'SimpleNN(\n)' }, { stream: 'log', text: '32' }])).toEqual(['SimpleNN(', ')', '32']);
    expect(twinLines('SimpleNN(\n)\n32\n')).toEqual(['SimpleNN(', ')', '32']);
    expect(twinLines('')).toEqual([]);
  });

  it('agrees only when text, integers and printed digits are the same', () => {
    expect(differences(['total: 32', 'loss 0.734'], ['total: 32', 'loss 0.734'], [])).toEqual([]);
    expect(differences(['loss 0.734'], ['loss 0.735'], [])).toEqual([
      'line 1: the cell prints "loss 0.734", the twin "loss 0.735"',
    ]);
    expect(differences(['32'], ['32', 'extra'], [])).toEqual(['line 2: the twin prints "extra", the cell prints nothing']);
  });

  it('lets a mask stand for a whole line with a number wherever it has a #', () => {
    const pattern = maskPattern('library: #  # (x = #)');
    expect(pattern.test('library: 3.1716  -1.1013 (x = 124,439,808)')).toBe(true);
    expect(pattern.test('library: 3.1716  -1.1013 (x = 1) and more')).toBe(false);
    expect(pattern.test('library: 3.1716 (x = 1)')).toBe(false);
  });

  it('compares the masked numbers of a line, and only those, loosely', () => {
    const cell = ['library: 3.1716  0.7000', 'total: 32'];
    expect(differences(cell, ['library: -0.5012  0.1111', 'total: 32'], ['library: #  #'])).toEqual([]);
    expect(differences(cell, ['library: -0.5012', 'total: 32'], ['library: #  #'])).toHaveLength(1);
    expect(differences(cell, ['library: 3.1716  0.7000', 'total: 33'], ['library: #  #'])).toHaveLength(1);
    const timed = ['GPT-2 small: 124,439,808 parameters in 2.1 ms'];
    const mask = ['GPT-2 small: 124,439,808 parameters in # ms'];
    expect(differences(timed, ['GPT-2 small: 124,439,808 parameters in 40.6 ms'], mask)).toEqual([]);
    expect(differences(timed, ['GPT-2 small: 124,439,809 parameters in 2.1 ms'], mask)).toHaveLength(1);
  });

  it('rejects a mask that hides nothing', () => {
    expect(differences(['total: 32'], ['total: 32'], ['loss #'])).toEqual(['mask="loss #" matches no line of the cell\'s output']);
  });
});
