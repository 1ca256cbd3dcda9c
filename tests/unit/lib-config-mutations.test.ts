// No config, however wrong, may stall or crash a page that counts it: 1,800 seeded mutations of
// the real configs of the fixtures (a size set to 10⁷ or 2³¹, a vocabulary of 1e300, a key
// deleted or turned into a string, a list emptied) each give an exact integer count or a
// ConfigError that names the problem, never another error, and the heap stays bounded.
import { ConfigError, countActiveParameters, countParameters, modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-llm.json';
import pytorch2026 from '../fixtures/pytorch-llm-2026.json';

type Config = Record<string, unknown>;
const REAL: Config[] = [...Object.values(pytorch.models), ...Object.values(pytorch2026.models)].map((m) => m.config as Config);

/** Mulberry32: a small seeded generator, so a failing mutation can be replayed by its index. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const MUTATIONS: ((value: unknown) => unknown)[] = [
  () => 1e7,
  () => 2 ** 31,
  () => 1e300,
  () => undefined, // the key deleted
  (value) => String(value),
  () => null,
  () => 0,
  () => -1,
  () => 2.5,
  () => [],
  (value) => (typeof value === 'number' ? value * 1000 : value),
];

function mutate(config: Config, random: () => number): Config {
  const mutated = { ...config };
  const changes = 1 + Math.floor(random() * 3);
  for (let i = 0; i < changes; i++) {
    const keys = Object.keys(mutated);
    const key = keys[Math.floor(random() * keys.length)]!;
    const value = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!(mutated[key]);
    if (value === undefined) delete mutated[key];
    else mutated[key] = value;
  }
  return mutated;
}

// 18 batches of 100, each seeded apart, so a busy machine runs each within the test timeout.
const BATCHES = Array.from({ length: 18 }, (_, batch) => batch);

describe('a mutated config', () => {
  let counted = 0;

  it.each(BATCHES)('is counted exactly or refused with a ConfigError, in a bounded heap (batch %i of 100)', (batch) => {
    const random = generator(19 + batch);
    let peak = 0;
    const unexpected: string[] = [];
    for (let i = 0; i < 100; i++) {
      const config = mutate(REAL[(batch * 100 + i) % REAL.length]!, random);
      try {
        const model = modelFromConfig(config);
        const total = countParameters(model, { trainableOnly: false });
        const active = countActiveParameters(model);
        if (!(Number.isSafeInteger(total) && Number.isSafeInteger(active) && active <= total)) unexpected.push(`${i}: ${total} ${active}`);
        counted += 1;
      } catch (error) {
        if (!(error instanceof ConfigError)) unexpected.push(`${i}: ${String(error)} ${JSON.stringify(config)}`);
      }
      if (i % 20 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(unexpected).toEqual([]);
    expect(peak).toBeLessThan(768 * 2 ** 20);
  }, 60_000);

  it('are neither all harmless nor all fatal', () => {
    expect(counted).toBeGreaterThan(50);
    expect(counted).toBeLessThan(1700);
  });
});
