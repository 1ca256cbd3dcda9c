import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import type { Shape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import { listIndex } from './containers.ts';

/**
 * Runs modules one after another: the twin of `torch.nn.Sequential`. The modules are registered
 * as "0", "1", …, so `seq[0]` works as in Python and parameters are named `0.weight`, `0.bias`, ….
 */
export class Sequential extends Module {
  static {
    pinName(this, 'Sequential');
  }

  [index: number]: Module;
  #length: number;

  constructor(...modules: Module[]) {
    super();
    modules.forEach((module, i) => {
      if (!(module instanceof Module)) {
        throw new TypeError(`Sequential: argument ${i} is not a Module`);
      }
      this.register(String(i), module);
    });
    this.#length = modules.length;
  }

  /** The number of modules (a module added twice counts twice). */
  get length(): number {
    return this.#length;
  }

  /** The module at `index`; negative counts from the end, as in Python. */
  get(index: number): Module {
    return this[listIndex(index, this.#length, 'Sequential.get')]!;
  }

  forward(input: Tensor): Tensor {
    let x = input;
    // Every position runs, so a module added twice runs twice (as in PyTorch).
    for (let i = 0; i < this.#length; i++) x = this[i]!.call(x) as Tensor;
    return x;
  }

  override outputShape(input: Shape): Shape {
    let shape = input;
    for (let i = 0; i < this.#length; i++) shape = this[i]!.callShape(shape);
    return shape;
  }
}
