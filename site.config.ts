// The site's settings in one place: where it is published, in which languages, and how it writes
// numbers. astro.config.mjs, playwright.config.ts, the tests and the benchmarks read it, and so do
// the components (the number formatting runs in the browser too, which is why the settings that
// come from the environment are functions: nothing reads `process` unless it is called, in Node).

/** The path the site is served under, with both slashes: GitHub Pages serves a project site under /<repository>/. */
export const basePath = (): string => process.env.BASE_PATH ?? '/param-notebook/';

/** The site's origin, for canonical links and link previews. */
export const siteUrl = (): string => process.env.SITE_URL ?? 'https://param-notebook.github.io';

/** The build output folder; OUT_DIR lets several builds run side by side. */
export const outDir = (): string => process.env.OUT_DIR ?? './dist';

/**
 * The site's languages, in Starlight's form: English at the root, the others under `/<key>/`.
 * `lang` is the BCP-47 tag pages carry in `<html lang>` and format their numbers with.
 */
export const LANGUAGES = {
  root: { label: 'English', lang: 'en' },
  'zh-cn': { label: '简体中文', lang: 'zh-CN' },
} as const;

export type Locale = keyof typeof LANGUAGES;

/** The locales, root first. */
export const LOCALES = Object.keys(LANGUAGES) as Locale[];
