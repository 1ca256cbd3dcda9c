import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** Python's list indexing: `index` may be negative; anything outside `[-length, length)` throws. */
export function listIndex(index: number, length: number, what: string): number {
  if (!Number.isInteger(index) || index < -length || index >= length) {
    throw new RangeError(`${what}: index ${index} is out of range for ${length} modules`);
  }
  return index < 0 ? index + length : index;
}

/**
 * A list of modules whose parameters count as the owner's: the twin of `torch.nn.ModuleList`.
 * A plain array field is not registered (as a Python list is not); a ModuleList is, with its
 * modules named `0`, `1`, …. It has no forward: the owner decides how to use them.
 */
export class ModuleList extends ShapeOnlyModule {
  static {
    pinName(this, 'ModuleList');
  }

  [index: number]: Module;
  #length = 0;

  constructor(modules: Iterable<Module> = []) {
    super();
    for (const module of modules) this.append(module);
  }

  get length(): number {
    return this.#length;
  }

  /** Adds a module at the end and returns this list, like `append`. */
  append(module: Module): this {
    if (!(module instanceof Module)) throw new TypeError(`ModuleList: item ${this.#length} is not a Module`);
    this.register(String(this.#length++), module);
    return this;
  }

  /** The module at `index`; negative counts from the end, as in Python. */
  get(index: number): Module {
    return this[listIndex(index, this.#length, 'ModuleList.get')]!;
  }

  *[Symbol.iterator](): Iterator<Module> {
    for (let i = 0; i < this.#length; i++) yield this[i]!;
  }
}

/**
 * Modules by name, registered under those names: the twin of `torch.nn.ModuleDict`, as GPT-2's
 * `transformer.wte` shows. Keys keep their insertion order; keys that look like integers would be
 * reordered by JavaScript, so use a ModuleList for those. `get` knows each key's type.
 */
export class ModuleDict<T extends Record<string, Module> = Record<string, Module>> extends ShapeOnlyModule {
  static {
    pinName(this, 'ModuleDict');
  }

  constructor(modules?: T) {
    super();
    for (const [key, module] of Object.entries(modules ?? {})) {
      if (/^\d+$/.test(key)) throw new RangeError(`ModuleDict: key "${key}" looks like an index; use a ModuleList`);
      if (!(module instanceof Module)) throw new TypeError(`ModuleDict: "${key}" is not a Module`);
      this.register(key, module);
    }
  }

  /** The module under `key`, typed as it was given. */
  get<K extends keyof T & string>(key: K): T[K];
  get(key: string): Module;
  get(key: string): Module {
    const module: unknown = Object.hasOwn(this, key) ? Reflect.get(this, key) : undefined;
    if (!(module instanceof Module)) throw new RangeError(`ModuleDict.get: no module named "${key}"`);
    return module;
  }
}
