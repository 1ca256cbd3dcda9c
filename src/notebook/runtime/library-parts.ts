// The library in two parts for the kernel worker: its core (tensors, layers, counting: what most
// cells import) loads as the worker starts; the rest (model families, summaries, memory) when a
// cell first imports from it. A page that starts its kernel before any click stays light.
import { once } from './run-cell.ts';

type Namespace = Record<string, unknown>;

export interface LibraryParts {
  /** Starts loading the core now. */
  preload(): Promise<Namespace>;
  /** The smallest part of the library that has every name in `imports` (`*` needs all of it). */
  libraryFor(imports: readonly string[]): Promise<Namespace>;
}

/**
 * `loadWhole` must give the very bindings `loadCore` gives (one module graph), so cells that took
 * a name from the core and cells that took it from the whole library share one class.
 */
export function libraryParts(loadCore: () => Promise<Namespace>, loadWhole: () => Promise<Namespace>): LibraryParts {
  const core = once(loadCore);
  const whole = once(loadWhole);
  return {
    preload: core,
    async libraryFor(imports) {
      const part = await core();
      return imports.every((name) => name in part) ? part : whole();
    },
  };
}
