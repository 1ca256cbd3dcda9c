// Whether operations record how they were made, so that backward() can run through them.

let enabled = true;

/** True unless inside `noGrad`. */
export const isGradEnabled = (): boolean => enabled;

/**
 * Runs `work` without recording operations for autograd (the twin of `with torch.no_grad():`):
 * evaluation and plotting need no gradients, and skip their bookkeeping.
 */
export function noGrad<T>(work: () => T): T {
  const previous = enabled;
  enabled = false;
  try {
    return work();
  } finally {
    enabled = previous;
  }
}
