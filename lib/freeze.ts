import type { Module } from './module.ts';

/**
 * Freezes every parameter of `module` (training leaves them as they are) and returns it: short for
 * `module.requiresGrad_(false)`, the usual first step of fine-tuning a pretrained network.
 */
export function freeze<M extends Module>(module: M): M {
  return module.requiresGrad_(false);
}
