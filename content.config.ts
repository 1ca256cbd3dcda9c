import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { COMPONENT_STRINGS } from './src/i18n/component-strings.ts';
import { uiStringsSchema } from './src/i18n/ui-strings.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight's own strings, and every component's (each declares its keys in its ui-strings.ts),
  // translated per language in content/i18n/<lang>.json.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema(COMPONENT_STRINGS) }) }),
};
