// Reductions of a whole tensor to one number.
import type { Tensor } from '../tensor.ts';
import { operation } from './operation.ts';

/** The sum of all elements, a scalar (the twin of `torch.sum(x)`). */
export function sum(x: Tensor): Tensor {
  return reduce('SumBackward', x, 1);
}

/** The mean of all elements, a scalar (the twin of `torch.mean(x)`); NaN for an empty tensor. */
export function mean(x: Tensor): Tensor {
  return reduce('MeanBackward', x, 1 / x.numel());
}

function reduce(name: string, x: Tensor, scale: number): Tensor {
  return operation(name, [x], [], (Y, X) => ({
    forward: () => {
      let total = 0;
      for (let i = 0; i < X.length; i++) total += X[i]!;
      Y[0] = total * scale;
    },
    // Every element moves the result by `scale`.
    backward: (g, [gx]) => {
      const share = g[0]! * scale;
      for (let i = 0; i < gx!.length; i++) gx![i]! += share;
    },
  }));
}
