import { routesTokens } from '../capabilities.ts';
import { countParameters } from './count.ts';
import type { Module } from '../module.ts';

/**
 * The parameters one token passes through: all of them (frozen ones too) for a dense model; for a
 * mixture of experts, the router and the topK experts a token is sent to in each layer, not the
 * experts it skips. Mixtral 8x7B: 46.7 billion in total, 12.9 billion active.
 */
export function countActiveParameters(model: Module): number {
  let skipped = 0;
  for (const module of model.modules()) {
    if (routesTokens(module)) skipped += module.inactiveParameters();
  }
  return countParameters(model, { trainableOnly: false }) - skipped;
}
