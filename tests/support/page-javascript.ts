// The JavaScript a built page makes a reader download before they do anything: its inline scripts,
// its <script src> and modulepreload files, and everything those import statically. What a page
// loads on demand (import(), the cell kernel's worker on the first run, the search index) does not
// count. Measured from the built files; no server needed. The budget test and the benchmarks use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASE_PATH, DIST } from './built-site.ts';

// Astro writes scripts and preloads in a regular form; the attribute order varies.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}="([^"]*)"`);
// Static imports and re-exports in minified ES modules: import"x", import{a}from"x", export*from"x".
// Dynamic import("x") has a parenthesis after `import` and is left out on purpose.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;

function isJavaScript(attributes: string): boolean {
  const type = attributes.match(ATTRIBUTE('type'))?.[1];
  return type === undefined || type === 'module' || type === 'text/javascript';
}

/** The built file behind a URL path such as /param-notebook/_astro/page.js. */
function distFile(urlPath: string): string {
  if (!urlPath.startsWith(BASE_PATH)) throw new Error(`script outside the base path: ${urlPath}`);
  return join(DIST, urlPath.slice(BASE_PATH.length));
}

/** Adds a module file and, recursively, the files it imports statically. */
function addModule(urlPath: string, files: Map<string, Buffer>) {
  if (files.has(urlPath)) return;
  const code = readFileSync(distFile(urlPath));
  files.set(urlPath, code);
  for (const [, specifier] of code.toString('utf8').matchAll(STATIC_IMPORT)) {
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      addModule(new URL(specifier, `http://site${urlPath}`).pathname, files);
    }
  }
}

export interface PageJavaScript {
  files: Map<string, Buffer>;
  inline: string[];
}

/** The page's up-front scripts: module files by URL path, and inline scripts. */
export function pageJavaScript(html: string): PageJavaScript {
  const files = new Map<string, Buffer>();
  const inline: string[] = [];
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (!isJavaScript(attributes)) continue;
    const src = attributes.match(ATTRIBUTE('src'))?.[1];
    if (src) addModule(src, files);
    else if (body.trim()) inline.push(body);
  }
  for (const [link] of html.matchAll(PRELOAD)) addModule(link.match(ATTRIBUTE('href'))![1], files);
  return { files, inline };
}

export const gzipBytes = (code: Buffer | string) => gzipSync(code).length;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;


/** The gzip bytes of the JavaScript the built page `file` loads before any interaction. */
export function upFrontJavaScript(file: string) {
  const { files, inline } = pageJavaScript(readFileSync(file, 'utf8'));
  const fileBytes = [...files.values()].reduce((sum, code) => sum + gzipBytes(code), 0);
  const inlineBytes = inline.reduce((sum, code) => sum + gzipBytes(code), 0);
  return { files, inline, fileBytes, inlineBytes, total: fileBytes + inlineBytes };
}
