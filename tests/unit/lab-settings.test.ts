// The lab's settings: every control keeps its value in range and on its steps, and the URL hash
// carries all of them, so a shared link reproduces the experiment.
import { describe, expect, it } from 'vitest';
import {
  clampSetting, CONTROLS, type Control, DEFAULT_SETTINGS, type SettingName, settingsFromHash, settingsToHash,
} from '../../src/lab/settings.ts';

const control = (name: SettingName): Control => CONTROLS.find((c) => c.name === name)!;

describe('clampSetting', () => {
  it('keeps a value inside its slider', () => {
    expect(clampSetting(control('width'), 500)).toBe(64);
    expect(clampSetting(control('points'), -3)).toBe(4);
  });

  it('rounds to the slider’s step, without floating-point dust', () => {
    expect(clampSetting(control('noise'), 0.16)).toBe(0.15);
    expect(clampSetting(control('width'), 7.6)).toBe(8);
  });

  it('picks the nearest allowed value of a slider over a list', () => {
    expect(clampSetting(control('decay'), 0.02)).toBe(0.03);
    expect(clampSetting(control('epochs'), 3000)).toBe(2000);
  });

  it('falls back to the default for what is not a number', () => {
    expect(clampSetting(control('seed'), Number.NaN)).toBe(DEFAULT_SETTINGS.seed);
  });
});

describe('the URL hash', () => {
  it('round-trips every setting', () => {
    const settings = { width: 8, points: 30, noise: 0.1, decay: 0.1, dropout: 0.2, epochs: 500, seed: 7 };
    const hash = settingsToHash(settings);
    expect(hash).toBe('#lab?width=8&points=30&noise=0.1&decay=0.1&dropout=0.2&epochs=500&seed=7');
    expect(settingsFromHash(hash)).toEqual(settings);
  });

  it('fills in defaults for what a hash leaves out or garbles, and clamps what is out of range', () => {
    expect(settingsFromHash('#lab?width=999&noise=&seed=abc')).toEqual({ ...DEFAULT_SETTINGS, width: 64 });
  });

  it('is not the lab’s when it does not start with #lab?', () => {
    expect(settingsFromHash('#overview')).toBeNull();
    expect(settingsFromHash('')).toBeNull();
  });
});
