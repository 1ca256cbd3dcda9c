import { countsItsParameters } from '../capabilities.ts';
import type { Module } from '../module.ts';
import type { Parameter } from '../parameter.ts';

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
  let total = 0;
  const seen = new Set<Parameter>();
  for (const module of model.modules()) {
    if (countsItsParameters(module)) {
      total += module.parameterCount(trainableOnly);
      continue;
    }
    for (const parameter of module.parameters(false)) {
      if (seen.has(parameter)) continue;
      seen.add(parameter);
      if (!trainableOnly || parameter.requiresGrad) total += parameter.numel();
    }
  }
  return total;
}
