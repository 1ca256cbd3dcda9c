import type { RandomGenerator } from './random.ts';

/** Makes one initial value from a seeded generator; called once per element, row-major. */
export type Initializer = (random: RandomGenerator) => number;

/** Values uniform in [low, high), as `torch.nn.init.uniform_(t, low, high)` draws them. */
export function uniform(low: number, high: number): Initializer {
  return (random) => random.uniform(low, high);
}
