// How a run reads, the same at build time and in the page: what it printed, then notices.
import { describe, expect, it } from 'vitest';
import { type OutputLabels, resultLines, uncaughtLine } from '../../src/notebook/runtime/output-text.ts';

const labels: OutputLabels = {
  noOutput: '(no output)',
  atLine: 'line {{line}}',
  atLineColumn: 'line {{line}}, column {{column}}',
  truncated: 'Output truncated.',
  uncaught: 'Uncaught {{error}}',
  uncaughtInPromise: 'Uncaught (in promise) {{error}}',
  stopped: {
    interrupted: 'Interrupted.',
    'time-limit': 'Stopped at the time limit.',
    restarted: 'Stopped: restarted.',
    'not-run': 'Not run.',
    'kernel-failed': 'No kernel.',
  },
};

describe('the lines of a result', () => {
  it('are what the cell printed, then the truncation notice, the error and why it stopped', () => {
    const lines = resultLines(
      {
        outputs: [{ stream: 'log', text: '32' }],
        truncated: true,
        error: { kind: 'runtime', name: 'TypeError', message: 'x is null', line: 3, column: 7 },
        stopped: 'interrupted',
      },
      labels,
    );
    expect(lines).toEqual([
      { stream: 'log', text: '32' },
      { stream: 'notice', text: 'Output truncated.' },
      { stream: 'error', text: 'TypeError: x is null (line 3, column 7)' },
      { stream: 'error', text: 'Interrupted.' },
    ]);
  });

  it('say so when there is nothing to show', () => {
    expect(resultLines({ outputs: [] }, labels)).toEqual([{ stream: 'notice', text: '(no output)' }]);
  });

  it('give the line alone when the column is not the cell\'s, and no place when there is none', () => {
    const [withLine] = resultLines({ outputs: [], error: { kind: 'syntax', name: 'ImportError', message: 'no', line: 2 } }, labels);
    expect(withLine.text).toBe('ImportError: no (line 2)');
    const [bare] = resultLines({ outputs: [], error: { kind: 'runtime', name: 'Uncaught', message: '32' } }, labels);
    expect(bare.text).toBe('Uncaught: 32');
  });
});

describe('an uncaught line', () => {
  it('tells a rejected promise from a thrown error', () => {
    const error = { kind: 'runtime' as const, name: 'RangeError', message: 'late', line: 4 };
    expect(uncaughtLine(error, true, labels)).toEqual({ stream: 'error', text: 'Uncaught (in promise) RangeError: late (line 4)' });
    expect(uncaughtLine(error, false, labels).text).toBe('Uncaught RangeError: late (line 4)');
  });
});
