import { pinName } from './names.ts';
import { Parameter } from './parameter.ts';

// Python's `_addindent`: indents every line of a child's repr but the first.
const indent = (text: string, spaces: number) => text.split('\n').join(`\n${' '.repeat(spaces)}`);

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/**
 * The base class of every layer and model: the twin of `torch.nn.Module`.
 *
 * Subclasses declare their layers and parameters as ordinary fields
 * (`this.hidden = new Linear(3, 5)`). A Module finds them among its own fields in the order they
 * were assigned — the TypeScript twin of PyTorch's attribute registration. Fields holding
 * anything else (numbers, `null`, plain tensors) are not registered.
 */
export abstract class Module {
  static {
    pinName(this, 'Module');
  }

  /** The computation, given the inputs. Call it through `call()`. */
  abstract forward(...args: any[]): unknown;

  /**
   * Runs the module: the twin of `model(x)` in Python, which calls `model.__call__(x)` and so
   * `forward(x)`. JavaScript objects cannot be called like functions, hence `model.call(x)`.
   */
  call(...args: Parameters<this['forward']>): ReturnType<this['forward']> {
    return this.forward(...args) as ReturnType<this['forward']>;
  }

  /** Extra text inside the parentheses of `toString()`, like PyTorch's `extra_repr()`. */
  extraRepr(): string {
    return '';
  }

  /** Each parameter once, even when shared: the twin of `parameters()`. */
  *parameters(recurse = true): Generator<Parameter> {
    for (const [, parameter] of this.namedParameters('', recurse)) yield parameter;
  }

  /**
   * `[name, parameter]` pairs with dotted names such as `hidden.weight`, each parameter once (the
   * first name wins for shared ones): the twin of `named_parameters()`. A module's own parameters
   * come before those of its children, as in PyTorch.
   */
  *namedParameters(prefix = '', recurse = true): Generator<[string, Parameter]> {
    const seen = new Set<Parameter>();
    const modules: Iterable<[string, Module]> = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [modulePrefix, module] of modules) {
      for (const [name, value] of module.#fields()) {
        if (!(value instanceof Parameter) || seen.has(value)) continue;
        seen.add(value);
        yield [join(modulePrefix, name), value];
      }
    }
  }

  /** The direct submodules, each once. */
  *children(): Generator<Module> {
    for (const [, child] of this.namedChildren()) yield child;
  }

  /** `[name, module]` pairs for the direct submodules, each once. */
  *namedChildren(): Generator<[string, Module]> {
    const seen = new Set<Module>();
    for (const [name, child] of this.#childFields()) {
      if (seen.has(child)) continue;
      seen.add(child);
      yield [name, child];
    }
  }

  /** This module and every submodule, depth-first, each once. */
  *modules(): Generator<Module> {
    for (const [, module] of this.namedModules()) yield module;
  }

  /** `[name, module]` pairs, starting with this module named `prefix` (`''` by default). */
  namedModules(prefix = ''): Generator<[string, Module]> {
    return this.#namedModules(prefix, new Set());
  }

  /** Sets `requiresGrad` on every parameter (`false` freezes them) and returns this module. */
  requiresGrad_(requiresGrad = true): this {
    for (const parameter of this.parameters()) parameter.requiresGrad = requiresGrad;
    return this;
  }

  /** The same text as PyTorch's `repr(model)`. */
  toString(): string {
    const extra = this.extraRepr();
    const extraLines = extra ? extra.split('\n') : [];
    // Like PyTorch's repr, a module registered twice is listed twice.
    const childLines = [...this.#childFields()].map(
      ([name, child]) => `(${name}): ${indent(child.toString(), 2)}`,
    );
    const lines = [...extraLines, ...childLines];
    let body = '';
    if (extraLines.length === 1 && childLines.length === 0) body = extraLines[0]!;
    else if (lines.length > 0) body = `\n  ${lines.join('\n  ')}\n`;
    return `${this.constructor.name}(${body})`;
  }

  *#namedModules(prefix: string, seen: Set<Module>): Generator<[string, Module]> {
    if (seen.has(this)) return;
    seen.add(this);
    yield [prefix, this];
    for (const [name, child] of this.#childFields()) {
      yield* child.#namedModules(join(prefix, name), seen);
    }
  }

  *#childFields(): Generator<[string, Module]> {
    for (const [name, value] of this.#fields()) {
      if (value instanceof Module) yield [name, value];
    }
  }

  // Own enumerable fields in assignment order (integer-like names such as Sequential's "0" first).
  #fields(): [string, unknown][] {
    return Object.entries(this);
  }
}
