// A model's folder as the reader chooses or drops it: config.json, the shard index, the shards,
// and files that are none of these. The page reads each by what it is, counts the shards and
// compares them with the folder's own config: counts first, the first few names of each kind,
// the rest behind a disclosure.
import { readFileSync } from 'node:fs';
import { modelFromConfig } from 'lib';
import { describe, expect, it } from 'vitest';
import { readFiles } from '../../src/checkpoint/read-files.ts';
import { COUNT_STRINGS, type CountText } from '../../src/components/CountYourModel/ui-strings.ts';
import { checkpointSections } from '../../src/count/checkpoint-report.ts';
import { sectionHtml, sectionMarkdown } from '../../src/count/report-table.ts';
import { fill } from '../../src/i18n/fill-template.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import { safetensorsBlob, safetensorsHeader, type TensorSpec } from '../support/checkpoint-files.ts';

const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
const format = numberFormats('en');

// A Llama of width 4, two layers, an MLP of 6, a vocabulary of 8, and one layer more than the
// config's num_hidden_layers: an MTP layer, as DeepSeek-V3 stores its own.
const CONFIG = {
  model_type: 'llama', vocab_size: 8, hidden_size: 4, intermediate_size: 6, num_hidden_layers: 2,
  num_attention_heads: 2, tie_word_embeddings: false,
};
const layer = (n: number): Record<string, TensorSpec> => {
  const p = `model.layers.${n}`;
  const f32 = (...shape: number[]) => ({ dtype: 'F32', shape });
  return {
    [`${p}.input_layernorm.weight`]: f32(4), [`${p}.post_attention_layernorm.weight`]: f32(4),
    [`${p}.self_attn.q_proj.weight`]: f32(4, 4), [`${p}.self_attn.k_proj.weight`]: f32(4, 4),
    [`${p}.self_attn.v_proj.weight`]: f32(4, 4), [`${p}.self_attn.o_proj.weight`]: f32(4, 4),
    [`${p}.mlp.gate_proj.weight`]: f32(6, 4), [`${p}.mlp.up_proj.weight`]: f32(6, 4), [`${p}.mlp.down_proj.weight`]: f32(4, 6),
  };
};
const FIRST = { 'model.embed_tokens.weight': { dtype: 'F32', shape: [8, 4] }, ...layer(0) };
const SECOND = { ...layer(1), ...layer(2), 'model.norm.weight': { dtype: 'F32', shape: [4] }, 'lm_head.weight': { dtype: 'F32', shape: [8, 4] } };

function shard(name: string, tensors: Record<string, TensorSpec>): File {
  const { header, dataBytes } = safetensorsHeader(tensors);
  return new File([safetensorsBlob(header, dataBytes)], name);
}

const json = (name: string, value: unknown) => new File([JSON.stringify(value)], name);

function folder(): File[] {
  const [first, second] = ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'];
  const weightMap = Object.fromEntries([...Object.keys(FIRST).map((n) => [n, first]), ...Object.keys(SECOND).map((n) => [n, second])]);
  return [
    json('config.json', CONFIG),
    json('generation_config.json', { do_sample: true }),
    json('model.safetensors.index.json', { metadata: {}, weight_map: weightMap }),
    shard(first!, FIRST),
    shard(second!, SECOND),
    new File(['# A tiny Llama'], 'README.md'),
  ];
}

describe("a model's folder", () => {
  it('is read as its config, its index and its shards; the rest is named as skipped', async () => {
    const read = await readFiles(folder());
    expect(read.headers.map((h) => h.file)).toEqual(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors']);
    expect(read.index?.weightMap.size).toBe(Object.keys(FIRST).length + Object.keys(SECOND).length);
    expect(JSON.parse(read.config!.text)).toEqual(CONFIG);
    expect(read.skipped).toEqual(['generation_config.json', 'README.md']);
    expect(read.errors).toEqual([]);
  });

  it('is counted and compared with its own config, the MTP layer named, counts before names', async () => {
    const read = await readFiles(folder());
    const config = JSON.parse(read.config!.text);
    const model = { name: 'tiny', module: modelFromConfig(config), modelType: 'llama' };
    const [files, comparison] = checkpointSections({ headers: read.headers, index: read.index, skipped: read.skipped }, { config, model }, text, format);
    // By hand: embedding and head 2 · 8 · 4 = 64, three layers of 2 · 4 + 4 · 16 + 3 · 24 = 144, the norm 4.
    expect(files?.notes[0]).toBe('500 parameters (500) in 30 tensors.');
    expect(files?.notes).toContain(
      "Of these, 144 parameters in 9 tensors are a multi-token prediction (MTP) layer: a decoder layer after the config's num_hidden_layers, trained to predict the token after the next one.",
    );
    expect(files?.notes).toContain(fill(text.skipped, { list: 'generation_config.json, README.md' }));
    expect(comparison?.tables[0]?.rows).toEqual([['matching', '21'], ['missing', '0'], ['extra', '0'], ['shaped differently', '0'], ['MTP layer', '9']]);
    // Nine MTP tensors: five in view, four behind the disclosure.
    const html = sectionHtml(comparison!);
    expect(html).toContain('<p>The MTP layer, beyond the model the config builds (9):</p>');
    expect(html.match(/<li>/g)).toHaveLength(9);
    expect(html).toMatch(/<details><summary>4 more<\/summary><ul>(<li>[^<]+<\/li>){4}<\/ul><\/details>/);
    expect(sectionMarkdown(comparison!)).toContain('- model.layers.2.mlp.down_proj.weight [4, 6]');
  });

  it('with no config chosen, is counted and not compared with any model', async () => {
    const files = folder().filter((file) => file.name.endsWith('.safetensors'));
    const read = await readFiles(files);
    const sections = checkpointSections({ headers: read.headers }, {}, text, format);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.notes).toContain(text.compareNoConfig);
  });
});
