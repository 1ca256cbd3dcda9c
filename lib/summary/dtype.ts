// PyTorch's element sizes, for the tensors a summary sizes: the weight formats of memory.ts that
// take whole bytes, and the other dtypes an input can have (token ids are int64).
import { DTYPE_BITS } from '../memory.ts';

const ELEMENT_BITS = { ...DTYPE_BITS, float64: 64, int64: 64, int32: 32, int16: 16, uint8: 8, bool: 8 } as const;

/** A dtype by PyTorch's name (`torch.float32` is `'float32'`) with a whole number of bytes. */
export type TensorDType = Exclude<keyof typeof ELEMENT_BITS, 'int4'>;

const WHOLE_BYTES = Object.keys(ELEMENT_BITS).filter((name) => ELEMENT_BITS[name as TensorDType] % 8 === 0);

/** The bytes of one element of `dtype` (`element_size()`); a clear error for any other name. */
export function bytesPerElement(dtype: TensorDType): number {
  if (!WHOLE_BYTES.includes(dtype)) {
    throw new RangeError(`summary: unknown dtype "${String(dtype)}"; expected one of ${WHOLE_BYTES.join(', ')}`);
  }
  return ELEMENT_BITS[dtype] / 8;
}
