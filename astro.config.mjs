// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeMermaid from 'rehype-mermaid';
import { pluginPlainCodeTokens } from './src/markdown/plain-code-tokens.ts';
import { remarkCells } from './src/markdown/remark-cells.ts';
import { chromiumPath } from './scripts/chromium-path.mjs';
import { basePath, LANGUAGES, outDir as buildDir, siteUrl } from './site.config.ts';

const base = basePath();
const site = siteUrl();
// Link previews need an absolute image URL; Starlight writes the other Open Graph tags per page.
const socialCard = new URL(`${base}social-card.png`, site).href;
const outDir = buildDir();

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir: process.env.OUT_DIR ? `${outDir}-cache` : './node_modules/.astro',
  trailingSlash: 'always',
  // Starlight hard-codes <srcDir>/content/docs; the lessons live in the repo-root content/.
  srcDir: './',
  markdown: {
    // The default processor skips rehype plugins; mermaid needs one to become inline SVG at build time.
    processor: unified({
      remarkPlugins: [remarkCells],
      rehypePlugins: [
        [
          rehypeMermaid,
          {
            strategy: 'inline-svg',
            launchOptions: { executablePath: chromiumPath() },
          },
        ],
      ],
    }),
  },
  vite: {
    // Module workers keep the cell compiler in its own chunk, loaded on the first run only
    // (the default iife format would inline it into the worker).
    worker: { format: 'es' },
    // Pre-bundled up front, or the first Run in dev mode reloads with "Outdated Optimize Dep".
    optimizeDeps: {
      include: [
        'sucrase',
        'sucrase/dist/esm/parser/index.js',
        'sucrase/dist/esm/parser/tokenizer/index.js',
        'sucrase/dist/esm/parser/tokenizer/keywords.js',
        'sucrase/dist/esm/parser/tokenizer/types.js',
      ],
    },
  },
  integrations: [
    starlight({
      title: 'param-notebook',
      description:
        'What the parameters of a neural network are, how to count them, and where overfitting comes from — with live code cells.',
      head: [
        { tag: 'meta', attrs: { property: 'og:image', content: socialCard } },
        { tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
        { tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
        {
          tag: 'meta',
          attrs: { property: 'og:image:alt', content: 'param-notebook: count the parameters of a neural network' },
        },
      ],
      // Long lines wrap instead of scrolling: no sideways scrolling on phones, and no unlabelled
      // scrollable "region" landmarks (Expressive Code marks every scrolling block as one).
      // Tokens in the code's own colour lose their spans (src/markdown/plain-code-tokens.ts).
      expressiveCode: { defaultProps: { wrap: true }, plugins: [pluginPlainCodeTokens()] },
      // Search loads Pagefind's UI when it is opened, not when the page is idle (src/components/Search/).
      components: { Search: './src/components/Search/Search.astro' },
      // The order of the site's cascade layers (after Starlight's), then the 简体中文 edition's fonts.
      customCss: ['./src/styles/layers.css', './src/styles/chinese-fonts.css'],
      defaultLocale: 'root',
      locales: LANGUAGES,
      sidebar: [
        {
          label: 'Lessons',
          translations: { 'zh-CN': '课程' },
          items: [{ autogenerate: { directory: 'lessons' } }],
        },
        // Its label is the page's title, in each language.
        { slug: 'count-your-model' },
      ],
    }),
    mdx(),
  ],
});
