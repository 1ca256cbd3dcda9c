import { countsItsParameters } from '../capabilities.ts';
import { eachModule, eachOwnValue, type Module } from '../module.ts';
import { Parameter } from '../parameter.ts';

/**
 * The number of parameters of `model`, each shared parameter counted once. The twin of
 *
 * ```python
 * def count_parameters(model):
 *     return sum(p.numel() for p in model.parameters() if p.requires_grad)
 * ```
 *
 * `trainableOnly: false` counts frozen parameters too. A group of experts counts its own, without
 * listing them one by one.
 */
export function countParameters(
  model: Module,
  { trainableOnly = true }: { trainableOnly?: boolean } = {},
): number {
  return tally(model, trainableOnly);
}

/**
 * The parameters of `model` in one walk of its modules, without generators (the first count of a
 * model runs before the JIT has compiled anything); `visit` sees each module on the way, so
 * countActiveParameters needs no second walk.
 */
export function tally(model: Module, trainableOnly: boolean, visit?: (module: Module) => void): number {
  let total = 0;
  const seen = new Set<Parameter>();
  const add = (value: unknown) => {
    if (!(value instanceof Parameter) || seen.has(value)) return;
    seen.add(value);
    if (!trainableOnly || value.requiresGrad) total += value.numel();
  };
  eachModule(model, (module) => {
    visit?.(module);
    if (countsItsParameters(module)) total += module.parameterCount(trainableOnly);
    else eachOwnValue(module, add);
  });
  return total;
}
