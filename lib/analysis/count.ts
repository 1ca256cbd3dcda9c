import type { Module } from '../module.ts';

/**
 * The number of parameters of `model`, each shared parameter counted once. The twin of
 *
 * ```python
 * def count_parameters(model):
 *     return sum(p.numel() for p in model.parameters() if p.requires_grad)
 * ```
 *
 * `trainableOnly: false` counts frozen parameters too.
 */
export function countParameters(
  model: Module,
  { trainableOnly = true }: { trainableOnly?: boolean } = {},
): number {
  let total = 0;
  for (const parameter of model.parameters()) {
    if (!trainableOnly || parameter.requiresGrad) total += parameter.numel();
  }
  return total;
}
