// Quantised checkpoints as each packer writes them, their headers written here with the shapes
// the packer's own code gives (see src/checkpoint/packed.ts), read back by the safetensors reader
// and counted as the parameters their packed weights stand for.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelFromConfig } from 'lib';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithModel } from '../../src/checkpoint/compare.ts';
import { quantisationOf, unpack } from '../../src/checkpoint/packed.ts';
import { readSafetensorsHeader } from '../../src/checkpoint/safetensors.ts';
import { COUNT_STRINGS, type CountText } from '../../src/components/CountYourModel/ui-strings.ts';
import { checkpointSections } from '../../src/count/checkpoint-report.ts';
import { numberFormats } from '../../src/i18n/number-format.ts';
import { uiText } from '../../src/i18n/ui-strings.ts';
import {
  diskBlob,
  GPTQ_CONFIG,
  LLAMA_3_2_1B,
  llamaGptqHeader,
  safetensorsBlob,
  safetensorsHeader,
  safetensorsPrefix,
  type TensorSpec,
  writeSparseFile,
} from '../support/checkpoint-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'packed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A safetensors file with these tensors, read back through the page's header reader. */
async function tensorsOf(tensors: Record<string, TensorSpec>) {
  const { header, dataBytes } = safetensorsHeader(tensors);
  return (await readSafetensorsHeader(safetensorsBlob(header, dataBytes), 'model.safetensors')).tensors;
}

const sum = (tensors: readonly { elements: number }[]) => tensors.reduce((total, t) => total + t.elements, 0);
const spec = (dtype: string, ...shape: number[]): TensorSpec => ({ dtype, shape });

// A Linear of 64 inputs and 16 outputs, 4-bit, groups of 32: 1,024 weights, as GPTQ packs it
// (AutoGPTQ's QuantLinear): qweight [64 · 4/32, 16], qzeros [64/32, 16 · 4/32], scales [2, 16], g_idx [64].
const GPTQ_LINEAR = {
  'proj.qweight': spec('I32', 8, 16),
  'proj.qzeros': spec('I32', 2, 2),
  'proj.scales': spec('F16', 2, 16),
  'proj.g_idx': spec('I32', 64),
  'proj.bias': spec('F16', 16),
};

