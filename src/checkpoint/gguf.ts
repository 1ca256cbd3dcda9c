// Reads the header of a GGUF file (llama.cpp): magic, version, the metadata key-value pairs and
// each tensor's name, shape, type and offset, then checks that every tensor's bytes lie inside the
// file. Layout from the GGUF spec (ggml docs/gguf.md) and llama.cpp's gguf-py constants; the
// types' block sizes are lib's GGML_TYPES. The header is read in growing slices of the Blob; the
// tensor data is never read. Big tokenizer arrays are skipped, not kept: the page needs their
// length only.
import { GGML_TYPES } from 'lib';
import { type CheckpointError, type Fail, failuresOf } from './checkpoint-error.ts';
import { elementsOf, type TensorInfo } from './tensor-info.ts';

const MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
const DEFAULT_ALIGNMENT = 32;
const MAX_DIMS = 4; // GGML_MAX_DIMS

/** Metadata value types: bytes of the fixed-size ones (strings and arrays are read apart). */
const STRING = 8;
const ARRAY = 9;
const FIXED_BYTES: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

/** A metadata value: a number, string or boolean as stored; an array by its length only. */
export type GgufValue = number | bigint | string | boolean | { arrayLength: number };

export interface GgufHeader {
  file: string;
  bytes: number;
  version: number;
  metadata: Record<string, GgufValue>;
  tensors: TensorInfo[];
}

export async function readGgufHeader(blob: Blob, file: string): Promise<GgufHeader> {
  const fail = failuresOf(file);
  const reader = new HeaderReader(blob, fail);
  await reader.need(8);
  if (reader.view.getUint32(0, true) !== MAGIC) throw fail('notGguf', {}, 'the file does not start with GGUF');
  // Big-endian files exist (for s390x); their version has its low bytes zero when read little-endian.
  reader.littleEndian = (reader.view.getUint32(4, true) & 0xffff) !== 0;
  const version = reader.view.getUint32(4, reader.littleEndian);
  if (version < 1 || version > 3) throw fail('unsupportedVersion', { version }, `GGUF version ${version} is not supported`);
  reader.position = 8;
  reader.wideSizes = version >= 2; // version 1 wrote counts and lengths as uint32

  const tensorCount = await reader.size();
  const kvCount = await reader.size();
  const metadata: Record<string, GgufValue> = {};
  for (let i = 0; i < kvCount; i++) {
    const key = await reader.string();
    metadata[key] = await reader.value(await reader.uint32(), key);
  }

  const infos: { tensor: TensorInfo; offset: number; bytes: number }[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = await reader.string();
    const dims = await reader.uint32();
    if (dims > MAX_DIMS) throw fail('badValue', { key: name }, `tensor ${name} has ${dims} dimensions (GGML allows ${MAX_DIMS})`);
    const shape: number[] = [];
    for (let d = 0; d < dims; d++) shape.push(await reader.size());
    const typeId = await reader.uint32();
    const offset = await reader.size();
    const type = GGML_TYPES[typeId];
    if (!type) throw fail('unknownGgmlType', { tensor: name, type: typeId }, `tensor ${name} has an unknown GGML type, ${typeId}`);
    const [dtype, blockElements, blockBytes] = type;
    const elements = elementsOf(shape);
    infos.push({
      tensor: { name, dtype, shape, elements, file },
      offset,
      bytes: Math.ceil(elements / blockElements) * blockBytes,
    });
  }

  const alignment = Number(metadata['general.alignment'] ?? DEFAULT_ALIGNMENT);
  if (!Number.isInteger(alignment) || alignment <= 0) {
    throw fail('badValue', { key: 'general.alignment' }, `general.alignment must be a positive integer, got ${alignment}`);
  }
  const dataStart = Math.ceil(reader.position / alignment) * alignment;
  checkTensorData(infos, dataStart, alignment, blob.size, fail);
  return { file, bytes: blob.size, version, metadata, tensors: infos.map((info) => info.tensor) };
}

