import { defaultGenerator, type RandomGenerator } from '../random.ts';
import type { Tensor } from '../tensor.ts';
import { operation } from './operation.ts';

/**
 * Zeroes each element with probability `p` and scales the others by 1 / (1 − p), so the expected
 * value is unchanged (the twin of `torch.nn.functional.dropout`). Outside training it returns
 * `x` itself. A fresh mask is drawn on every run, replays included.
 */
export function dropout(x: Tensor, p = 0.5, training = true, generator: RandomGenerator = defaultGenerator): Tensor {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout: probability p must be between 0 and 1, got ${p}`);
  if (!training || p === 0) return x;
  const scale = p === 1 ? 0 : 1 / (1 - p);
  const threshold = p * 2 ** 32; // one 32-bit draw per element decides
  return operation('DropoutBackward', [x], x.shape, (Y, X) => {
    const mask = new Float64Array(X.length); // 0 or 1 / (1 − p) per element
    return {
      forward: () => {
        for (let i = 0; i < X.length; i++) {
          mask[i] = generator.nextUint32() < threshold ? 0 : scale;
          Y[i] = X[i]! * mask[i]!;
        }
      },
      backward: (g, [gx]) => {
        for (let i = 0; i < g.length; i++) gx![i]! += g[i]! * mask[i]!;
      },
    };
  });
}
