import type { Tensor } from '../tensor.ts';
import { runKernel } from '../graph-capture.ts';

/**
 * Clears the gradients of `tensors` before the next backward pass: sets them to null (PyTorch's
 * default, `set_to_none=True`) or fills them with zeros.
 */
export function zeroGradOf(tensors: Iterable<Tensor>, setToNone: boolean): void {
  const list = [...tensors];
  runKernel(() => {
    for (let i = 0; i < list.length; i++) {
      const tensor = list[i]!;
      if (setToNone) tensor.grad = null;
      else tensor.grad?.data.fill(0);
    }
  });
}
