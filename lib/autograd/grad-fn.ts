// The record an operation leaves on its result, so that backward() can run through it.
import type { Tensor } from '../tensor.ts';
import { isGradEnabled } from './grad-mode.ts';

/**
 * Adds the operation's share of the gradient to each input's gradient (`+=`), given the
 * gradient of the output. `inputGrads[i]` is null when input `i` needs no gradient.
 */
export type BackwardKernel = (outGrad: Float64Array, inputGrads: readonly (Float64Array | null)[]) => void;

/** How a tensor was made: the twin of PyTorch's `grad_fn` (its `name`, e.g. "MseLossBackward"). */
export interface GradFn {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly backward: BackwardKernel;
}

/**
 * Marks `out` as made by the operation `name` from `inputs` when one of them requires grad (and
 * grad mode is on), so that gradients flow back through `backward`. Returns `out`.
 */
export function recordOp(out: Tensor, name: string, inputs: readonly Tensor[], backward: BackwardKernel): Tensor {
  if (isGradEnabled() && inputs.some((input) => input.requiresGrad)) {
    out.requiresGrad = true;
    out.gradFn = { name, inputs, backward };
  }
  return out;
}
