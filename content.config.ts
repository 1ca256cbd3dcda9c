import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// The notebook's own UI text, translated per locale in content/i18n/<lang>.json.
const notebookStrings = z.object({
  'notebook.run': z.string(),
  'notebook.runCell': z.string(),
  'notebook.running': z.string(),
  'notebook.edit': z.string(),
  'notebook.editCell': z.string(),
  'notebook.edited': z.string(),
  'notebook.output': z.string(),
  'notebook.noOutput': z.string(),
  'notebook.line': z.string(),
  'notebook.column': z.string(),
  'notebook.shortcut': z.string(),
});

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: notebookStrings.partial() }) }),
};
