import { pinName } from '../names.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer } from './optimizer.ts';

export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  /** L2 penalty: adds weightDecay · p to each gradient. */
  weightDecay?: number;
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent, optionally with momentum: the twin of `torch.optim.SGD`, with its
 * update rule to the letter (d = g + λp; b = μb + (1 − τ)d, or b = d on the first step;
 * p −= lr · b, or lr · (d + μb) with Nesterov).
 */
export class SGD extends Optimizer {
  static {
    pinName(this, 'SGD');
  }

  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly #buffers: (Float64Array | null)[];

  constructor(
    params: Iterable<Tensor>,
    { lr = 1e-3, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false }: SGDOptions = {},
  ) {
    super(params, lr);
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new RangeError('SGD: Nesterov momentum needs a momentum > 0 and no dampening');
    }
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
    this.#buffers = this.params.map(() => null);
  }

  protected update(): void {
    const { lr, momentum, dampening, weightDecay, nesterov } = this;
    for (let k = 0; k < this.params.length; k++) {
      const param = this.params[k]!;
      if (param.grad === null) continue;
      const p = param.data;
      const g = param.grad.data;
      const first = this.#buffers[k] === null;
      const buffer = (this.#buffers[k] ??= momentum !== 0 ? new Float64Array(p.length) : null);
      for (let i = 0; i < p.length; i++) {
        let d = weightDecay !== 0 ? g[i]! + weightDecay * p[i]! : g[i]!;
        if (buffer !== null) {
          const b = first ? d : momentum * buffer[i]! + (1 - dampening) * d;
          buffer[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        p[i]! -= lr * d;
      }
    }
  }
}
