// Matrix products: y = x Wᵀ + b (a Linear layer) and a @ b.
import { formatShape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import { operation } from './operation.ts';

/**
 * y = x Wᵀ + b (the twin of `torch.nn.functional.linear`): `x` is `[..., in]`, `weight`
 * `[out, in]`, `bias` `[out]` or null; the result is `[..., out]`.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const [m, n] = weight.shape as [number, number];
  if (x.shape.length === 0 || x.shape[x.shape.length - 1] !== n) {
    throw new RangeError(
      `Linear: input of shape ${formatShape(x.shape)} cannot be multiplied by the transposed ` +
        `weight of shape ${formatShape(weight.shape)} (its last dimension must be inFeatures=${n})`,
    );
  }
  const rows = x.numel() / n;
  const inputs = bias ? [x, weight, bias] : [x, weight];
  return operation('LinearBackward', inputs, [...x.shape.slice(0, -1), m], (Y, X, W, B?: Float64Array) => ({
    forward: () => linearForward(X, W, B ?? null, Y, rows, n, m),
    backward: (g, [gx, gw, gb]) => linearBackward(g, X, W, gx ?? null, gw ?? null, gb ?? null, rows, n, m),
  }));
}

function linearForward(
  x: Float64Array, w: Float64Array, b: Float64Array | null, y: Float64Array,
  rows: number, n: number, m: number,
): void {
  for (let r = 0; r < rows; r++) {
    const xOffset = r * n;
    for (let o = 0; o < m; o++) {
      const wOffset = o * n;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x[xOffset + i]! * w[wOffset + i]!;
      // Bias last, as PyTorch's addmm adds it to the finished product.
      y[r * m + o] = b === null ? sum : sum + b[o]!;
    }
  }
}

// gx += g W, gW += gᵀ x, gb += column sums of g; a null gradient is not wanted.
function linearBackward(
  g: Float64Array, x: Float64Array, w: Float64Array,
  gx: Float64Array | null, gw: Float64Array | null, gb: Float64Array | null,
  rows: number, n: number, m: number,
): void {
  for (let r = 0; r < rows; r++) {
    const xOffset = r * n;
    for (let o = 0; o < m; o++) {
      const go = g[r * m + o]!;
      if (go === 0) continue; // common after a ReLU: nothing to add
      const wOffset = o * n;
      // One pass for both when both are wanted: the usual case, and the hot loop of training.
      if (gx !== null && gw !== null) {
        for (let i = 0; i < n; i++) {
          gx[xOffset + i]! += go * w[wOffset + i]!;
          gw[wOffset + i]! += go * x[xOffset + i]!;
        }
      } else if (gw !== null) {
        for (let i = 0; i < n; i++) gw[wOffset + i]! += go * x[xOffset + i]!;
      } else if (gx !== null) {
        for (let i = 0; i < n; i++) gx[xOffset + i]! += go * w[wOffset + i]!;
      }
      if (gb !== null) gb[o]! += go;
    }
  }
}

/** The matrix product of `[n, k]` and `[k, m]`: the twin of `a @ b` for two matrices. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new RangeError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} cannot be multiplied ` +
        '(two matrices whose inner sizes match)',
    );
  }
  const [n, k] = a.shape as [number, number];
  const m = b.shape[1]!;
  return operation('MmBackward', [a, b], [n, m], (C, A, B) => ({
    forward: () => {
      C.fill(0);
      for (let i = 0; i < n; i++) {
        for (let p = 0; p < k; p++) {
          const aip = A[i * k + p]!;
          for (let j = 0; j < m; j++) C[i * m + j]! += aip * B[p * m + j]!;
        }
      }
    },
    // ga += g bᵀ, gb += aᵀ g
    backward: (g, [ga, gb]) => {
      for (let i = 0; i < n; i++) {
        for (let p = 0; p < k; p++) {
          let sum = 0;
          for (let j = 0; j < m; j++) {
            const gij = g[i * m + j]!;
            sum += gij * B[p * m + j]!;
            if (gb) gb[p * m + j]! += A[i * k + p]! * gij;
          }
          if (ga) ga[i * k + p]! += sum;
        }
      }
    },
  }));
}
