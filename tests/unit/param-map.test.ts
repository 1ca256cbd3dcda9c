// The parameter map's picture: one box per leaf of lib's parameterTree whose areas are in proportion
// to their parameters, boxes a token skips dimmed, every box a row of the table, and colours that
// keep WCAG contrast in both themes.
import { readFileSync } from 'node:fs';
import { BatchNorm1d, builtModel, Linear, modelFromConfig, parameterTree, Sequential, SimpleNN } from 'lib';
import { describe, expect, it } from 'vitest';
import { activeConvention, BACKGROUND, DIMMED, HEIGHT, LABEL, MAP_COLOURS, modelMapHtml, paramMapHtml, WIDTH } from '../../src/components/ParamMap/param-map.ts';
import { MAP_STRINGS, type MapText } from '../../src/components/ParamMap/ui-strings.ts';
import { presetById } from '../../src/count/presets.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import { contrast } from '../support/contrast.ts';

const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), MAP_STRINGS) as MapText;
const format = numberFormats('en');
const boxes = (html: string) =>
  [...html.matchAll(/<rect class="map-box" data-i="(\d+)"[^>]*?( data-dim)? x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
    i: Number(m[1]),
    dim: m[2] !== undefined,
    area: Number(m[3]) * Number(m[4]),
  }));

describe('paramMapHtml', () => {
  it('draws DeepSeek-V3 with the skipped experts dimmed, their area the share of the parameters a token skips', () => {
    const model = modelFromConfig({ ...presetById('deepseek-v3')!.config });
    const { vendor } = builtModel(model)!.family.active;
    const tree = parameterTree(model, { inputEmbedding: false });
    const html = paramMapHtml(tree, { model: 'DeepSeek-V3', text, format, token: { vendor, convention: 'withoutEmbedding' } });
    const drawn = boxes(html);
    const rows = [...html.matchAll(/<tr tabindex="0" data-i="(\d+)"/g)].map((m) => Number(m[1]));
    // Every box is a row of the table; a row too small to draw (a norm's 7,168) stays a row.
    expect(rows).toEqual([...rows.keys()]);
    for (const box of drawn) expect(rows).toContain(box.i);
    const area = drawn.reduce((s, b) => s + b.area, 0);
    const dimmed = drawn.filter((b) => b.dim).reduce((s, b) => s + b.area, 0);
    // Padding and header strips take a little of the area, and rounding a little more.
    expect(dimmed / area).toBeCloseTo(1 - tree.active / tree.parameters, 1);
    expect(area).toBeGreaterThan(0.85 * WIDTH * HEIGHT);
    expect(html).toContain('8 of 256 experts a token uses');
    expect(html).toContain(`follows ${vendor}`);
  });

  it('names a tied head in the embedding’s row, and draws no box for it', () => {
    const html = paramMapHtml(parameterTree(modelFromConfig({ ...presetById('gpt2')!.config })), { model: 'GPT-2', text, format });
    expect(html).toContain('transformer.wte.weight · also named lm_head.weight');
    expect(html).not.toMatch(/<title>lm_head/);
  });

  it('lists buffers apart, outside the area', () => {
    const model = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
    const html = paramMapHtml(parameterTree(model), { model: 'MLP', text, format });
    expect(html).toContain('Buffers, outside the area (state, not parameters): 1.running_mean [4], 1.running_var [4], 1.num_batches_tracked []');
    expect(boxes(html)).toHaveLength(4);
  });

  it('names the buffers of identical layers once per run', () => {
    const html = modelMapHtml(modelFromConfig({ ...presetById('kimi-k2')!.config }), 'Kimi K2', text, format);
    expect(html).toContain('model.layers.1–60.mlp.gate.e_score_correction_bias [384] × 60 layers');
  });

  it('draws SimpleNN(3, 5, 2) as its four tensors, 15, 5, 10 and 2 in area', () => {
    const drawn = boxes(paramMapHtml(parameterTree(new SimpleNN(3, 5, 2)), { model: 'SimpleNN', text, format }));
    expect(drawn).toHaveLength(4);
    const unit = drawn[0]!.area / 15;
    expect(drawn.map((b) => Math.round(b.area / unit))).toEqual([15, 5, 10, 2]);
  });
});

describe('modelMapHtml', () => {
  it('lights a dense model whole and names the convention of a mixture of experts, as lesson 7 says', () => {
    expect(modelMapHtml(modelFromConfig({ ...presetById('llama-2-7b')!.config }), 'Llama-2-7B', text, format)).not.toMatch(/data-dim|Lit:/);
    for (const id of ['gpt-oss-20b', 'deepseek-v3']) {
      const model = modelFromConfig({ ...presetById(id)!.config });
      expect(activeConvention(model)!.options).toEqual({ inputEmbedding: false, outputHead: true });
      expect(modelMapHtml(model, id, text, format)).toContain('the input embedding left out');
    }
    expect(activeConvention(modelFromConfig({ ...presetById('gpt-oss-20b')!.config }))!.token.vendor).toBe('OpenAI');
  });
});

describe('the map’s colours', () => {
  it.each(MAP_COLOURS.map((c, i) => [i, c] as const))('colour %i: 3:1 against both backgrounds, 4.5:1 under its label', (_, colour) => {
    for (const theme of ['light', 'dark'] as const) {
      expect(contrast(colour[theme], BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
      expect(contrast(colour[theme], LABEL[theme])).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('outlines a dimmed box at 3:1 and labels it at 4.5:1 in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(contrast(DIMMED[theme].stroke, BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
      expect(contrast(DIMMED[theme].text, DIMMED[theme].fill)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
