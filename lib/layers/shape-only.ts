import type { Module } from '../module.ts';

/**
 * The forward pass of a layer that this library counts and sizes but does not compute with:
 * its parameters, buffers, repr and `callShape` match PyTorch, its `call()` says so plainly.
 */
export function forwardNotImplemented(module: Module): never {
  throw new Error(
    `${module.constructor.name}.forward is not implemented: this layer counts its parameters ` +
      'and infers its output shape (callShape), but does not compute',
  );
}
