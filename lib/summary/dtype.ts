// The element types a summary can size tensors in, with PyTorch's bytes per element.

/** PyTorch's dtypes by name (`torch.float32` is `'float32'`), with the bytes of one element. */
export const DTYPE_BYTES = {
  float64: 8,
  float32: 4,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
} as const;

export type DType = keyof typeof DTYPE_BYTES;

/** The bytes of one element of `dtype`; a clear error for a name PyTorch would not know. */
export function bytesPerElement(dtype: DType): number {
  const bytes = DTYPE_BYTES[dtype];
  if (bytes === undefined) {
    throw new RangeError(`summary: unknown dtype "${String(dtype)}"; expected one of ${Object.keys(DTYPE_BYTES).join(', ')}`);
  }
  return bytes;
}
