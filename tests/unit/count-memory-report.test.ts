// The memory part of Count your model: the words, the picture's table, the inputs it refuses, and
// the picture's colours against both themes' backgrounds.
import { readFileSync } from 'node:fs';
import { GIB } from 'lib';
import { describe, expect, it } from 'vitest';
import { readInputs, type RawInputs } from '../../src/count/count-inputs.ts';
import { type CountState, DEFAULT_STATE } from '../../src/count/count-state.ts';
import { SEGMENT_COLOURS, SEGMENTS } from '../../src/count/memory-chart.ts';
import { modelReport } from '../../src/count/model-report.ts';
import { presetById } from '../../src/count/presets.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import { contrast } from '../support/contrast.ts';
import { COUNT_STRINGS, type CountText } from '../../src/components/CountYourModel/ui-strings.ts';

const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
const format = numberFormats('en');
const section = (id: string, title: string | RegExp, state: CountState = DEFAULT_STATE) => {
  const preset = presetById(id)!;
  const found = modelReport(preset.config, preset.name, state, text, format).sections.find((s) => (typeof title === 'string' ? s.title === title : title.test(s.title)));
  if (!found) throw new Error(`no section ${title}`);
  return found;
};

describe('the KV cache on the page', () => {
  it('shows Mistral-7B-v0.1’s sliding window, and what full attention would have made of it', () => {
    const memory = section('mistral-7b', 'Memory', { ...DEFAULT_STATE, tokens: 32768 });
    const [row] = memory.tables[1]!.rows;
    expect(row).toEqual([
      'sliding window: the last 4,096 tokens, 2,048 values a token and layer',
      '32',
      '131,072 B',
      format.gigabytes(131072 * 4096),
    ]);
    expect(memory.notes).toContain(`Taking every one of these layers for full attention, as many calculators do, would give ${format.gigabytes(131072 * 32768)}: 8× as much.`);
  });
});

describe('will it fit', () => {
  // Llama-2-7B in bfloat16 on a 24 GB card, batch 1 × 4,096 tokens (the defaults).
  const weights = 2 * 6_738_415_616;
  const kv = 4096 * 2 * 32 * 32 * 128 * 2;
  const activations = 2048 * (4 * 4096 + 3 * 11008) * 2 + 32000 * 4;
  const capacity = 24 * GIB;
  const reserve = 0.1 * capacity;

  it('answers in words, with the longest context that fits', () => {
    const fit = section('llama-2-7b', 'Will it fit on GeForce RTX 4090?');
    expect(fit.notes[0]).toBe(
      `Yes: serving it with its weights in bfloat16, batch 1 × 4,096 tokens, needs ${format.gigabytes(weights + kv + activations + reserve)} of the ${format.gigabytes(capacity)} of GeForce RTX 4090.`,
    );
    const longest = Math.floor((capacity - weights - activations - reserve) / (2 * 32 * 32 * 128 * 2));
    expect(fit.notes[1]).toBe(`The longest context that fits with batch 1: ${format.count(longest)} tokens.`);
  });

  it('says no for Mixtral on the same card, for all its experts must be loaded', () => {
    const fit = section('mixtral-8x7b', /^Will it fit/);
    expect(fit.notes[0]).toMatch(/^No: /);
    expect(fit.notes[1]).toMatch(/^Not even one token of context fits with batch 1; the weights alone take 93\.41 GB\.$/);
  });

  it('draws one bar per scenario and gives their numbers in a table with a row each', () => {
    const fit = section('llama-2-7b', /^Will it fit/);
    const table = fit.tables[0]!;
    expect(table.head).toEqual(['scenario', 'weights', 'KV cache', 'activations', 'gradients', 'optimizer state', 'reserve (10%)', 'total', 'fits']);
    expect(table.rows.map((row) => row[0])).toEqual([
      'serving, bfloat16',
      'full fine-tuning, AdamW',
      'ZeRO-1, 8 GPUs',
      'ZeRO-2, 8 GPUs',
      'ZeRO-3, 8 GPUs',
      'LoRA, AdamW',
      'QLoRA, AdamW',
    ]);
    expect(table.rows[0]!.slice(1)).toEqual([format.gigabytes(weights), format.gigabytes(kv), format.gigabytes(activations), '—', '—', format.gigabytes(reserve), format.gigabytes(weights + kv + activations + reserve), 'yes']);
    // (2 + 2 + 12) bytes a parameter for full fine-tuning with AdamW: no 24 GB card holds it.
    expect(table.rows[1]!.slice(1, 3)).toEqual([format.gigabytes(weights), '—']);
    expect(table.rows[1]!.at(-1)).toBe('no');
    expect(fit.figure!.match(/<text[^>]*text-anchor="end">/g)).toHaveLength(table.rows.length);
    expect(fit.figure).toContain(`role="img" aria-label="${table.caption}"`);
  });

  it('gives an encoder, which keeps no KV cache, no longest context', () => {
    const fit = section('bert-base', /^Will it fit/);
    expect(fit.notes[0]).toMatch(/^Yes: /);
    expect(fit.notes[1]).toBe(text.kvNone);
  });

  it('writes a cache of a few megabytes in MB, not as 0 GB', () => {
    // Qwen2.5-0.5B at 100 tokens: 2 · 24 layers · 2 kv heads · 64 · 2 bytes = 12,288 bytes a token, 1.2 MB.
    const [row] = section('qwen2.5-0.5b', 'Memory', { ...DEFAULT_STATE, tokens: 100 }).tables[1]!.rows;
    expect(row!.slice(2)).toEqual(['12,288 B', '1.2 MB']);
  });

  it('asks for a size when the custom card has none, and names a custom card by its size', () => {
    expect(section('llama-2-7b', 'Will it fit?', { ...DEFAULT_STATE, gpu: 'custom', memory: '' }).notes).toEqual([text.fitNoMemory]);
    const fit = section('llama-2-7b', 'Will it fit on a card of 80 GB?', { ...DEFAULT_STATE, gpu: 'custom', memory: '80 GB' });
    expect(fit.notes[0]).toContain('of the 80 GB of a card of 80 GB.');
  });
});

