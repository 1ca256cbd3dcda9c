// Seeded pseudo-random numbers, so every page shows the same "random" weights on every visit.
//
// The generator is xoshiro128** (Blackman & Vigna), seeded through splitmix32: small, fast and
// statistically sound. It is NOT bit-compatible with PyTorch's Mersenne Twister, so
// `manualSeed(0)` here gives different numbers from `torch.manual_seed(0)` — same idea, other values.

import { pinName } from './names.ts';

/** PyTorch's own default seed (`torch.initial_seed()` in a fresh process). */
export const DEFAULT_SEED = 67280421310721;

const TWO_POW_32 = 2 ** 32;

// splitmix32 spreads the bits of a (possibly tiny) seed over the whole state.
function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** A seeded random number generator: the twin of `torch.Generator`. */
export class RandomGenerator {
  static {
    pinName(this, 'RandomGenerator');
  }

  #s0 = 0;
  #s1 = 0;
  #s2 = 0;
  #s3 = 0;

  constructor(seed: number = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /** Restarts the sequence from `seed`, any safe integer (negative ones included, as in PyTorch). */
  manualSeed(seed: number): this {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`manualSeed: seed must be a safe integer, got ${seed}`);
    }
    // Both 32-bit halves feed the state, so seeds that differ only above bit 31 still differ.
    const high = Math.floor(seed / TWO_POW_32);
    const next = splitmix32((seed ^ Math.imul(high, 0x85ebca6b)) >>> 0);
    this.#s0 = next();
    this.#s1 = next();
    this.#s2 = next();
    this.#s3 = next();
    return this;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** A float uniform in [0, 1) with the full 53 bits of a double. */
  random(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 2 ** 26 + low) / 2 ** 53;
  }

  /** A float uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /**
   * An independent generator seeded from this one. A parameter keeps a fork so it can fill its
   * values lazily (on first read) yet get the same values whatever order they are read in.
   */
  fork(): RandomGenerator {
    return new RandomGenerator(this.forkSeed());
  }

  /** The seed `fork()` would give its generator, drawn now: a number, for who makes the generator later. */
  forkSeed(): number {
    return this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11);
  }
}

/** The global generator that `manualSeed` reseeds and layer initialisers draw from. */
export const defaultGenerator = new RandomGenerator();

/** Seeds the global generator, the twin of `torch.manual_seed(seed)`. */
export function manualSeed(seed: number): RandomGenerator {
  return defaultGenerator.manualSeed(seed);
}
