// The lab's chart scales: values to pixel positions on linear and log axes, and the ticks and
// range of the loss axis.
import { describe, expect, it } from 'vitest';
import { type Axis, formatLoss, LOSS_FLOOR, logAxis, lossAxis, position } from '../../src/components/OverfitLab/scales.ts';

const linear: Axis = { min: 0, max: 2000, log: false, ticks: [], format: String };

describe('position', () => {
  it('maps a linear axis onto the pixels between its ends, to a tenth of a pixel', () => {
    expect(position(linear, 0, 50, 288)).toBe(50);
    expect(position(linear, 2000, 50, 288)).toBe(288);
    expect(position(linear, 500, 50, 288)).toBe(109.5);
  });

  it('runs the other way for a y axis (from the bottom pixel to the top one)', () => {
    expect(position(linear, 1000, 170, 22)).toBe(96);
  });

  it('spaces the powers of ten evenly on a log axis', () => {
    const axis = logAxis(1, 1000, String);
    expect([1, 10, 100, 1000].map((v) => position(axis, v, 0, 300))).toEqual([0, 100, 200, 300]);
  });
});

describe('logAxis', () => {
  it('runs from the power of ten at or below the lowest value to the one at or above the highest', () => {
    const axis = logAxis(0.03, 2.5, String);
    expect([axis.min, axis.max]).toEqual([0.01, 10]);
    expect(axis.ticks).toEqual([0.01, 0.1, 1, 10]);
  });

  it('ends exactly at `end` when given, with no tick beyond it', () => {
    const axis = logAxis(1, 1153, String, 1153 * 1.5);
    expect(axis.max).toBeCloseTo(1729.5);
    expect(axis.ticks).toEqual([1, 10, 100, 1000]);
  });
});

describe('lossAxis', () => {
  it('always shows 0.1 to 1, and reaches further for smaller or larger losses', () => {
    expect([lossAxis([0.3, 0.5]).min, lossAxis([0.3, 0.5]).max]).toEqual([0.1, 1]);
    expect([lossAxis([0.002, 4]).min, lossAxis([0.002, 4]).max]).toEqual([0.001, 10]);
  });

  it('leaves NaN and infinity out and stops at the loss floor', () => {
    const axis = lossAxis([Number.NaN, Number.POSITIVE_INFINITY, 1e-9, 0.5]);
    expect(axis.min).toBe(LOSS_FLOOR);
    expect(axis.max).toBe(1);
  });
});

describe('formatLoss', () => {
  it('writes a tick with as many decimals as its power of ten needs', () => {
    expect([0.001, 0.1, 1, 10].map(formatLoss)).toEqual(['0.001', '0.1', '1', '10']);
  });
});
