// GGML's tensor types (llama.cpp's GGUF files), by id: name, elements per block and bytes per
// block, from ggml's type traits (ggml/src/ggml.c `type_traits`, the block structs in
// ggml-common.h). Q8_0 is a float16 scale and 32 int8 values, 34 bytes per 32 weights; Q4_K is a
// float16 scale and minimum, 12 bytes of 6-bit sub-block scales and 128 bytes of 4-bit values,
// 144 bytes per 256; MXFP4 is one E8M0 scale byte and 16 bytes of 4-bit values per 32.

export const GGML_TYPES: Readonly<Record<number, readonly [name: string, blockElements: number, blockBytes: number]>> = {
  0: ['F32', 1, 4], 1: ['F16', 1, 2], 2: ['Q4_0', 32, 18], 3: ['Q4_1', 32, 20],
  6: ['Q5_0', 32, 22], 7: ['Q5_1', 32, 24], 8: ['Q8_0', 32, 34], 9: ['Q8_1', 32, 40],
  10: ['Q2_K', 256, 84], 11: ['Q3_K', 256, 110], 12: ['Q4_K', 256, 144], 13: ['Q5_K', 256, 176],
  14: ['Q6_K', 256, 210], 15: ['Q8_K', 256, 292], 16: ['IQ2_XXS', 256, 66], 17: ['IQ2_XS', 256, 74],
  18: ['IQ3_XXS', 256, 98], 19: ['IQ1_S', 256, 50], 20: ['IQ4_NL', 32, 18], 21: ['IQ3_S', 256, 110],
  22: ['IQ2_S', 256, 82], 23: ['IQ4_XS', 256, 136], 24: ['I8', 1, 1], 25: ['I16', 1, 2],
  26: ['I32', 1, 4], 27: ['I64', 1, 8], 28: ['F64', 1, 8], 29: ['IQ1_M', 256, 56], 30: ['BF16', 1, 2],
  34: ['TQ1_0', 256, 54], 35: ['TQ2_0', 256, 66], 39: ['MXFP4', 32, 17],
};

/** A GGML type's block by name ('Q4_K'), or undefined for a name GGML does not know. */
export function ggmlBlock(name: string): { blockElements: number; blockBytes: number } | undefined {
  for (const [typeName, blockElements, blockBytes] of Object.values(GGML_TYPES)) {
    if (typeName === name) return { blockElements, blockBytes };
  }
  return undefined;
}
