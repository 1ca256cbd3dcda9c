// The pages of the built site, read from the build output (OUT_DIR, default dist/), so the
// site-wide tests and benchmarks cover every page, in every language, without a list to update.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath, type Locale, LOCALES, outDir } from '../../site.config.ts';

export { LANGUAGES, type Locale, LOCALES } from '../../site.config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The build output folder (site.config.ts). */
export const DIST = resolve(ROOT, outDir());

/** The site's base path (site.config.ts). */
export const BASE_PATH = basePath();

export interface BuiltPage {
  /** URL relative to the base path: "", "zh-cn/lessons/01-what-are-parameters/", "404.html". */
  url: string;
  /** The HTML file in DIST. */
  file: string;
  locale: Locale;
}

// Folders of the build that hold assets and the search index, not pages.
const NOT_PAGES = new Set(['_astro', 'pagefind']);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_PAGES.has(entry.name) ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The locale of a URL relative to the base path; pages of a locale other than root live under `<locale>/`. */
export function localeOf(url: string): Locale {
  return LOCALES.find((locale) => locale !== 'root' && url.startsWith(`${locale}/`)) ?? 'root';
}

/** Every HTML page of the build, sorted by URL; throws when the site has not been built. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}: run \`astro build\` (with the same OUT_DIR) first.`);
  }
  return htmlFiles(DIST)
    .map((file) => {
      const path = relative(DIST, file).split(sep).join('/');
      // Astro writes each page as <route>/index.html; 404.html is served as it is.
      const url = path.replace(/(^|\/)index\.html$/, '$1');
      return { url, file, locale: localeOf(url) };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** The page GitHub Pages shows for a missing address, and its translations (e.g. zh-cn/404/). */
export function isNotFoundPage(page: BuiltPage): boolean {
  return page.url === '404.html' || /(^|\/)404\/$/.test(page.url);
}

/** The pages with content of their own: every page but the not-found pages. */
export function contentPages(): BuiltPage[] {
  return builtPages().filter((page) => !isNotFoundPage(page));
}
