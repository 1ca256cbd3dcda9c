// Checkpoint files written by the tests: safetensors and GGUF headers built byte by byte from the
// formats' specs, good ones and broken ones, in memory or as sparse files of any size on disk.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/** Bytes per element of the safetensors dtypes the tests use. */
const BYTES: Record<string, number> = { F32: 4, F16: 2, BF16: 2, I32: 4, U32: 4, U8: 1, I64: 8, F8_E4M3: 1 };

export interface TensorSpec {
  dtype: string;
  shape: number[];
}

/** A safetensors header for these tensors, laid out one after another as the format requires. */
export function safetensorsHeader(tensors: Record<string, TensorSpec>, metadata?: Record<string, string>) {
  let offset = 0;
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  for (const [name, { dtype, shape }] of Object.entries(tensors)) {
    const bytes = shape.reduce((a, b) => a * b, 1) * BYTES[dtype]!;
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  return { header, dataBytes: offset };
}

/** The first bytes of a safetensors file: the 8-byte little-endian length, then the JSON text. */
export function safetensorsPrefix(header: unknown, declaredLength?: bigint): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length);
  new DataView(bytes.buffer).setBigUint64(0, declaredLength ?? BigInt(json.length), true);
  bytes.set(json, 8);
  return bytes;
}

/** A whole safetensors file in memory, its data zeros. */
export function safetensorsBlob(header: unknown, dataBytes: number, declaredLength?: bigint): Blob {
  return new Blob([safetensorsPrefix(header, declaredLength), new Uint8Array(dataBytes)]);
}

/** Writes `prefix` and makes the file `size` bytes long without writing the rest (a sparse file). */
export function writeSparseFile(path: string, prefix: Uint8Array, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, prefix);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file on disk as a Blob whose slices read only their own bytes. (Node's `fs.openAsBlob`
 * reports the size of a file over 4 GiB modulo 2^32, at least up to Node 24.21.)
 */
