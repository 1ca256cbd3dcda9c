// A component's UI strings: the component declares their keys once, in a `ui-strings.ts` beside
// it; content.config.ts builds the i18n schema from every component's list
// (component-strings.ts), and the component reads its strings through the same list.
// The strings themselves live in content/i18n/<lang>.json as `<prefix>.<key>`.
import { z } from 'astro/zod';

export interface UiStrings<Prefix extends string = string, Key extends string = string> {
  /** What every key of the component starts with in content/i18n/<lang>.json, e.g. "lab" for "lab.width". */
  readonly prefix: Prefix;
  readonly keys: readonly Key[];
}

/** Declares a component's strings: `defineUiStrings('lab', ['width', 'train'])` for `lab.width` and `lab.train`. */
export function defineUiStrings<const Prefix extends string, const Key extends string>(
  prefix: Prefix,
  keys: readonly Key[],
): UiStrings<Prefix, Key> {
  return { prefix, keys };
}

/** A component's strings in one language, by key; templates keep their `{{name}}` places for fill(). */
export type UiText<Strings extends UiStrings> = Record<Strings['keys'][number], string>;

type FullKey<Strings> = Strings extends UiStrings<infer Prefix, infer Key> ? `${Prefix}.${Key}` : never;

/** The keys as content/i18n/<lang>.json spells them, e.g. "lab.width". */
export const fullKeys = ({ prefix, keys }: UiStrings): string[] => keys.map((key) => `${prefix}.${key}`);

/** The i18n schema of these components' strings: every key a required string, in every language. */
export function uiStringsSchema<const Lists extends readonly UiStrings[]>(lists: Lists) {
  const keys = lists.flatMap(fullKeys);
  return z.object(Object.fromEntries(keys.map((key) => [key, z.string()])) as Record<FullKey<Lists[number]>, z.ZodString>);
}

/**
 * A component's strings for the page, from Starlight's dictionary of the page's language
 * (`Astro.locals.t.all()`). The schema makes every key required, so a gap is a build error there;
 * this check names the key for a dictionary that slipped past it.
 */
export function uiText<const Strings extends UiStrings>(
  dictionary: Readonly<Record<string, unknown>>,
  strings: Strings,
): UiText<Strings> {
  const entries = strings.keys.map((key) => {
    const text = dictionary[`${strings.prefix}.${key}`];
    if (typeof text !== 'string') throw new Error(`content/i18n has no string for "${strings.prefix}.${key}"`);
    return [key, text];
  });
  return Object.fromEntries(entries) as UiText<Strings>;
}
