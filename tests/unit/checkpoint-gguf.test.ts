import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gguf } from '@huggingface/gguf';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../../src/checkpoint/checkpoint-error.ts';
import { readGgufHeader } from '../../src/checkpoint/gguf.ts';
import { ggufBytes, type GgufMetadata, type GgufTensorSpec, watchedBlob } from '../support/checkpoint-files.ts';

const F32 = 0;
const Q4_K = 12;

// SimpleNN(3, 5, 2) in GGUF's order of dimensions (ne[0], the row length, first), in F32.
const SIMPLE_NN: GgufTensorSpec[] = [
  { name: 'hidden.weight', shape: [3, 5], type: F32, bytes: 60 },
  { name: 'hidden.bias', shape: [5], type: F32, bytes: 20 },
  { name: 'output.weight', shape: [5, 2], type: F32, bytes: 40 },
  { name: 'output.bias', shape: [2], type: F32, bytes: 8 },
];
const METADATA: GgufMetadata = {
  'general.architecture': { type: 'string', value: 'simple-nn' },
  'general.name': { type: 'string', value: 'SimpleNN(3, 5, 2)' },
  'simple-nn.block_count': { type: 'u32', value: 2 },
  'tokenizer.ggml.tokens': { type: 'stringArray', value: ['<s>', '</s>', 'hello'] },
};

const scratch = mkdtempSync(join(tmpdir(), 'gguf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function failure(bytes: Uint8Array<ArrayBuffer>, name = 'broken.gguf') {
  const error = await readGgufHeader(new Blob([bytes]), name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckpointError);
  expect((error as CheckpointError).message.startsWith(`${name}: `)).toBe(true);
  return error as CheckpointError;
}

describe('reading a GGUF header', () => {
  it('finds the 32 parameters of SimpleNN, its metadata, and a tokenizer array by its length', async () => {
    const header = await readGgufHeader(new Blob([ggufBytes(METADATA, SIMPLE_NN)]), 'simple.gguf');
    expect(header.version).toBe(3);
    expect(header.tensors.map((t) => [t.name, t.dtype, t.shape])).toEqual(SIMPLE_NN.map((t) => [t.name, 'F32', t.shape]));
    expect(header.tensors.reduce((sum, t) => sum + t.elements, 0)).toBe(32);
    expect(header.metadata['general.name']).toBe('SimpleNN(3, 5, 2)');
    expect(header.metadata['simple-nn.block_count']).toBe(2);
    expect(header.metadata['tokenizer.ggml.tokens']).toEqual({ arrayLength: 3 });
  });

  it('agrees with @huggingface/gguf on names, shapes, types and the parameter count', async () => {
    // A Q4_K matrix of 256 × 8: eight blocks of 144 bytes.
    const tensors = [...SIMPLE_NN, { name: 'blk.0.ffn_up.weight', shape: [256, 8], type: Q4_K, bytes: 8 * 144 }];
    const path = join(scratch, 'mixed.gguf');
    writeFileSync(path, ggufBytes(METADATA, tensors));
    const theirs = await gguf(path, { allowLocalFile: true, computeParametersCount: true });
    const ours = await readGgufHeader(new Blob([ggufBytes(METADATA, tensors)]), 'mixed.gguf');
    expect(ours.tensors.map((t) => [t.name, t.shape])).toEqual(theirs.tensorInfos.map((t) => [t.name, t.shape.map(Number)]));
    expect(ours.tensors.map((t) => t.dtype)).toEqual(['F32', 'F32', 'F32', 'F32', 'Q4_K']);
    expect(ours.tensors.reduce((sum, t) => sum + t.elements, 0)).toBe(theirs.parameterCount);
    expect(ours.metadata['general.architecture']).toBe(theirs.metadata['general.architecture']);
  });

  it('reads the header and never the tensor data', async () => {
    const bytes = ggufBytes(METADATA, SIMPLE_NN);
    const { blob, reads } = watchedBlob(new Blob([bytes, new Uint8Array(4 << 20)]));
    await readGgufHeader(blob, 'padded.gguf');
    expect(Math.max(...reads.map(([, end]) => end))).toBeLessThanOrEqual(1 << 20);
  });
});

describe('a broken GGUF file is refused with its name and its problem', () => {
  it('no GGUF magic', async () => {
    expect((await failure(ggufBytes(METADATA, SIMPLE_NN, { magic: 'GGML' }))).problem).toBe('notGguf');
  });

  it('an unsupported version', async () => {
    expect((await failure(ggufBytes(METADATA, SIMPLE_NN, { version: 7 }))).problem).toBe('unsupportedVersion');
  });

  it('a header cut short', async () => {
    const bytes = ggufBytes(METADATA, SIMPLE_NN);
    expect((await failure(bytes.slice(0, 120))).problem).toBe('truncated');
  });

  it('an unknown tensor type, named', async () => {
    const error = await failure(ggufBytes(METADATA, [{ name: 'w', shape: [4], type: 99, bytes: 16 }]));
    expect(error.problem).toBe('unknownGgmlType');
    expect(error.message).toContain('tensor w');
  });

  it('a tensor whose bytes run past the end of the file', async () => {
    const bytes = ggufBytes(METADATA, SIMPLE_NN);
    expect((await failure(bytes.slice(0, bytes.length - 32))).problem).toBe('outsideData');
  });

  it('overlapping tensors', async () => {
    // Both say offset 0 once the second one's declared bytes are larger than its slot.
    const tensors = [
      { name: 'a', shape: [16], type: F32, bytes: 0 },
      { name: 'b', shape: [16], type: F32, bytes: 64 },
    ];
    expect((await failure(ggufBytes({}, tensors))).problem).toBe('overlap');
  });
});
