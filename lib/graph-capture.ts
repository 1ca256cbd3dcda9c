// Capture and replay of a whole training step, the twin of `torch.cuda.CUDAGraph`: every kernel
// an operation, a backward pass or an optimiser runs goes through `runKernel`, and a graph being
// captured keeps them. Replaying runs the same kernels on the same buffers, so a step allocates
// nothing and skips all bookkeeping: the library's fast path for training loops.
import { pinName } from './names.ts';

type Kernel = () => void;

let capturing: Kernel[] | null = null;
let inKernel = false;

/** Runs `kernel` now, and again on each replay of the graph being captured (if any). */
export function runKernel(kernel: Kernel): void {
  inKernel = true;
  try {
    kernel();
  } finally {
    inKernel = false;
  }
  capturing?.push(kernel);
}

/**
 * Throws inside a kernel: a replay runs the kernels and nothing else, so a tensor a kernel made
 * would be made once at capture and then go stale. Tensors are made before their kernels run.
 */
export function checkNotInKernel(what: string): void {
  if (inKernel) {
    throw new Error(`${what} made inside a kernel (an optimiser's update, say): a Graph replay would not make it again`);
  }
}

/**
 * A recorded step that can be run again: `capture(step)` runs `step` once, as usual, and records
 * every kernel it ran; `replay()` runs those kernels again, reading and writing the same tensors.
 *
 * ```ts
 * const graph = new Graph();
 * const loss = graph.capture(() => {
 *   optimizer.zeroGrad();
 *   const loss = mseLoss(model.call(x), y);
 *   loss.backward();
 *   optimizer.step();
 *   return loss;
 * });
 * for (let epoch = 1; epoch < 1000; epoch++) graph.replay(); // loss.item() follows along
 * ```
 *
 * As with CUDA graphs, the step's tensors are static: to train on other data, write it into the
 * captured input (`x.data.set(…)`) before replaying. Plain JavaScript inside the step (an `if`,
 * a `console.log`) ran once at capture and is not replayed; the mode of each layer (`train()` or
 * `eval()`) is the one it had at capture. Unlike CUDA, capturing also runs the step.
 */
export class Graph {
  static {
    pinName(this, 'Graph');
  }

  #kernels: Kernel[] = [];

  /** The number of kernels recorded. */
  get length(): number {
    return this.#kernels.length;
  }

  /** Runs `step`, records every kernel it runs (replacing any earlier recording), returns its result. */
  capture<T>(step: () => T): T {
    if (capturing) throw new Error('Graph.capture: another graph is being captured');
    const kernels: Kernel[] = [];
    capturing = kernels;
    try {
      const result = step();
      this.#kernels = kernels;
      return result;
    } finally {
      capturing = null;
    }
  }

  /** Runs the recorded kernels again, in order. */
  replay(): void {
    const kernels = this.#kernels;
    for (let i = 0; i < kernels.length; i++) kernels[i]!();
  }
}
