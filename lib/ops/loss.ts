// Loss functions: how far predictions are from targets, as one number to minimise.
import { formatShape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import { operation } from './operation.ts';

/** The mean of (input − target)² over all elements: the twin of `F.mse_loss(input, target)`. */
export function mseLoss(input: Tensor, target: Tensor): Tensor {
  const sameShape = input.shape.length === target.shape.length && input.shape.every((size, dim) => size === target.shape[dim]);
  if (!sameShape) {
    throw new RangeError(
      `mseLoss: input of shape ${formatShape(input.shape)} and target of shape ` +
        `${formatShape(target.shape)} must have the same shape`,
    );
  }
  const n = input.numel();
  return operation('MseLossBackward', [input, target], [], (Y, X, T) => ({
    forward: () => {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const d = X[i]! - T[i]!;
        total += d * d;
      }
      Y[0] = total / n;
    },
    backward: (g, [gx, gt]) => {
      const norm = (2 / n) * g[0]!; // d/dx of (x − t)² / n
      for (let i = 0; i < n; i++) {
        const share = norm * (X[i]! - T[i]!);
        if (gx) gx[i]! += share;
        if (gt) gt[i]! -= share;
      }
    },
  }));
}
