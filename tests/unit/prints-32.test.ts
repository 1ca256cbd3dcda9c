import { describe, expect, it } from 'vitest';
import { PRINTS_32, whyNot32 } from '../../src/markdown/prints-32.ts';

describe('the "prints 32" check used by the cell tests', () => {
  it.each(['32', 'Total number of trainable parameters: 32', '[32]', 'total=32.', '20 + 12 = 32'])(
    'accepts %j',
    (text) => expect(text).toMatch(PRINTS_32),
  );
  it.each(['132', '320', '3.2', '32.5', '0.32', 'thirty-two'])('rejects %j', (text) =>
    expect(text).not.toMatch(PRINTS_32),
  );
});

describe('what the build says of a cell that breaks the rule', () => {
  const log = (text: string) => ({ stream: 'log' as const, text });

  it('says nothing of a cell that prints 32 on any of its lines', () => {
    expect(whyNot32({ outputs: [log('hidden: 20'), log('total: 32')] })).toBeUndefined();
  });

  it('quotes what a cell printed instead of 32', () => {
    expect(whyNot32({ outputs: [log('31')] })).toBe('prints no 32: "31"');
    expect(whyNot32({ outputs: [] })).toBe('prints nothing, not 32');
  });

  it('names the error and its line, even when the cell printed 32 before it', () => {
    const error = { kind: 'runtime' as const, name: 'TypeError', message: 'x is not a function', line: 4 };
    expect(whyNot32({ outputs: [log('32')], error })).toBe('throws at line 4 of the cell: TypeError: x is not a function');
    expect(whyNot32({ outputs: [], error: { ...error, kind: 'syntax', name: 'SyntaxError', line: undefined } })).toBe(
      'does not compile: SyntaxError: x is not a function',
    );
  });
});
