import { Module } from '../module.ts';

/**
 * The base of layers and models that this library counts and sizes but does not compute with:
 * their parameters, buffers, repr and `callShape` match PyTorch, and their `call()` says so plainly.
 */
export abstract class ShapeOnlyModule extends Module {
  forward(): never {
    throw new Error(
      `${this.constructor.name}.forward is not implemented: this layer counts its parameters ` +
        'and infers its output shape (callShape), but does not compute',
    );
  }
}