describe('each packed layout counted as the weights it stands for', () => {
  it('GPTQ: 4 bits read from qzeros, [16, 64] from qweight and g_idx; scales, zeros and g_idx are quantisation data', async () => {
    const { parameters, packed, quantisationData, problems } = unpack(await tensorsOf(GPTQ_LINEAR));
    expect(packed).toEqual([{ name: 'proj.weight', layout: 'gptq', bits: 4, shape: [16, 64], elements: 1024, storedAs: 'proj.qweight' }]);
    expect(parameters.map((t) => [t.name, t.shape])).toEqual([['proj.weight', [16, 64]], ['proj.bias', [16]]]);
    expect(quantisationData.map((t) => t.name).sort()).toEqual(['proj.g_idx', 'proj.qzeros', 'proj.scales']);
    expect(sum(parameters)).toBe(16 * 64 + 16);
    expect(problems).toEqual([]);
  });

  it('GPTQ 3-bit without qzeros: the width from g_idx, 32 · 6 rows / 64 inputs', async () => {
    // 3 bits: 64 inputs take 64 / 32 · 3 = 6 rows of int32.
    const { packed } = unpack(await tensorsOf({ 'proj.qweight': spec('I32', 6, 32), 'proj.scales': spec('F16', 2, 32), 'proj.g_idx': spec('I32', 64) }));
    expect(packed.map((p) => [p.bits, p.shape])).toEqual([[3, [32, 64]]]);
  });

  it('AWQ: packed along the output, qweight [64, 16 · 4/32], no g_idx', async () => {
    const { packed, quantisationData } = unpack(
      await tensorsOf({ 'proj.qweight': spec('I32', 64, 2), 'proj.qzeros': spec('I32', 2, 2), 'proj.scales': spec('F16', 2, 16) }),
    );
    expect(packed).toEqual([{ name: 'proj.weight', layout: 'awq', bits: 4, shape: [16, 64], elements: 1024, storedAs: 'proj.qweight' }]);
    expect(quantisationData.map((t) => t.name)).toEqual(['proj.qzeros', 'proj.scales']);
  });

  it('compressed-tensors: the bits from config_groups, or from the group size; neither, and it says it cannot', async () => {
    // pack_quantized.py: weight_packed [16, ⌈64 / 8⌉], weight_scale [16, 64 / 32], weight_shape [2].
    const tensors = await tensorsOf({ 'proj.weight_packed': spec('I32', 16, 8), 'proj.weight_scale': spec('BF16', 16, 2), 'proj.weight_shape': spec('I64', 2) });
    const groups = (weights: object) => quantisationOf({ quantization_config: { quant_method: 'compressed-tensors', config_groups: { group_0: { weights } } } });
    for (const quantisation of [groups({ num_bits: 4, strategy: 'group' }), groups({ group_size: 32, strategy: 'group' })]) {
      const { packed, quantisationData } = unpack(tensors, quantisation);
      expect(packed.map((p) => [p.name, p.bits, p.shape])).toEqual([['proj.weight', 4, [16, 64]]]);
      expect(quantisationData.map((t) => t.name)).toEqual(['proj.weight_scale', 'proj.weight_shape']);
    }
    const unknown = unpack(tensors);
    expect(unknown.problems).toEqual([{ problem: 'bitsUnknown', tensor: 'proj.weight_packed', layout: 'compressed-tensors' }]);
    expect(unknown.parameters).toEqual([]);
  });

  it('bitsandbytes 4-bit: 2 weights a byte in [n / 2, 1]; absmax, quant_map and the quant_state JSON are quantisation data', async () => {
    // QuantState.as_dict(packed=True) under `weight.`: absmax (one per 64-weight block), quant_map
    // (16 values), and the JSON of the rest, stored as bytes.
    const { packed, parameters, quantisationData } = unpack(
      await tensorsOf({
        'proj.weight': spec('U8', 512, 1),
        'proj.weight.absmax': spec('F32', 16),
        'proj.weight.quant_map': spec('F32', 16),
        'proj.weight.quant_state.bitsandbytes__nf4': spec('U8', 123),
      }),
    );
    expect(packed).toEqual([{ name: 'proj.weight', layout: 'bitsandbytes-4bit', bits: 4, shape: null, elements: 1024, storedAs: 'proj.weight' }]);
    expect(parameters[0]?.packing?.shapeKnown).toBe(false);
    expect(quantisationData).toHaveLength(3);
  });

  it("MLX: uint32 weight with scales and biases, bits and group from the config's quantization, per module where it says", async () => {
    const tensors = await tensorsOf({
      'up.weight': spec('U32', 16, 8), 'up.scales': spec('BF16', 16, 1), 'up.biases': spec('BF16', 16, 1),
      'down.weight': spec('U32', 16, 16), 'down.scales': spec('BF16', 16, 1), 'down.biases': spec('BF16', 16, 1),
    });
    const quantisation = quantisationOf({ quantization: { group_size: 64, bits: 4, down: { group_size: 64, bits: 8 } } });
    expect(unpack(tensors, quantisation).packed.map((p) => [p.name, p.bits, p.shape])).toEqual([['up.weight', 4, [16, 64]], ['down.weight', 8, [16, 64]]]);
    // With the group size alone, each width follows from the shapes: 32 · 8 / 64 and 32 · 16 / 64.
    const fromShapes = unpack(tensors, quantisationOf({ quantization: { group_size: 64 } }));
    expect(fromShapes.packed.map((p) => p.bits)).toEqual([4, 8]);
    expect(unpack(tensors).problems.map((p) => p.problem)).toEqual(['bitsUnknown', 'bitsUnknown']);
  });

  it("MXFP4: gpt-oss's experts, 32 values in each 16-byte block, as [experts, in, out]", async () => {
    // Mxfp4GptOssExperts: gate_up_proj_blocks [experts, 2 · intermediate, hidden / 32, 16].
    const { packed, quantisationData } = unpack(
      await tensorsOf({
        'mlp.experts.gate_up_proj_blocks': spec('U8', 2, 8, 2, 16),
        'mlp.experts.gate_up_proj_scales': spec('U8', 2, 8, 2),
        'mlp.experts.gate_up_proj_bias': spec('F32', 2, 8),
      }),
    );
    expect(packed).toEqual([{ name: 'mlp.experts.gate_up_proj', layout: 'mxfp4', bits: 4, shape: [2, 64, 8], elements: 1024, storedAs: 'mlp.experts.gate_up_proj_blocks' }]);
    expect(quantisationData.map((t) => t.name)).toEqual(['mlp.experts.gate_up_proj_scales']);
  });

  it('FP8: one byte a parameter, weight_scale_inv one per 128 × 128 block', async () => {
    const { parameters, quantisationData, problems } = unpack(
      await tensorsOf({ 'proj.weight': spec('F8_E4M3', 256, 200), 'proj.weight_scale_inv': spec('F32', 2, 2) }),
    );
    expect(sum(parameters)).toBe(256 * 200);
    expect(quantisationData.map((t) => t.name)).toEqual(['proj.weight_scale_inv']);
    expect(problems).toEqual([]);
  });
});

