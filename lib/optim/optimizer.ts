import { runKernel } from '../graph-capture.ts';
import { zeroGradOf } from '../autograd/zero-grad.ts';
import { pinName } from '../names.ts';
import type { Tensor } from '../tensor.ts';

/**
 * The base of the optimisers: the twin of `torch.optim.Optimizer` with a single parameter group.
 * `step()` updates every parameter that has a gradient, reading `.grad` afresh each time.
 */
export abstract class Optimizer {
  static {
    pinName(this, 'Optimizer');
  }

  /** The tensors it updates, in the order given (e.g. `model.parameters()`). */
  readonly params: readonly Tensor[];
  /** The learning rate; change it between steps to schedule it. */
  lr: number;
  // Made once, so a step allocates nothing (and a captured Graph replays the same kernel).
  readonly #update = () => this.update();

  constructor(params: Iterable<Tensor>, lr: number) {
    this.params = [...params];
    if (this.params.length === 0) throw new Error(`${this.constructor.name}: got an empty parameter list`);
    if (!(lr >= 0)) throw new RangeError(`${this.constructor.name}: learning rate must be ≥ 0, got ${lr}`);
    this.lr = lr;
  }

  /** Clears the gradients of its parameters: to null by default, as PyTorch does, or to zeros. */
  zeroGrad(setToNone = true): void {
    zeroGradOf(this.params, setToNone);
  }

  /** Moves every parameter that has a gradient one step. */
  step(): void {
    runKernel(this.#update);
  }

  /** One update of every parameter with a gradient, in place. */
  protected abstract update(): void;
}
