// Reads the header of a .safetensors file, and only its header: 8 bytes of little-endian length,
// then that many bytes of JSON naming each tensor's dtype, shape and byte range in the data that
// follows. Two `Blob.slice` reads, whatever the file's size; the tensor data is never read. The
// checks are those of the reference implementation (huggingface/safetensors, tensor.rs), each
// turned into a message that names the tensor.
import { type CheckpointError, type Fail, failuresOf } from './checkpoint-error.ts';
import { elementsOf, type TensorInfo } from './tensor-info.ts';

/** The reference implementation refuses headers above 100 MB. */
export const MAX_HEADER_BYTES = 100_000_000;

/** Bits per element of each dtype safetensors knows. */
const DTYPE_BITS: Readonly<Record<string, number>> = {
  BOOL: 8, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8,
  F4: 4, F6_E2M3: 6, F6_E3M2: 6,
  I16: 16, U16: 16, F16: 16, BF16: 16,
  I32: 32, U32: 32, F32: 32,
  I64: 64, U64: 64, F64: 64, C64: 64,
};

export interface SafetensorsHeader {
  file: string;
  /** The file's size in bytes. */
  bytes: number;
  headerBytes: number;
  /** The free-form `__metadata__` strings (e.g. `{ format: "pt" }`). */
  metadata: Record<string, string>;
  /** In the order of their data. */
  tensors: TensorInfo[];
}

interface Entry extends TensorInfo {
  begin: number;
  end: number;
}

export async function readSafetensorsHeader(blob: Blob, file: string): Promise<SafetensorsHeader> {
  const fail = failuresOf(file);

  if (blob.size < 8) throw fail('tooShort', { bytes: blob.size }, `${blob.size} bytes is too short for a safetensors header`);
  const length = new DataView(await blob.slice(0, 8).arrayBuffer()).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES)) {
    throw fail('headerTooLarge', { length: String(length) }, `the header length, ${length} bytes, is over the 100 MB limit`);
  }
  const headerBytes = Number(length);
  if (8 + headerBytes > blob.size) {
    throw fail(
      'headerBeyondFile',
      { length: headerBytes, bytes: blob.size },
      `the header length, ${headerBytes} bytes, runs past the end of the ${blob.size}-byte file`,
    );
  }

  let header: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await blob.slice(8, 8 + headerBytes).arrayBuffer());
    header = JSON.parse(text);
  } catch (error) {
    throw fail('headerNotJson', { reason: (error as Error).message }, `the header is not JSON (${(error as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw fail('headerNotObject', {}, 'the header is not a JSON object');
  }

  const { __metadata__: metadata = {}, ...described } = header as Record<string, unknown>;
  if (!isStringMap(metadata)) throw fail('badMetadata', {}, '__metadata__ is not an object of strings');

  const entries = Object.entries(described).map(([name, value]) => entryOf(name, value, file, fail));
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  checkLayout(entries, blob.size - 8 - headerBytes, fail);
  const tensors = entries.map(({ begin: _begin, end: _end, ...tensor }) => tensor);
  return { file, bytes: blob.size, headerBytes, metadata, tensors };
}

function entryOf(name: string, value: unknown, file: string, fail: Fail): Entry {
  const { dtype, shape, data_offsets: offsets } = (value ?? {}) as Record<string, unknown>;
  if (
    typeof dtype !== 'string' ||
    !Array.isArray(shape) ||
    !shape.every(isCount) ||
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every(isCount)
  ) {
    throw fail('badEntry', { tensor: name }, `tensor ${name} needs a dtype, a shape and two data_offsets`);
  }
  const bits = DTYPE_BITS[dtype];
  if (bits === undefined) throw fail('unknownDtype', { tensor: name, dtype }, `tensor ${name} has an unknown dtype, ${dtype}`);
  const [begin, end] = offsets as [number, number];
  const elements = elementsOf(shape);
  const expected = (elements * bits) / 8;
  if (end - begin !== expected) {
    throw fail(
      'sizeMismatch',
      { tensor: name, shape: `[${shape.join(', ')}]`, dtype, expected, actual: end - begin },
      `tensor ${name}: shape [${shape.join(', ')}] in ${dtype} takes ${expected} bytes, but its offsets hold ${end - begin}`,
    );
  }
  return { name, dtype, shape, elements, file, begin, end };
}

/** Tensors must tile the data exactly: inside it, without overlaps and without unused bytes. */
function checkLayout(entries: readonly Entry[], dataBytes: number, fail: Fail): void {
  let covered = 0;
  let previous: Entry | undefined;
  for (const entry of entries) {
    if (entry.end > dataBytes) {
      throw fail(
        'outsideData',
        { tensor: entry.name, begin: entry.begin, end: entry.end, data: dataBytes },
        `tensor ${entry.name} lies at bytes ${entry.begin}–${entry.end}, outside the ${dataBytes} bytes of data`,
      );
    }
    if (previous && entry.begin < covered) {
      throw fail(
        'overlap',
        { tensor: entry.name, other: previous.name },
        `tensor ${entry.name} overlaps tensor ${previous.name}`,
      );
    }
    if (entry.begin > covered) throw uncovered(covered, entry.begin, fail);
    covered = entry.end;
    previous = entry;
  }
  if (covered < dataBytes) throw uncovered(covered, dataBytes, fail);
}

function uncovered(begin: number, end: number, fail: Fail): CheckpointError {
  return fail('uncovered', { begin, end }, `data bytes ${begin}–${end} belong to no tensor`);
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
