import { describe, expect, it } from 'vitest';
import { PRINTS_32 } from '../support/prints-32.ts';

describe('the "prints 32" check used by the cell tests', () => {
  it.each(['32', 'Total number of trainable parameters: 32', '[32]', 'total=32.', '20 + 12 = 32'])(
    'accepts %j',
    (text) => expect(text).toMatch(PRINTS_32),
  );
  it.each(['132', '320', '3.2', '32.5', '0.32', 'thirty-two'])('rejects %j', (text) =>
    expect(text).not.toMatch(PRINTS_32),
  );
});
