// sucrase's ESM build, which the cell compiler imports for the browser's sake, leaves the file
// extensions out of its own imports: bundlers accept that, Node does not. The build runs cells
// in plain Node (remark-cells.ts), so this teaches Node to add them, for sucrase's ESM files only.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? '';
    if (!parent.includes('/sucrase/dist/esm/') || !/^\.\.?\//.test(specifier) || specifier.endsWith('.js')) {
      return nextResolve(specifier, context);
    }
    const file = new URL(`${specifier}.js`, parent);
    return nextResolve(existsSync(file) ? file.href : new URL(`${specifier}/index.js`, parent).href, context);
  },
});