describe('a packed tensor whose shapes do not agree is named, and left out of the total', () => {
  it('GPTQ with a g_idx of 128 inputs beside a qweight of 64', async () => {
    const { problems, parameters } = unpack(await tensorsOf({ ...GPTQ_LINEAR, 'proj.g_idx': spec('I32', 128) }));
    expect(problems).toEqual([{ problem: 'shapesDisagree', tensor: 'proj.qweight', other: 'proj.g_idx', layout: 'gptq' }]);
    expect(parameters.map((t) => t.name)).toEqual(['proj.bias']);
  });

  it('FP8 with one scale for a weight of 2 × 2 blocks', async () => {
    const { problems } = unpack(await tensorsOf({ 'proj.weight': spec('F8_E4M3', 256, 200), 'proj.weight_scale_inv': spec('F32', 1, 1) }));
    expect(problems).toEqual([{ problem: 'shapesDisagree', tensor: 'proj.weight', other: 'proj.weight_scale_inv', layout: 'fp8' }]);
  });

  it('MXFP4 whose scales are not one per block', async () => {
    const { problems } = unpack(await tensorsOf({ 'e.down_proj_blocks': spec('U8', 2, 8, 2, 16), 'e.down_proj_scales': spec('U8', 2, 8, 3) }));
    expect(problems).toEqual([{ problem: 'shapesDisagree', tensor: 'e.down_proj_blocks', other: 'e.down_proj_scales', layout: 'mxfp4' }]);
  });

  it("the page's message names the tensor, and the rest is still counted", async () => {
    const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
    const { header, dataBytes } = safetensorsHeader({ ...GPTQ_LINEAR, 'proj.g_idx': spec('I32', 128) });
    const file = { format: 'safetensors' as const, ...(await readSafetensorsHeader(safetensorsBlob(header, dataBytes), 'q.safetensors')) };
    const [section] = checkpointSections({ headers: [file] }, {}, text, numberFormats('en'));
    expect(section?.notes).toContain('16 parameters (16) in 1 tensors.');
    expect(section?.notes).toContain('proj.qweight: its shape does not agree with proj.g_idx as GPTQ packs them, so it is left out of the total.');
  });
});

async function sparseHeader(tensors: Record<string, TensorSpec>) {
  const { header, dataBytes } = safetensorsHeader(tensors);
  const prefix = safetensorsPrefix(header);
  const path = join(scratch, `llama-${Object.keys(tensors).length}.safetensors`);
  writeSparseFile(path, prefix, prefix.length + dataBytes);
  return { format: 'safetensors' as const, ...(await readSafetensorsHeader(diskBlob(path), 'model.safetensors')) };
}

describe('a GPTQ-packed Llama-3.2-1B, 4-bit in groups of 128', () => {
  const text = uiText(JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')), COUNT_STRINGS) as CountText;
  const format = numberFormats('en');
  // By hand: embedding 128,256 · 2,048 = 262,668,288; per layer q and o 2 · 2,048², k and v
  // 2 · 2,048 · 512, gate, up and down 3 · 2,048 · 8,192, two norms 2 · 2,048, so 60,821,504;
  // 16 layers 973,144,064; the final norm 2,048. Without the packed weights: 262,735,872.
  const PARAMETERS = 262_668_288 + 16 * (2 * 2048 ** 2 + 2 * 2048 * 512 + 3 * 2048 * 8192 + 2 * 2048) + 2048;

  it('counts 1,235,814,400 parameters from its header alone, not the 262,735,872 left unpacked', async () => {
    expect(PARAMETERS).toBe(1_235_814_400);
    const file = await sparseHeader(llamaGptqHeader());
    const { parameters, packed, quantisationData } = unpack(file.tensors);
    expect(sum(parameters)).toBe(PARAMETERS);
    expect(sum(parameters.filter((t) => !t.packing))).toBe(262_735_872);
    expect(packed).toHaveLength(16 * 7);
    expect(new Set(packed.map((p) => p.bits))).toEqual(new Set([4]));
    expect(quantisationData).toHaveLength(16 * 7 * 3);
    const [section] = checkpointSections({ headers: [file] }, {}, text, format);
    expect(section?.notes[0]).toBe('1,235,814,400 parameters (1.24B) in 146 tensors.');
  });

  it('matches the model its config builds, every packed weight in its own shape', async () => {
    const file = await sparseHeader(llamaGptqHeader());
    const config = { ...LLAMA_3_2_1B, ...GPTQ_CONFIG };
    const { parameters } = unpack(file.tensors, quantisationOf(config));
    const model = modelFromConfig(config);
    const comparison = compareWithModel(parameters, model, { layers: 16 });
    expect(comparison).toMatchObject({ missing: [], extra: [], misShaped: [], tied: [{ name: 'lm_head.weight', storedAs: 'model.embed_tokens.weight' }] });
    expect(comparison.matching).toBe(model.stateDict().size - 1);
    expect(comparison.packed).toHaveLength(112);
  });

  it('a tied head stored twice is counted once, given the config that ties it', async () => {
    const file = await sparseHeader(llamaGptqHeader({ 'lm_head.weight': spec('F16', 128256, 2048) }));
    const config = { ...LLAMA_3_2_1B, ...GPTQ_CONFIG };
    const model = { name: 'Llama-3.2-1B', module: modelFromConfig(config), modelType: 'llama' };
    const [section, comparison] = checkpointSections({ headers: [file] }, { config, model }, text, format);
    expect(section?.notes[0]).toBe('1,235,814,400 parameters (1.24B) in 146 tensors.');
    expect(section?.notes).toContain('lm_head.weight and model.embed_tokens.weight are one matrix (tied weights) that the file stores under both names: counted once.');
    expect(comparison?.tables[0]?.rows.slice(0, 4)).toEqual([['matching', '147'], ['missing', '0'], ['extra', '0'], ['shaped differently', '0']]);
  });
});
