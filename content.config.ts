import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// The notebook's own UI text, translated per locale in content/i18n/<lang>.json.
const notebookStrings = z.object({
  'checkYourself.right': z.string(),
  'checkYourself.wrong': z.string(),
  'notebook.toolbar': z.string(),
  'notebook.runAll': z.string(),
  'notebook.interrupt': z.string(),
  'notebook.restart': z.string(),
  'notebook.resetAll': z.string(),
  'notebook.resetAllConfirm': z.string(),
  'notebook.kernelRestarted': z.string(),
  'notebook.run': z.string(),
  'notebook.runCell': z.string(),
  'notebook.shortcut': z.string(),
  'notebook.executionCount': z.string(),
  'notebook.copy': z.string(),
  'notebook.copyCell': z.string(),
  'notebook.copied': z.string(),
  'notebook.copyFailed': z.string(),
  'notebook.reset': z.string(),
  'notebook.resetCell': z.string(),
  'notebook.resetConfirm': z.string(),
  'notebook.edited': z.string(),
  'notebook.editCell': z.string(),
  'notebook.conflict': z.string(),
  'notebook.keepEdit': z.string(),
  'notebook.useOriginal': z.string(),
  'notebook.output': z.string(),
  'notebook.savedOutput': z.string(),
  'notebook.noOutput': z.string(),
  'notebook.atLine': z.string(),
  'notebook.atLineColumn': z.string(),
  'notebook.truncated': z.string(),
  'notebook.uncaught': z.string(),
  'notebook.uncaughtInPromise': z.string(),
  'notebook.interrupted': z.string(),
  'notebook.timeLimit': z.string(),
  'notebook.restarted': z.string(),
  'notebook.notRun': z.string(),
  'notebook.kernelFailed': z.string(),
});

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: notebookStrings.partial() }) }),
};
