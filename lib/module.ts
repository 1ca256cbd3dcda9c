import { zeroGradOf } from './autograd/zero-grad.ts';
import { Buffer } from './buffer.ts';
import { pinName } from './names.ts';
import { Parameter } from './parameter.ts';
import { activeShapeHook } from './shape-hooks.ts';
import type { Shape } from './shape.ts';
import type { Tensor } from './tensor.ts';

// Python's `_addindent`: indents every line of a child's repr but the first.
const indent = (text: string, spaces: number) => text.split('\n').join(`\n${' '.repeat(spaces)}`);

const INDEX = /^\d+$/;

const NO_TENSORS: readonly [string, Parameter | Buffer][] = [];

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

// The kind a value registers as (PyTorch keeps one dictionary per kind), or null.
const kindOf = (value: unknown) =>
  value instanceof Module ? Module : value instanceof Parameter ? Parameter : value instanceof Buffer ? Buffer : null;

// Python's `torch.typename`, in the library's terms: `Tensor`, `Linear`, `number`.
const typeName = (value: unknown) => (typeof value === 'object' && value !== null ? value.constructor.name : typeof value);

// Every assignment to a module's property passes through here, as through PyTorch's `__setattr__`:
// a name that holds a Parameter takes only a Parameter or null (or undefined, JavaScript's other
// None), so a plain tensor cannot silently drop out of the count.
const guardParameters: ProxyHandler<object> = {
  set(target, name, value, receiver) {
    // A new name, or one a class defines (an accessor): as JavaScript would, with the proxy as `this`.
    if (!Object.hasOwn(target, name)) return Reflect.set(target, name, value, receiver);
    if (value != null && !(value instanceof Parameter) && Reflect.get(target, name) instanceof Parameter) {
      throw new TypeError(`cannot assign '${typeName(value)}' as parameter '${String(name)}' (Parameter or null expected)`);
    }
    return Reflect.set(target, name, value);
  },
};

// The object behind the proxy that `Guarded` has just made, until the Module being constructed
// takes it (its first field): a hand-over, as a proxy cannot be asked for its target.
let unguarded: object | null = null;

function takeUnguarded(): object {
  const self = unguarded!;
  unguarded = null;
  return self;
}

// The first constructor of every module: it hands the constructors after it, and so the caller, a
// proxy of the new object whose only trap is `guardParameters`. Nothing else sees an assignment
// (a field's accessor would be replaced by the subclass's own field definition).
abstract class Guarded {
  constructor() {
    unguarded = this;
    // biome-ignore lint/correctness/noConstructorReturn: the proxy is the module, from its first field on.
    return new Proxy(this, guardParameters);
  }
}

/**
 * The base class of every layer and model: the twin of `torch.nn.Module`.
 *
 * Subclasses declare their layers and parameters as ordinary fields
 * (`this.hidden = new Linear(3, 5)`). A Module finds them among its own fields in the order they
 * were assigned — the TypeScript twin of PyTorch's attribute registration. `Buffer` fields are
 * registered as buffers. Fields holding anything else (numbers, `null`, plain tensors) are not
 * registered. Names known only at run time (`0`, `1`, … in a Sequential, `weight_ih_l0` in an
 * LSTM) go through `register(name, value)`, and take their place in the same order. Every name is
 * PyTorch's own, so a state dict's keys are a PyTorch checkpoint's. A name that holds a Parameter
 * takes only a Parameter or null from then on, as PyTorch insists.
 */
export abstract class Module extends Guarded {
  static {
    pinName(this, 'Module');
  }

  // The module's own object, past the proxy: reading fields needs no guard, and goes faster.
  readonly #self: object = takeUnguarded();

  /** True while training (the default), false after `eval()`: Dropout acts only in training. */
  training = true;

  // The registered names in the order their values arrived, as PyTorch's dictionaries keep them:
  // a field joins when it first holds a value, a `register` call when it is made. Null until
  // `register` is used, as fields alone are already in order.
  #order: Set<string> | null = null;

  /** The computation, given the inputs. Call it through `call()`. */
  // biome-ignore lint/suspicious/noExplicitAny: each layer narrows the parameters to its own inputs.
  abstract forward(...args: any[]): unknown;

  /**
   * Runs the module: the twin of `model(x)` in Python, which calls `model.__call__(x)` and so
   * `forward(x)`. JavaScript objects cannot be called like functions, hence `model.call(x)`.
   */
  call(...args: Parameters<this['forward']>): ReturnType<this['forward']> {
    return this.forward(...args) as ReturnType<this['forward']>;
  }

