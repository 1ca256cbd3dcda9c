// Activation functions, elementwise.
import type { Tensor } from '../tensor.ts';
import { operation } from './operation.ts';

/** max(0, x) elementwise (the twin of `torch.relu`); NaN stays NaN. */
export function relu(x: Tensor): Tensor {
  return operation('ReluBackward', [x], x.shape, (Y, X) => ({
    forward: () => {
      for (let i = 0; i < X.length; i++) Y[i] = Math.max(0, X[i]!);
    },
    // As in PyTorch, the gradient passes where the output is positive (so not at 0).
    backward: (g, [gx]) => {
      for (let i = 0; i < g.length; i++) if (Y[i]! > 0) gx![i]! += g[i]!;
    },
  }));
}

/** tanh(x) elementwise (the twin of `torch.tanh`). */
export function tanh(x: Tensor): Tensor {
  return operation('TanhBackward', [x], x.shape, (Y, X) => ({
    forward: () => {
      for (let i = 0; i < X.length; i++) Y[i] = Math.tanh(X[i]!);
    },
    // d tanh(x)/dx = 1 − tanh(x)², from the output already computed.
    backward: (g, [gx]) => {
      for (let i = 0; i < g.length; i++) gx![i]! += g[i]! * (1 - Y[i]! * Y[i]!);
    },
  }));
}
