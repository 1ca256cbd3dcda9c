import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../../src/checkpoint/checkpoint-error.ts';
import { MAX_HEADER_BYTES, readSafetensorsHeader } from '../../src/checkpoint/safetensors.ts';
import { modulePattern, tally } from '../../src/checkpoint/tensor-info.ts';
import {
  diskBlob,
  safetensorsBlob,
  safetensorsHeader,
  safetensorsPrefix,
  watchedBlob,
  writeSparseFile,
} from '../support/checkpoint-files.ts';

// SimpleNN(3, 5, 2) as PyTorch's save_file would write it: 32 parameters in four tensors.
const SIMPLE_NN = safetensorsHeader(
  {
    'hidden.weight': { dtype: 'F32', shape: [5, 3] },
    'hidden.bias': { dtype: 'F32', shape: [5] },
    'output.weight': { dtype: 'F32', shape: [2, 5] },
    'output.bias': { dtype: 'F32', shape: [2] },
  },
  { format: 'pt' },
);

const read = (blob: Blob, name = 'model.safetensors') => readSafetensorsHeader(blob, name);

/** The error reading `blob` gives: its problem code, and its message (which names the file). */
async function failure(blob: Blob, name = 'broken.safetensors') {
  const error = await read(blob, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckpointError);
  const { problem, message, file } = error as CheckpointError;
  expect(file).toBe(name);
  expect(message.startsWith(`${name}: `)).toBe(true);
  return { problem, message };
}

const scratch = mkdtempSync(join(tmpdir(), 'safetensors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading a safetensors header', () => {
  it('finds the 32 parameters of SimpleNN in four F32 tensors, and the __metadata__', async () => {
    const header = await read(safetensorsBlob(SIMPLE_NN.header, SIMPLE_NN.dataBytes));
    expect(header.tensors.map((t) => [t.name, t.shape])).toEqual([
      ['hidden.weight', [5, 3]],
      ['hidden.bias', [5]],
      ['output.weight', [2, 5]],
      ['output.bias', [2]],
    ]);
    expect(header.tensors.reduce((sum, t) => sum + t.elements, 0)).toBe(32);
    expect(header.metadata).toEqual({ format: 'pt' });
    expect(tally(header.tensors, (t) => t.dtype)).toEqual([{ key: 'F32', tensors: 4, elements: 32 }]);
  });

  it('reads only the 8-byte length and the header, never a byte of tensor data', async () => {
    const blob = safetensorsBlob(SIMPLE_NN.header, SIMPLE_NN.dataBytes);
    const { blob: watched, reads } = watchedBlob(blob);
    await read(watched);
    const headerEnd = blob.size - SIMPLE_NN.dataBytes;
    expect(reads.length).toBe(2);
    expect(reads.every(([, end]) => end <= headerEnd)).toBe(true);
  });

  it('counts a 10 GB sparse file from its header alone', async () => {
    // One BF16 matrix of 5 · 2^30 elements: exactly 10 GiB of data, none of it written.
    const { header, dataBytes } = safetensorsHeader({ 'lm_head.weight': { dtype: 'BF16', shape: [5 * 2 ** 20, 1024] } });
    const prefix = safetensorsPrefix(header);
    const path = join(scratch, 'big.safetensors');
    writeSparseFile(path, prefix, prefix.length + dataBytes);
    expect(statSync(path).size).toBe(10 * 2 ** 30 + prefix.length);
    const tensors = (await read(diskBlob(path))).tensors;
    expect(tensors[0]!.elements).toBe(5 * 2 ** 30);
  });

  it('sums elements per module, layers folded into one row', async () => {
    const { header, dataBytes } = safetensorsHeader({
      'model.embed_tokens.weight': { dtype: 'BF16', shape: [10, 4] },
      'model.layers.0.mlp.up_proj.weight': { dtype: 'BF16', shape: [8, 4] },
      'model.layers.1.mlp.up_proj.weight': { dtype: 'BF16', shape: [8, 4] },
    });
    const { tensors } = await read(safetensorsBlob(header, dataBytes));
    expect(tally(tensors, (t) => modulePattern(t.name))).toEqual([
      { key: 'model.embed_tokens', tensors: 1, elements: 40 },
      { key: 'model.layers.*.mlp.up_proj', tensors: 2, elements: 64 },
    ]);
  });

  it('accepts a header padded with spaces and tensors listed out of offset order', async () => {
    const { header, dataBytes } = safetensorsHeader({ a: { dtype: 'F32', shape: [2] }, b: { dtype: 'F16', shape: [3] } });
    const reversed = { b: header.b, a: header.a };
    const { tensors } = await read(safetensorsBlob(`${JSON.stringify(reversed)}    `, dataBytes));
    expect(tensors.map((t) => t.name)).toEqual(['a', 'b']);
  });
});

describe('a file that is not a good safetensors file is refused with its name and its problem', () => {
  it('too short for the length', async () => {
    expect((await failure(new Blob([new Uint8Array(5)]))).problem).toBe('tooShort');
  });

  it('a header length over 100 MB', async () => {
    const { problem, message } = await failure(safetensorsBlob({}, 0, BigInt(MAX_HEADER_BYTES + 1)));
    expect(problem).toBe('headerTooLarge');
    expect(message).toContain('100000001');
  });

  it('a header length larger than the file', async () => {
    const { problem, message } = await failure(safetensorsBlob('{}', 0, 1000n));
    expect(problem).toBe('headerBeyondFile');
    expect(message).toContain('1000 bytes');
  });

  it('a text file, whose first 8 bytes make an absurd length', async () => {
    const { problem } = await failure(new Blob([new TextEncoder().encode('this is not a checkpoint at all')]));
    expect(problem).toBe('headerTooLarge');
  });

  it('a header that is not JSON', async () => {
    expect((await failure(safetensorsBlob('{"a": {"dtype": ', 0))).problem).toBe('headerNotJson');
  });

  it('a header that is JSON but not an object', async () => {
    expect((await failure(safetensorsBlob('[1, 2, 3]', 0))).problem).toBe('headerNotObject');
  });

  it('__metadata__ that is not strings', async () => {
    expect((await failure(safetensorsBlob({ __metadata__: { step: 3 } }, 0))).problem).toBe('badMetadata');
  });

  it('a tensor without data_offsets', async () => {
    const { problem, message } = await failure(safetensorsBlob({ w: { dtype: 'F32', shape: [1] } }, 4));
    expect(problem).toBe('badEntry');
    expect(message).toContain('tensor w');
  });

  it('an unknown dtype, named', async () => {
    const { problem, message } = await failure(safetensorsBlob({ w: { dtype: 'F12', shape: [1], data_offsets: [0, 4] } }, 4));
    expect(problem).toBe('unknownDtype');
    expect(message).toContain('F12');
  });

  it('a shape whose size in its dtype is not its byte range', async () => {
    const { problem, message } = await failure(safetensorsBlob({ w: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 12] } }, 12));
    expect(problem).toBe('sizeMismatch');
    expect(message).toContain('takes 24 bytes, but its offsets hold 12');
  });

  it('offsets outside the data', async () => {
    const { problem } = await failure(safetensorsBlob({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 8));
    expect(problem).toBe('outsideData');
  });

  it('overlapping tensors, both named', async () => {
    const header = {
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
    };
    const { problem, message } = await failure(safetensorsBlob(header, 12));
    expect(problem).toBe('overlap');
    expect(message).toContain('tensor b overlaps tensor a');
  });

  it('data bytes that belong to no tensor', async () => {
    const { problem } = await failure(safetensorsBlob({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 8));
    expect(problem).toBe('uncovered');
  });
});