  /**
   * Registers `value` under `name`, as if assigned to the field `this[name]`, and returns it: the
   * twin of PyTorch's `register_module` (`add_module`), `register_parameter` and `register_buffer`,
   * for names that are not fields the class declares. Registering a name again replaces the
   * value in its place; a name that is taken by anything else (a method, `training`, a size) is
   * refused, as PyTorch refuses it.
   */
  register<T extends Module | Parameter | Buffer>(name: string, value: T): T {
    const where = `${this.constructor.name}.register`;
    const kind = kindOf(value);
    if (kind === null) throw new TypeError(`${where}: "${name}" must be a Module, a Parameter or a Buffer`);
    if (name === '' || name.includes('.')) {
      throw new RangeError(`${where}: a name must be non-empty and without ".", got "${name}"`);
    }
    const self = this.#self;
    if (name in self && !(Object.hasOwn(self, name) && kindOf(Reflect.get(self, name)) === kind)) {
      throw new RangeError(`${where}: "${name}" would hide the property of that name`);
    }
    // Fields assigned so far go before this name. An index name (a ModuleList's `17`) skips the
    // scan once the order has started: rescanning every earlier index made a list of n modules
    // cost n² (10,000 layers took 13 s); a field assigned between two indices is noted on the next look.
    if (this.#order === null || !INDEX.test(name)) this.#noteFields();
    this.#order?.add(name);
    Object.defineProperty(self, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  }

  /** Sets training mode on this module and every submodule (`train(false)` = `eval()`); returns this. */
  train(mode = true): this {
    for (const module of this.modules()) module.training = mode;
    return this;
  }

  /** Switches to evaluation mode (Dropout passes its input through): the twin of `model.eval()`. */
  eval(): this {
    return this.train(false);
  }

  /** Clears the gradients of every parameter: to null by default, as PyTorch does, or to zeros. */
  zeroGrad(setToNone = true): void {
    zeroGradOf(this.parameters(), setToNone);
  }

  /**
   * The shape `forward` would return for inputs of these shapes, worked out from the sizes alone,
   * without reading a single weight (the twin of running PyTorch on the `meta` device). Layers
   * define it; models define it by calling their layers' `callShape` in forward order.
   */
  outputShape(..._inputs: Shape[]): Shape {
    throw new Error(`${this.constructor.name} does not define outputShape`);
  }

  /** Runs `outputShape` as `call()` runs `forward`, and lets `summary()` watch each module it reaches. */
  callShape(...inputs: Shape[]): Shape {
    const hook = activeShapeHook();
    hook?.enter(this, inputs);
    const output = this.outputShape(...inputs);
    hook?.exit(this, output);
    return output;
  }

  /** Extra text inside the parentheses of `toString()`, like PyTorch's `extra_repr()`. */
  extraRepr(): string {
    return '';
  }

  /**
   * Tensors this module holds under dotted names, with no field or submodule for each: a group of
   * experts names `17.gate_proj.weight` this way, as its checkpoint does, without building a
   * module per expert. They come after the module's fields. None by default.
   */
  protected dottedTensors(): readonly [string, Parameter | Buffer][] {
    return NO_TENSORS;
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
  namedParameters(prefix = '', recurse = true): Generator<[string, Parameter]> {
    return this.#namedTensors(Parameter, prefix, recurse);
  }

  /** Each buffer once (BatchNorm's running statistics, say): the twin of `buffers()`. */
  *buffers(recurse = true): Generator<Buffer> {
    for (const [, buffer] of this.namedBuffers('', recurse)) yield buffer;
  }

  /** `[name, buffer]` pairs such as `bn.running_mean`, each buffer once: the twin of `named_buffers()`. */
  namedBuffers(prefix = '', recurse = true): Generator<[string, Buffer]> {
    return this.#namedTensors(Buffer, prefix, recurse);
  }

  /**
   * Every parameter and buffer by its full name, parameters before buffers within each module:
   * the twin of `state_dict()`. Unlike `namedParameters()`, a tensor reachable under two names (a
   * tied weight, a layer used twice) is listed under both, as PyTorch saves it.
   */
  stateDict(prefix = ''): Map<string, Tensor> {
    const state = new Map<string, Tensor>();
    this.#saveTo(state, prefix);
    return state;
  }

  /** The direct submodules, each once. */
  *children(): Generator<Module> {
    for (const [, child] of this.namedChildren()) yield child;
  }

  /**
   * `[name, module]` pairs for the direct submodules, each once; with `removeDuplicate = false`, a
   * module registered under two names comes twice (PyTorch's `remove_duplicate` of `named_modules`).
   */
  *namedChildren(removeDuplicate = true): Generator<[string, Module]> {
    const seen = new Set<Module>();
    for (const [name, child] of this.#childFields()) {
      if (removeDuplicate && seen.has(child)) continue;
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

  *#namedTensors<T extends Tensor>(
    kind: abstract new (...args: never[]) => T,
    prefix: string,
    recurse: boolean,
  ): Generator<[string, T]> {
    const seen = new Set<T>();
    const modules: Iterable<[string, Module]> = recurse ? this.namedModules(prefix) : [[prefix, this]];
    for (const [modulePrefix, module] of modules) {
      for (const [name, value] of module.#tensorFields()) {
        if (!(value instanceof kind) || seen.has(value)) continue;
        seen.add(value);
        yield [join(modulePrefix, name), value];
      }
    }
  }

  #saveTo(state: Map<string, Tensor>, prefix: string): void {
    const fields = this.#tensorFields();
    for (const kind of [Parameter, Buffer]) {
      for (const [name, value] of fields) if (value instanceof kind) state.set(join(prefix, name), value);
    }
    for (const [name, child] of this.#childFields()) child.#saveTo(state, join(prefix, name));
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

  // Own fields in the order their values arrived. JavaScript keeps fields in declaration order
  // (so a declared field sits before a name registered in the constructor, even if assigned
  // after it) and puts integer-like names first; once `register` is used, `#order` decides.
  #fields(): [string, unknown][] {
    if (this.#order === null) return Object.entries(this.#self);
    this.#noteFields();
    return Array.from(this.#order ?? [], (name) => [name, Reflect.get(this.#self, name)]);
  }

  // The fields, then the tensors under dotted names: made only when tensors are listed.
  #tensorFields(): [string, unknown][] {
    const dotted = this.dottedTensors();
    return dotted.length === 0 ? this.#fields() : [...this.#fields(), ...dotted];
  }

  // Appends the fields that have come to hold a value since the last look.
  #noteFields(): void {
    this.#order ??= new Set();
    for (const [name, value] of Object.entries(this.#self)) {
      if (kindOf(value) !== null) this.#order.add(name);
    }
  }
}