/** Each tensor aligned, inside the file, and clear of the others (gaps are padding). */
function checkTensorData(
  infos: readonly { tensor: TensorInfo; offset: number; bytes: number }[],
  dataStart: number,
  alignment: number,
  fileBytes: number,
  fail: Fail,
): void {
  const dataBytes = fileBytes - dataStart;
  const byOffset = [...infos].sort((a, b) => a.offset - b.offset);
  let previous: (typeof infos)[number] | undefined;
  for (const info of byOffset) {
    const { name } = info.tensor;
    const end = info.offset + info.bytes;
    if (info.offset % alignment !== 0 || end > dataBytes) {
      throw fail(
        'outsideData',
        { tensor: name, begin: info.offset, end, data: dataBytes },
        `tensor ${name} lies at bytes ${info.offset}–${end}, outside the ${dataBytes} bytes of data (or off its ${alignment}-byte alignment)`,
      );
    }
    if (previous && info.offset < previous.offset + previous.bytes) {
      throw fail('overlap', { tensor: name, other: previous.tensor.name }, `tensor ${name} overlaps tensor ${previous.tensor.name}`);
    }
    previous = info;
  }
}

/** Reads forward through the header, slicing more of the Blob (double each time) when it needs it. */
class HeaderReader {
  view = new DataView(new ArrayBuffer(0));
  position = 0;
  littleEndian = true;
  wideSizes = true;
  readonly #blob: Blob;
  readonly #fail: Fail;
  readonly #text = new TextDecoder();

  constructor(blob: Blob, fail: Fail) {
    this.#blob = blob;
    this.#fail = fail;
  }

  /** Makes sure the next `bytes` bytes are in `view`. */
  async need(bytes: number): Promise<void> {
    const end = this.position + bytes;
    if (end <= this.view.byteLength) return;
    if (end > this.#blob.size) throw this.#truncated();
    const size = Math.min(this.#blob.size, Math.max(end, 2 * this.view.byteLength, 1 << 20));
    this.view = new DataView(await this.#blob.slice(0, size).arrayBuffer());
  }

  async uint32(): Promise<number> {
    await this.need(4);
    const value = this.view.getUint32(this.position, this.littleEndian);
    this.position += 4;
    return value;
  }

  /** A count, length or offset: uint64 (uint32 in version 1), refused when it cannot be a size in this file. */
  async size(): Promise<number> {
    if (!this.wideSizes) return this.uint32();
    await this.need(8);
    const value = this.view.getBigUint64(this.position, this.littleEndian);
    this.position += 8;
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw this.#truncated();
    return Number(value);
  }

  async string(): Promise<string> {
    const length = await this.size();
    await this.need(length);
    const bytes = new Uint8Array(this.view.buffer, this.position, length);
    this.position += length;
    return this.#text.decode(bytes);
  }

  async value(type: number, key: string): Promise<GgufValue> {
    if (type === STRING) return this.string();
    if (type === ARRAY) {
      const itemType = await this.uint32();
      const length = await this.size();
      const itemBytes = FIXED_BYTES[itemType];
      if (itemBytes !== undefined) {
        await this.need(length * itemBytes);
        this.position += length * itemBytes;
      } else {
        for (let i = 0; i < length; i++) await this.value(itemType, key);
      }
      return { arrayLength: length };
    }
    const bytes = FIXED_BYTES[type];
    if (bytes === undefined) throw this.#fail('badValue', { key }, `metadata ${key} has an unknown value type, ${type}`);
    await this.need(bytes);
    const at = this.position;
    this.position += bytes;
    const le = this.littleEndian;
    const view = this.view;
    switch (type) {
      case 0: return view.getUint8(at);
      case 1: return view.getInt8(at);
      case 2: return view.getUint16(at, le);
      case 3: return view.getInt16(at, le);
      case 4: return view.getUint32(at, le);
      case 5: return view.getInt32(at, le);
      case 6: return view.getFloat32(at, le);
      case 7: return view.getUint8(at) !== 0;
      case 10: return view.getBigUint64(at, le);
      case 11: return view.getBigInt64(at, le);
      default: return view.getFloat64(at, le);
    }
  }

  #truncated(): CheckpointError {
    return this.#fail('truncated', { at: this.position }, `the header ends early, at byte ${this.position}, or names a size larger than the file`);
  }
}
