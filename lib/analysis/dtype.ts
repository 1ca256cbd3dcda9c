// PyTorch's element types by name (`torch.bfloat16` is 'bfloat16', `torch.float8_e4m3fn` is
// 'float8_e4m3fn'), with the bits one element takes; int4 is the packed 4-bit storage that
// quantised checkpoints use. The summary sizes tensors with it, the memory estimates size weights,
// optimiser state and the KV cache (vLLM's `--kv-cache-dtype fp8` stores float8_e4m3fn or _e5m2).

export const DTYPE_BITS = {
  float64: 64,
  float32: 32,
  float16: 16,
  bfloat16: 16,
  float8_e4m3fn: 8,
  float8_e5m2: 8,
  int64: 64,
  int32: 32,
  int16: 16,
  int8: 8,
  uint8: 8,
  int4: 4,
  bool: 8,
} as const;

export type DType = keyof typeof DTYPE_BITS;

/** The bits of one element of `dtype`; a clear error for a name PyTorch would not know. */
export function bitsOf(dtype: DType): number {
  const bits = DTYPE_BITS[dtype];
  if (bits === undefined) {
    throw new RangeError(`unknown dtype ${JSON.stringify(dtype)}; known: ${Object.keys(DTYPE_BITS).join(', ')}`);
  }
  return bits;
}

/** Bytes for `count` values of `dtype` (int4 packs two values per byte). */
export const bytesOf = (count: number, dtype: DType): number => Math.ceil((count * bitsOf(dtype)) / 8);
