// The components' UI strings: the components' lists make the i18n schema, and every language has
// a string for every key they declare, and none that neither they nor Starlight declare.
import { readFileSync } from 'node:fs';
import { i18nSchema } from '@astrojs/starlight/schema';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALES } from '../../site.config.ts';
import { COMPONENT_STRINGS } from '../../src/i18n/component-strings.ts';
import { defineUiStrings, fullKeys, uiStringsSchema, uiText } from '../../src/i18n/ui-strings.ts';

const declared = new Set(COMPONENT_STRINGS.flatMap(fullKeys));
// As content.config.ts builds it: Starlight's own strings and the components'.
const schema = i18nSchema({ extend: uiStringsSchema(COMPONENT_STRINGS) });

const strings = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));

describe.each(LOCALES.map((locale) => LANGUAGES[locale].lang))('content/i18n/%s.json', (lang) => {
  it('has a string for every key a component declares', () => {
    const file = strings(lang);
    expect([...declared].filter((key) => !file[key]?.trim())).toEqual([]);
  });

  it('has no string that neither Starlight nor a component declares', () => {
    expect(Object.keys(strings(lang)).filter((key) => !(key in schema.shape))).toEqual([]);
  });

  it('passes the i18n schema', () => {
    expect(schema.safeParse(strings(lang)).error).toBeUndefined();
  });
});

describe('a component’s strings', () => {
  const demo = defineUiStrings('demo', ['run', 'runCell']);

  it('are read by key from the page’s dictionary, templates unfilled', () => {
    const dictionary = { 'demo.run': 'Run', 'demo.runCell': 'Run cell {{number}}', 'other.run': 'x' };
    expect(uiText(dictionary, demo)).toEqual({ run: 'Run', runCell: 'Run cell {{number}}' });
  });

  it('name the key a dictionary lacks', () => {
    expect(() => uiText({ 'demo.run': 'Run' }, demo)).toThrow('"demo.runCell"');
  });

  it('make the schema reject a language file without one of them', () => {
    const result = uiStringsSchema([demo]).safeParse({ 'demo.run': 'Run' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['demo.runCell']);
  });
});
