import type { Module } from './module.ts';
import type { Shape } from './shape.ts';
import { groupDigits } from './analysis/summary/units.ts';

/**
 * Sees every `callShape` as it happens, the way torchinfo's forward pre-hooks and hooks see every
 * forward call: `enter` before the module works out its shape, `exit` with the result (which a
 * careless `outputShape` may leave undefined).
 */
export interface ShapeHook {
  enter(module: Module, inputs: readonly Shape[]): void;
  exit(module: Module, output: Shape | undefined): void;
  /** Multiply-adds the running module does itself, outside any layer (attention's QKᵀ, say). */
  ownMultAdds(count: number, formula: string): void;
}

let active: ShapeHook | null = null;

/** The hook that `callShape` reports to, if a summary is being taken. */
export const activeShapeHook = (): ShapeHook | null => active;

/** Runs `work` with `hook` watching every `callShape`, then removes it (even on error). */
export function withShapeHook<T>(hook: ShapeHook, work: () => T): T {
  const previous = active;
  active = hook;
  try {
    return work();
  } finally {
    active = previous;
  }
}

/** Tells a running summary about multiply-adds the running module does outside its layers. */
export function reportMultAdds(factors: readonly number[], what: string): void {
  if (!active) return;
  const count = factors.reduce((product, n) => product * n, 1);
  active.ownMultAdds(count, `${what}: ${factors.map(groupDigits).join(' · ')} = ${groupDigits(count)}`);
}

/**
 * Tells a running summary about the products of attention, matrix products of activations rather
 * than of weights, so no layer's parameters account for them: QKᵀ, then the attention weights
 * times V, each `batch · heads · queries · keys · headDim` multiply-adds. The full T × T matrix
 * is counted, as standard attention computes it before applying a causal mask.
 */
export function reportAttentionProducts(batch: number, heads: number, queries: number, keys: number, headDim: number): void {
  reportMultAdds([2, batch, heads, queries, keys, headDim], 'QKᵀ and AV');
}
