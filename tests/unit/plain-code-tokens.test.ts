import type { StyleVariant } from '@astrojs/starlight/expressive-code';
import type { Element } from '@astrojs/starlight/expressive-code/hast';
import { describe, expect, it } from 'vitest';
import { plainTokenStyle, unwrapPlainTokens } from '../../src/markdown/plain-code-tokens.ts';

const variant = (codeForeground: string) =>
  ({ resolvedStyleSettings: new Map([['codeForeground', codeForeground]]) }) as unknown as StyleVariant;
const span = (style: string, text: string, extra: Record<string, string> = {}): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { style, ...extra },
  children: [{ type: 'text', value: text }],
});
const line = (...children: Element['children']): Element => ({ type: 'element', tagName: 'div', properties: {}, children });

describe('plain code tokens', () => {
  const plain = plainTokenStyle([variant('#d6deeb'), variant('#403f53')]);

  it("is the inline style of a token in every theme's code colour", () => {
    expect(plain).toBe('--0:#d6deeb;--1:#403f53');
  });

  it("unwraps only the spans in the code's own colour, keeping the text and its order", () => {
    const code = line(
      span('--0:#C792EA;--1:#8844AE', 'import'),
      span('--0:#D6DEEB;--1:#403F53', ' { SimpleNN } '),
      span('--0:#C792EA;--1:#8844AE', 'from'),
    );
    unwrapPlainTokens(code, plain);
    expect(code.children.map((child) => child.type)).toEqual(['element', 'text', 'element']);
    expect(code.children.map((child) => ('value' in child ? child.value : (child as Element).children[0]))).toEqual([
      { type: 'text', value: 'import' },
      ' { SimpleNN } ',
      { type: 'text', value: 'from' },
    ]);
  });

  it('keeps a span in the code colour that carries anything else, or that differs in one theme', () => {
    const code = line(
      span('--0:#D6DEEB;--1:#403F53', 'marked', { className: 'highlight' }),
      span('--0:#D6DEEB;--1:#111111', 'other light colour'),
      span('--0:#D6DEEB;--1:#403F53;--0fs:italic', 'italic'),
    );
    unwrapPlainTokens(code, plain);
    expect(code.children.every((child) => child.type === 'element')).toBe(true);
  });

  it('unwraps plain spans nested in other elements', () => {
    const inner = line(span('--0:#D6DEEB;--1:#403F53', 'x'));
    const code = line(inner);
    unwrapPlainTokens(code, plain);
    expect(inner.children).toEqual([{ type: 'text', value: 'x' }]);
  });
});
