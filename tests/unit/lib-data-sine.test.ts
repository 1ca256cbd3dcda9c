// The seeded regression data of the overfitting lesson: y = sin(3x) + noise.
import { sineData, sineTarget } from 'lib';
import { describe, expect, it } from 'vitest';

describe('sineData', () => {
  it('gives training and validation points of shape [n, 1] with x in [−1, 1)', () => {
    const { train, validation } = sineData({ trainPoints: 12, validationPoints: 50 });
    expect(train.x.shape).toEqual([12, 1]);
    expect(train.y.shape).toEqual([12, 1]);
    expect(validation.x.shape).toEqual([50, 1]);
    expect([...train.x.data, ...validation.x.data].every((x) => x >= -1 && x < 1)).toBe(true);
  });

  it('is the same for the same seed and different for another', () => {
    const a = sineData({ seed: 5 });
    expect([...sineData({ seed: 5 }).train.y.data]).toEqual([...a.train.y.data]);
    expect([...sineData({ seed: 6 }).train.y.data]).not.toEqual([...a.train.y.data]);
  });

  it('keeps the first points when more are asked for, and the validation set when training grows', () => {
    const small = sineData({ trainPoints: 5, seed: 1 });
    const large = sineData({ trainPoints: 40, seed: 1 });
    expect([...large.train.x.data].slice(0, 5)).toEqual([...small.train.x.data]);
    expect([...large.validation.y.data]).toEqual([...small.validation.y.data]);
  });

  it('lies exactly on sin(3x) without noise, and scatters around it with noise', () => {
    const clean = sineData({ noise: 0 }).train;
    for (const [i, x] of clean.x.data.entries()) expect(clean.y.data[i]).toBe(sineTarget(x));
    const noisy = sineData({ noise: 0.3, trainPoints: 2000 }).train;
    const residuals = [...noisy.y.data].map((y, i) => y - sineTarget(noisy.x.data[i]!));
    const std = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(std).toBeGreaterThan(0.28);
    expect(std).toBeLessThan(0.32);
  });
});
