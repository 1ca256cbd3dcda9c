import { pinName } from '../names.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer } from './optimizer.ts';

export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  /** Adam: an L2 penalty added to each gradient. AdamW: a shrink of the weights on each step. */
  weightDecay?: number;
}

interface Moments {
  step: number;
  m: Float64Array;
  v: Float64Array;
}

/**
 * Adam: the twin of `torch.optim.Adam`, with its update rule to the letter: running means of the
 * gradient (m) and of its square (v), bias-corrected, p −= lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε).
 */
export class Adam extends Optimizer {
  static {
    pinName(this, 'Adam');
  }

  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly #state: (Moments | null)[];

  constructor(params: Iterable<Tensor>, { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 }: AdamOptions = {}) {
    super(params, lr);
    this.betas = betas;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.#state = this.params.map(() => null);
  }

  /** True for AdamW: weight decay shrinks the weights instead of joining the gradient. */
  protected get decoupled(): boolean {
    return false;
  }

  protected update(): void {
    const { lr, eps, weightDecay, decoupled } = this;
    const [beta1, beta2] = this.betas;
    for (let k = 0; k < this.params.length; k++) {
      const param = this.params[k]!;
      if (param.grad === null) continue;
      const p = param.data;
      const g = param.grad.data;
      const state = (this.#state[k] ??= { step: 0, m: new Float64Array(p.length), v: new Float64Array(p.length) });
      const { m, v } = state;
      const step = ++state.step;
      const stepSize = lr / (1 - beta1 ** step);
      const correction2 = Math.sqrt(1 - beta2 ** step);
      const shrink = 1 - lr * weightDecay;
      const l2 = decoupled ? 0 : weightDecay;
      for (let i = 0; i < p.length; i++) {
        if (decoupled) p[i]! *= shrink;
        const d = l2 !== 0 ? g[i]! + l2 * p[i]! : g[i]!;
        m[i] = m[i]! * beta1 + (1 - beta1) * d;
        v[i] = v[i]! * beta2 + (1 - beta2) * d * d;
        p[i]! -= stepSize * (m[i]! / (Math.sqrt(v[i]!) / correction2 + eps));
      }
    }
  }
}

/**
 * AdamW: Adam with decoupled weight decay (each step first shrinks every weight by a factor
 * 1 − lr · weightDecay), the twin of `torch.optim.AdamW`; weightDecay defaults to 0.01 as there.
 */
export class AdamW extends Adam {
  static {
    pinName(this, 'AdamW');
  }

  constructor(params: Iterable<Tensor>, { weightDecay = 1e-2, ...options }: AdamOptions = {}) {
    super(params, { ...options, weightDecay });
  }

  protected override get decoupled(): boolean {
    return true;
  }
}
