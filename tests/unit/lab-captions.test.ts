// The captions under the lab's charts, from the site's own English and Chinese templates: the
// settings, the library's parameter count in the page's number format, and the result of the run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lossCaption, sweepCaption } from '../../src/components/OverfitLab/captions.ts';
import { LAB_STRINGS } from '../../src/components/OverfitLab/ui-strings.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import { DEFAULT_SETTINGS } from '../../src/lab/settings.ts';

const labText = (lang: string) =>
  uiText(JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')), LAB_STRINGS);
const en = labText('en');
const settings = { ...DEFAULT_SETTINGS, width: 32 };

describe('lossCaption', () => {
  it('names the width and its parameter count (32² + 4·32 + 1) before any training', () => {
    expect(lossCaption(settings, [], en, 'en')).toBe(
      'Loss after each epoch of AdamW for width 32 (1,153 parameters), ' +
        '12 training points, noise 0.2, weight decay 0, dropout 0, seed 2.',
    );
  });

  it('adds the last losses and the epoch where the validation loss was lowest', () => {
    const history = [
      { train: 0.5, validation: 0.6 },
      { train: 0.2, validation: 0.3 },
      { train: 0.1, validation: 0.45 },
    ];
    expect(lossCaption(settings, history, en, 'en')).toMatch(
      /: after 3 epochs, training loss 0\.10 and validation loss 0\.45; the validation loss was lowest at epoch 2\.$/,
    );
  });

  it('reads as Chinese on a Chinese page', () => {
    expect(lossCaption(settings, [], labText('zh-CN'), 'zh-CN')).toMatch(/^宽度为 32（1,153 个参数）/);
  });
});

describe('sweepCaption', () => {
  it('says how many widths the sweep trains, and which width was best', () => {
    const points = [
      { width: 1, parameters: 6, train: 0.4, validation: 0.41 },
      { width: 4, parameters: 33, train: 0.05, validation: 0.08 },
      { width: 32, parameters: 1153, train: 0.001, validation: 0.3 },
    ];
    expect(sweepCaption(settings, [], en, 'en')).toMatch(/^A sweep: one model for each of 10 widths from 1 to 32, /);
    expect(sweepCaption(settings, points, en, 'en')).toMatch(
      /Validation loss is lowest at width 4 \(33 parameters\), 0\.080, against 0\.41 for the smallest model and 0\.30 for the largest trained\. /,
    );
  });

  it('names the first width whose training loss falls below the tolerance: where the model fits its points', () => {
    const points = [
      { width: 2, parameters: 13, train: 0.0133, validation: 0.11 },
      { width: 8, parameters: 97, train: 0.0116, validation: 0.066 },
      { width: 32, parameters: 1153, train: 0.0008, validation: 0.34 },
    ];
    expect(sweepCaption(settings, points, en, 'en')).toMatch(
      /Training loss first falls below 0\.001, where the model fits its training points, at width 32 \(1,153 parameters\): the solid line\.$/,
    );
    expect(sweepCaption(settings, points.slice(0, 2), en, 'en')).toMatch(/No width brings the training loss below 0\.001: none fits its training points\.$/);
    expect(sweepCaption(settings, points, labText('zh-CN'), 'zh-CN')).toMatch(/为 0\.34。训练损失在宽度 32（1,153 个参数）时首次低于 0\.001/);
  });
});
