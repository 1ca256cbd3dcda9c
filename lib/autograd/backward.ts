// Reverse-mode differentiation: from a result back to every leaf tensor that requires grad.
import { formatShape } from '../shape.ts';
import { Tensor } from '../tensor.ts';
import type { BackwardKernel } from './grad-fn.ts';
import { runKernel } from '../graph-capture.ts';

const ONE = new Float64Array([1]);

interface Step {
  backward: BackwardKernel;
  outGrad: Float64Array;
  inputGrads: (Float64Array | null)[];
}

/**
 * Adds d(root)/d(leaf) to the `.grad` of every leaf that `root` depends on and that requires grad,
 * as `root.backward()` does in PyTorch: gradients accumulate until zeroed. `gradient` (the
 * gradient of some later result with respect to `root`) is needed unless `root` is a scalar.
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  if (!root.requiresGrad) {
    throw new Error('backward: the tensor does not require grad (nothing it was computed from does)');
  }
  if (gradient && gradient.numel() !== root.numel()) {
    throw new RangeError(
      `backward: a gradient of shape ${formatShape(gradient.shape)} does not fit a tensor of shape ${formatShape(root.shape)}`,
    );
  }
  if (!gradient && root.numel() !== 1) {
    throw new Error(
      `backward: the gradient can be implied only for a scalar, not for shape ${formatShape(root.shape)}; pass one`,
    );
  }
  const seed = gradient?.data ?? ONE;

  // One gradient buffer per tensor on the way: the leaves' `.grad`, scratch for the others.
  const buffers = new Map<Tensor, Float64Array>();
  const scratch: Float64Array[] = [];
  const leaves: Tensor[] = [];
  const leafGrads: Tensor[] = [];
  const bufferOf = (t: Tensor): Float64Array => {
    let buffer = buffers.get(t);
    if (buffer === undefined) {
      if (t.gradFn) {
        buffer = new Float64Array(t.numel());
        scratch.push(buffer);
      } else {
        const grad = t.grad ?? new Tensor(t.shape);
        leaves.push(t);
        leafGrads.push(grad);
        buffer = grad.data;
      }
      buffers.set(t, buffer);
    }
    return buffer;
  };
  const rootGrad = bufferOf(root);
  const steps: Step[] = topologicalOrder(root).flatMap((t) =>
    t.gradFn
      ? [{
          backward: t.gradFn.backward,
          outGrad: bufferOf(t),
          inputGrads: t.gradFn.inputs.map((input) => (input.requiresGrad ? bufferOf(input) : null)),
        }]
      : [],
  );

  runKernel(() => {
    for (let i = 0; i < scratch.length; i++) scratch[i]!.fill(0);
    // A leaf whose grad was set to null (zeroGrad) gets its zeroed buffer back.
    for (let i = 0; i < leaves.length; i++) {
      if (leaves[i]!.grad !== leafGrads[i]) {
        leafGrads[i]!.data.fill(0);
        leaves[i]!.grad = leafGrads[i]!;
      }
    }
    for (let i = 0; i < seed.length; i++) rootGrad[i]! += seed[i]!;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      step.backward(step.outGrad, step.inputGrads);
    }
  });
}

/** The tensors that require grad and lead to `root`, each after every tensor computed from it. */
function topologicalOrder(root: Tensor): Tensor[] {
  const finished: Tensor[] = [];
  const seen = new Set<Tensor>([root]);
  // Depth-first without recursion, so a long chain of operations cannot overflow the stack.
  const stack: { tensor: Tensor; next: number }[] = [{ tensor: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const inputs = top.tensor.gradFn?.inputs ?? [];
    if (top.next < inputs.length) {
      const input = inputs[top.next++]!;
      if (input.requiresGrad && !seen.has(input)) {
        seen.add(input);
        stack.push({ tensor: input, next: 0 });
      }
    } else {
      stack.pop();
      finished.push(top.tensor);
    }
  }
  return finished.reverse();
}
