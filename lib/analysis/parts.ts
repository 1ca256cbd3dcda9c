// The parameters of a model by part (embeddings, attention, MLP, experts, router, norms, head), as
// its family record names them: Count your model's component table, and a treemap's boxes.
import { countsItsParameters } from '../capabilities.ts';
import type { Module } from '../module.ts';
import type { Part } from '../models/families/family.ts';
import { builtModel } from '../models/from-config.ts';
import type { Parameter } from '../parameter.ts';

export interface ParameterParts {
  /** Parameters by part, each parameter once, in the order the parts first appear. */
  parts: Map<Part, number>;
  /** A parameter reachable under a second name (a tied head), and the name it is counted under. */
  tied: { name: string; storedAs: string }[];
}

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/** The part a parameter of `model` belongs to, by its name; `model` must come from modelFromConfig. */
export function partOf(model: Module, name: string): Part {
  const built = builtModel(model);
  if (!built) throw new RangeError(`partOf: ${model.constructor.name} was not built by modelFromConfig, so its family is unknown`);
  return built.family.partOf(name);
}

/**
 * Every parameter of a model built by modelFromConfig, summed by part. A group of experts is
 * counted as a whole, under the part of its first expert's names, without listing them.
 */
export function parameterParts(model: Module): ParameterParts {
  const parts = new Map<Part, number>();
  const add = (part: Part, n: number) => parts.set(part, (parts.get(part) ?? 0) + n);
  const seen = new Map<Parameter, string>();
  const tied: ParameterParts['tied'] = [];
  for (const [prefix, module] of model.namedModules()) {
    if (countsItsParameters(module)) {
      add(partOf(model, join(prefix, '0.weight')), module.parameterCount(false));
      continue;
    }
    for (const [local, parameter] of module.namedParameters('', false)) {
      const name = join(prefix, local);
      const first = seen.get(parameter);
      if (first !== undefined) {
        tied.push({ name, storedAs: first });
        continue;
      }
      seen.set(parameter, name);
      add(partOf(model, name), parameter.numel());
    }
  }
  return { parts, tied };
}
