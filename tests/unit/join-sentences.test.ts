import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../src/i18n/join-sentences.ts';

describe('joinSentences', () => {
  it('puts a space between English sentences', () => {
    expect(joinSentences('Not quite.', 'That forgets the bias.')).toBe('Not quite. That forgets the bias.');
  });

  it('lets Chinese full-width punctuation end a sentence without a space', () => {
    expect(joinSentences('不太对。', '这漏掉了偏置。')).toBe('不太对。这漏掉了偏置。');
  });
});
