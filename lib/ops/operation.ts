// The one way an operation makes its result, so that every op follows the capture rule.
import { type BackwardKernel, recordOp } from '../autograd/grad-fn.ts';
import { runKernel } from '../graph-capture.ts';
import type { Shape } from '../shape.ts';
import { Tensor } from '../tensor.ts';

/** What an operation runs: `forward` fills its output, `backward` adds to its inputs' gradients. */
export interface OpKernels {
  forward: () => void;
  backward: BackwardKernel;
}

/**
 * The result of the operation `name` on `inputs`: allocates an output of `shape`, passes
 * `kernels` the values of that output and of each input, runs `forward` through `runKernel` and
 * records `backward` for autograd (its name is the twin of PyTorch's `grad_fn` name).
 *
 * The capture rule of a `Graph`: a replay runs the kernels again and nothing else. So everything
 * that depends on the values happens inside the kernels, on the arrays given here; `kernels`
 * itself runs once and prepares only what the shapes decide (index tables, scratch arrays).
 */
export function operation(
  name: string,
  inputs: readonly Tensor[],
  shape: Shape,
  kernels: (out: Float64Array, ...inputs: Float64Array[]) => OpKernels,
): Tensor {
  const out = new Tensor(shape);
  const { forward, backward } = kernels(out.data, ...inputs.map((input) => input.data));
  runKernel(forward);
  return recordOp(out, name, inputs, backward);
}
