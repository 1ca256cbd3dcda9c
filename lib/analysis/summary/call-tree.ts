import type { Module } from '../../module.ts';
import { withShapeHook } from '../../shape-hooks.ts';
import type { Shape } from '../../shape.ts';

/** One place where a module is registered; a module held by two parents has two. */
interface Registration {
  module: Module;
  /** The field it is registered under (`conv1`, `0`), or the model's class name for the model. */
  name: string;
  depth: number;
  parent: Registration | null;
}

/** One row of the tree: a call of a module, or a container listed so its calls have a parent. */
export interface CallRow {
  module: Module;
  registration: Registration;
  depth: number;
  /** The first input's shape, as torchinfo's Input Shape column shows it. */
  inputShape: Shape | null;
  /** `null` for a container listed but not called here, or when the shape pass returned nothing. */
  outputShape: Shape | null;
  /** The module already had a row: this call is counted where it first appeared. */
  isRecursive: boolean;
  /** Multiply-adds done by the module itself rather than by its layers, with how they were counted. */
  ownMultAdds: { count: number; formula: string }[];
}

// Every registration of every module, depth first in field order, a shared module once per parent
// (torchinfo walks `_modules` the same way).
function registrations(model: Module): Map<Module, Registration[]> {
  const found = new Map<Module, Registration[]>();
  const visit = (registration: Registration, path: Set<Module>) => {
    const { module } = registration;
    found.set(module, [...(found.get(module) ?? []), registration]);
    if (path.has(module)) return;
    const inside = new Set(path).add(module);
    for (const [name, child] of module.namedChildren(false)) {
      visit({ module: child, name, depth: registration.depth + 1, parent: registration }, inside);
    }
  };
  visit({ module: model, name: model.constructor.name, depth: 0, parent: null }, new Set());
  return found;
}

// A module registered in several places is drawn under the one whose nearest running ancestor
// is the caller, i.e. the module on top of the call stack (torchinfo's `resolve_layer_context`).
function placeOf(module: Module, found: Map<Module, Registration[]>, stack: readonly CallRow[]): Registration {
  const candidates = found.get(module);
  const caller = stack.at(-1);
  if (!candidates) {
    // Not registered anywhere (called through a plain field): drawn under its caller.
    return { module, name: '', depth: stack.length, parent: caller?.registration ?? null };
  }
  if (candidates.length === 1 || !caller) return candidates[0]!;
  const running = new Set(stack.map((row) => row.module));
  const match = candidates.find((candidate) => {
    let parent = candidate.parent;
    while (parent && !running.has(parent.module)) parent = parent.parent;
    return parent?.module === caller.module;
  });
  return match ?? candidates[0]!;
}

/**
 * Runs the shape pass once and returns its calls in order, each at the depth of the place it is
 * registered, with the containers it is registered in listed before it whenever the rows above
 * would otherwise put it under the wrong parent (a Sequential whose layers are called one by one
 * is listed again, as recursive). This is torchinfo's tree, built from the call stack.
 */
export function callTree(model: Module, inputs: readonly Shape[]): CallRow[] {
  const found = registrations(model);
  const calls: CallRow[] = [];
  const stack: CallRow[] = [];
  const seen = new Set<Module>();
  withShapeHook(
    {
      enter(module, moduleInputs) {
        const registration = placeOf(module, found, stack);
        const row: CallRow = {
          module,
          registration,
          depth: registration.depth,
          inputShape: moduleInputs[0] ?? null,
          outputShape: null,
          isRecursive: seen.has(module),
          ownMultAdds: [],
        };
        seen.add(module);
        calls.push(row);
        stack.push(row);
      },
      exit(_module, output) {
        stack.pop()!.outputShape = Array.isArray(output) ? output : null;
      },
      ownMultAdds(count, formula) {
        stack.at(-1)?.ownMultAdds.push({ count, formula });
      },
    },
    () => model.callShape(...inputs),
  );
  return withContainers(calls);
}

// torchinfo's `add_missing_container_layers`: walk the calls keeping the row shown at each depth;
// when a call's registered ancestor is not the row shown at its depth, list the ancestor first.
function withContainers(calls: readonly CallRow[]): CallRow[] {
  const listed = new Set(calls.map((row) => row.module));
  // torchinfo inserts the same object for a registration each time, so a container listed twice
  // is one row shown twice (recursive, and numbered as its second listing) — kept for equal tables.
  const containers = new Map<Registration, CallRow>();
  const shown = new Map<number, CallRow>();
  const rows: CallRow[] = [];
  for (const call of calls) {
    const ancestors = new Map<number, Registration>();
    for (let p = call.registration.parent; p && p.depth > 0; p = p.parent) ancestors.set(p.depth, p);
    for (let depth = 1; depth < call.depth; depth++) {
      const ancestor = ancestors.get(depth);
      if (!ancestor || shown.get(depth)?.module === ancestor.module) continue;
      const container = containers.get(ancestor) ?? {
        module: ancestor.module,
        registration: ancestor,
        depth,
        inputShape: null,
        outputShape: null,
        isRecursive: false,
        ownMultAdds: [],
      };
      container.isRecursive = listed.has(ancestor.module);
      containers.set(ancestor, container);
      listed.add(ancestor.module);
      rows.push(container);
      shown.set(depth, container);
    }
    shown.set(call.depth, call);
    for (const depth of [...shown.keys()]) if (depth > call.depth) shown.delete(depth);
    rows.push(call);
  }
  return rows;
}