describe('the inputs', () => {
  const raw = (changes: Partial<RawInputs>): RawInputs => ({
    batch: '1',
    tokens: '4096',
    rank: '8',
    gpus: '8',
    memory: '',
    kv: 'bfloat16',
    gpu: 'rtx-4090',
    format: 'bfloat16',
    optimizer: 'adamw',
    recompute: 'none',
    targets: ['q_proj', 'v_proj'],
    ...changes,
  });

  it.each([
    ['batch', '0', 'Batch: “0” is not a whole number from 1 to 65,536. The tables still use 1.'],
    ['batch', '-2', 'Batch: “-2” is not a whole number from 1 to 65,536. The tables still use 1.'],
    ['tokens', '1.5', 'Context (tokens): “1.5” is not a whole number from 1 to 10,000,000. The tables still use 4,096.'],
    ['tokens', '1e12', 'Context (tokens): “1e12” is not a whole number from 1 to 10,000,000. The tables still use 4,096.'],
    ['gpus', '', 'GPUs for ZeRO: “” is not a whole number from 1 to 65,536. The tables still use 8.'],
    ['rank', 'eight', 'LoRA rank r: “eight” is not a whole number from 1 to 65,536. The tables still use 8.'],
  ] as const)('refuses %s = “%s”, naming the field and keeping the last good value', (field, value, message) => {
    const read = readInputs(raw({ [field]: value }), DEFAULT_STATE, text, format);
    expect(read.problems).toEqual([{ field, message }]);
    expect(read.state).toEqual(DEFAULT_STATE);
  });

  it('refuses a GPU memory that is not a size, and keeps the last size that was', () => {
    const previous = { ...DEFAULT_STATE, gpu: 'custom', memory: '48 GB' };
    const read = readInputs(raw({ gpu: 'custom', memory: 'lots' }), previous, text, format);
    expect(read.problems).toEqual([{ field: 'memory', message: 'GPU memory: “lots” is not a memory size such as 24 GB, 80 GiB or 1.5 TB.' }]);
    expect(read.state.memory).toBe('48 GB');
    expect(readInputs(raw({ gpu: 'custom', memory: '80 GiB', tokens: '32768' }), previous, text, format)).toEqual({
      state: { ...previous, memory: '80 GiB', tokens: 32768 },
      problems: [],
    });
  });
});

describe('the picture’s colours', () => {
  // Starlight's page backgrounds: white in the light theme, hsl(224, 10%, 10%) = rgb(23, 24, 28) in the dark one.
  it.each(SEGMENTS)('draws %s at 3:1 or more against both themes (WCAG 1.4.11)', (segment) => {
    expect(contrast(SEGMENT_COLOURS[segment].light, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(SEGMENT_COLOURS[segment].dark, '#17181c')).toBeGreaterThanOrEqual(3);
  });
});
