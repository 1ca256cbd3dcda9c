import type { Module } from './module.ts';
import type { Shape } from './shape.ts';

/**
 * Sees every `callShape` as it happens, the way torchinfo's forward pre-hooks and hooks see every
 * forward call: `enter` before the module works out its shape, `exit` with the result.
 */
export interface ShapeHook {
  enter(module: Module): void;
  exit(module: Module, output: Shape): void;
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
