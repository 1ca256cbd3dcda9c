// The lesson pages of the site: their MDX source files and the URLs the build gives them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractNotebook, type NotebookOfPage } from '../../src/markdown/extract-cells.ts';

const DOCS = fileURLToPath(new URL('../../content/docs/', import.meta.url));

export interface LessonPage {
  /** Path of the MDX file, relative to content/docs. */
  file: string;
  /** URL path relative to the site's base, e.g. "lessons/01-what-are-parameters/". */
  url: string;
  cells: string[];
  /** The cells with their PyTorch twins, and any twin that follows no cell. */
  notebook: NotebookOfPage;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}

// Starlight's slug: the path without extension, "index" meaning the folder itself.
function urlOf(file: string): string {
  const slug = file.split(sep).join('/').replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
  return slug === '' ? '' : `${slug.toLowerCase()}/`;
}

export function lessonPages(): LessonPage[] {
  return mdxFiles(DOCS)
    .sort()
    .map((path) => {
      const file = relative(DOCS, path);
      const notebook = extractNotebook(readFileSync(path, 'utf8'));
      return { file, url: urlOf(file), cells: notebook.cells.map((cell) => cell.source), notebook };
    });
}