export function diskBlob(path: string): Blob {
  const size = (() => {
    const fd = openSync(path, 'r');
    try {
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  })();
  const blob = {
    size,
    type: '',
    slice(start = 0, end = size) {
      const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      const fd = openSync(path, 'r');
      try {
        readSync(fd, bytes, 0, bytes.length, start);
      } finally {
        closeSync(fd);
      }
      return new Blob([bytes]);
    },
  };
  return blob as Blob;
}

/** A Blob that records every byte range read from it, to prove what a reader touched. */
export function watchedBlob(blob: Blob): { blob: Blob; reads: [number, number][] } {
  const reads: [number, number][] = [];
  const watched = {
    size: blob.size,
    type: blob.type,
    slice(start = 0, end = blob.size) {
      reads.push([start, Math.min(end, blob.size)]);
      return blob.slice(start, end);
    },
  };
  return { blob: watched as Blob, reads };
}

// A GPTQ-packed Llama-3.2-1B, the header only. Its config: hidden 2048, MLP 8192, 16 layers, 32 heads and 8 key-value heads of 64,
// a vocabulary of 128,256, the head tied to the embedding.
export const LLAMA_3_2_1B = {
  model_type: 'llama', hidden_size: 2048, intermediate_size: 8192, num_hidden_layers: 16, num_attention_heads: 32,
  num_key_value_heads: 8, head_dim: 64, vocab_size: 128256, tie_word_embeddings: true,
};
export const GPTQ_CONFIG = { quantization_config: { quant_method: 'gptq', bits: 4, group_size: 128 } };

/** Its header as GPTQ writes it, 4-bit, groups of 128: every Linear packed, embedding and norms in F16. */
export function llamaGptqHeader(extra: Record<string, TensorSpec> = {}) {
  const tensors: Record<string, TensorSpec> = { 'model.embed_tokens.weight': { dtype: 'F16', shape: [128256, 2048] } };
  const linears: [string, number, number][] = [
    ['self_attn.q_proj', 2048, 2048], ['self_attn.k_proj', 2048, 512], ['self_attn.v_proj', 2048, 512], ['self_attn.o_proj', 2048, 2048],
    ['mlp.gate_proj', 2048, 8192], ['mlp.up_proj', 2048, 8192], ['mlp.down_proj', 8192, 2048],
  ];
  for (let layer = 0; layer < 16; layer++) {
    const prefix = `model.layers.${layer}`;
    tensors[`${prefix}.input_layernorm.weight`] = { dtype: 'F16', shape: [2048] };
    tensors[`${prefix}.post_attention_layernorm.weight`] = { dtype: 'F16', shape: [2048] };
    for (const [name, inputs, outputs] of linears) {
      tensors[`${prefix}.${name}.qweight`] = { dtype: 'I32', shape: [inputs / 8, outputs] };
      tensors[`${prefix}.${name}.qzeros`] = { dtype: 'I32', shape: [inputs / 128, outputs / 8] };
      tensors[`${prefix}.${name}.scales`] = { dtype: 'F16', shape: [inputs / 128, outputs] };
      tensors[`${prefix}.${name}.g_idx`] = { dtype: 'I32', shape: [inputs] };
    }
  }
  tensors['model.norm.weight'] = { dtype: 'F16', shape: [2048] };
  return { ...tensors, ...extra };
}

// GGUF, version 3, little-endian: sizes are uint64, strings are a uint64 length and UTF-8 bytes.
export type GgufMetadata = Record<string, { type: 'u32' | 'string' | 'f32' | 'stringArray'; value: unknown }>;

export interface GgufTensorSpec {
  name: string;
  /** ne[0] first, as GGUF stores it. */
  shape: number[];
  /** GGML type id (0 F32, 1 F16, 12 Q4_K, …) and the bytes the tensor takes. */
  type: number;
  bytes: number;
}

/** A tensor in F32 (GGML type 0), `ne` listed as GGUF lists it: ne[0], the row length, first. */
export const ggufF32 = (name: string, ...ne: number[]): GgufTensorSpec => ({ name, shape: ne, type: 0, bytes: 4 * ne.reduce((a, b) => a * b, 1) });

/** A GGUF file's header and tensor infos, padded to the 32-byte alignment, then `dataBytes` of zeros. */
export function ggufBytes(metadata: GgufMetadata, tensors: GgufTensorSpec[], { version = 3, magic = 'GGUF' } = {}): Uint8Array<ArrayBuffer> {
  const parts: number[] = [];
  const u32 = (n: number) => parts.push(...new Uint8Array(new Uint32Array([n]).buffer));
  const u64 = (n: number) => parts.push(...new Uint8Array(new BigUint64Array([BigInt(n)]).buffer));
  const str = (s: string) => {
    const bytes = new TextEncoder().encode(s);
    u64(bytes.length);
    parts.push(...bytes);
  };
  parts.push(...new TextEncoder().encode(magic));
  u32(version);
  u64(tensors.length);
  u64(Object.keys(metadata).length);
  for (const [key, { type, value }] of Object.entries(metadata)) {
    str(key);
    if (type === 'u32') {
      u32(4);
      u32(value as number);
    } else if (type === 'f32') {
      u32(6);
      parts.push(...new Uint8Array(new Float32Array([value as number]).buffer));
    } else if (type === 'string') {
      u32(8);
      str(value as string);
    } else {
      const items = value as string[];
      u32(9);
      u32(8);
      u64(items.length);
      items.forEach(str);
    }
  }
  let offset = 0;
  for (const tensor of tensors) {
    str(tensor.name);
    u32(tensor.shape.length);
    tensor.shape.forEach(u64);
    u32(tensor.type);
    u64(offset);
    offset += Math.ceil(tensor.bytes / 32) * 32;
  }
  while (parts.length % 32 !== 0) parts.push(0);
  const header = Uint8Array.from(parts);
  const file = new Uint8Array(header.length + offset);
  file.set(header);
  return file;
}
