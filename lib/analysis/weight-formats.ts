// The bytes of a model's weights in each format it is served in, from the model alone: every
// parameter once, each matrix with the scales (and zeros) its format stores beside it. The
// Hugging Face formats quantise the matrices of the blocks and keep the embeddings, the output
// head, norms and biases in bfloat16; GGUF quantises every matrix and keeps vectors in F32.
import type { Module } from '../module.ts';
import { Conv1D } from '../models/hf/gpt2.ts';
import { Embedding } from '../layers/embedding.ts';
import { routesTokens } from '../capabilities.ts';
import { ggmlBlock } from './ggml-types.ts';

/** How a Hugging Face checkpoint format stores one quantised matrix of `rows` rows of `rowLength` weights. */
interface MatrixFormat {
  /** Bytes of the weights and their scales, zeros and indices. */
  bytes(rows: number, rowLength: number): number;
}

const GROUP = 128; // GPTQ's and AWQ's usual group_size
const groupsOf = (rowLength: number, size: number) => Math.ceil(rowLength / size);

/**
 * GPTQ (AutoGPTQ/GPTQModel's packing): `qweight` 4 bits per weight, per group of 128 inputs and
 * each output a float16 scale (`scales`) and a 4-bit zero packed in int32 (`qzeros`), and one
 * int32 group index per input (`g_idx`). AWQ (AutoAWQ's GEMM packing) stores the same but g_idx.
 */
const gptq = (withGroupIndex: boolean): MatrixFormat => ({
  bytes: (rows, rowLength) => {
    const groups = groupsOf(rowLength, GROUP) * rows;
    return (rows * rowLength) / 2 + groups * 2 + groups / 2 + (withGroupIndex ? 4 * rowLength : 0);
  },
});

export const HF_FORMATS = {
  float32: { bytes: (rows, rowLength) => 4 * rows * rowLength },
  bfloat16: { bytes: (rows, rowLength) => 2 * rows * rowLength },
  /** FP8 (E4M3) weights with one float32 scale per matrix, as vLLM's and compressed-tensors' per-tensor FP8. */
  float8: { bytes: (rows, rowLength) => rows * rowLength + 4 },
  /** bitsandbytes LLM.int8(): int8 weights (`CB`) and one float32 scale per output row (`SCB`). */
  int8: { bytes: (rows, rowLength) => rows * rowLength + 4 * rows },
  'gptq-4bit': gptq(true),
  'awq-4bit': gptq(false),
  /** OCP microscaling FP4 (gpt-oss's `_blocks` and `_scales`): 32 4-bit values and one E8M0 scale byte, 4.25 bits a weight. */
  mxfp4: { bytes: (rows, rowLength) => rows * groupsOf(rowLength, 32) * 17 },
  /**
   * bitsandbytes NF4 with double quantisation (QLoRA, Dettmers et al. 2023): 4 bits a weight, per
   * block of 64 an 8-bit absmax, per 256 such blocks a float32 scale: 4 + 8/64 + 32/(64 · 256) bits.
   */
  nf4: {
    bytes: (rows, rowLength) => {
      const blocks = Math.ceil((rows * rowLength) / 64);
      return (rows * rowLength) / 2 + blocks + 4 * Math.ceil(blocks / 256);
    },
  },
} satisfies Record<string, MatrixFormat>;

export type HFWeightFormat = keyof typeof HF_FORMATS;

/** GGUF types every matrix can take (llama-quantize --pure), and llama.cpp's named mixes. */
export const GGUF_TYPES = ['Q8_0', 'Q6_K', 'Q5_K', 'Q4_K', 'Q4_0', 'Q3_K', 'Q2_K'] as const;
export const GGUF_MIXES = ['Q4_K_M', 'Q5_K_M'] as const;
export type GgufWeightFormat = `gguf:${(typeof GGUF_TYPES)[number] | (typeof GGUF_MIXES)[number]}`;
export type WeightFormat = HFWeightFormat | GgufWeightFormat;

export const WEIGHT_FORMATS: readonly WeightFormat[] = [
  ...(Object.keys(HF_FORMATS) as HFWeightFormat[]),
  ...GGUF_TYPES.map((type) => `gguf:${type}` as const),
  ...GGUF_MIXES.map((mix) => `gguf:${mix}` as const),
];

/**
 * Stored tensors alike in name and shape: a name (an expert's index folded into `*`, so that 256
 * experts are one entry), how many there are, their element count each, and for a matrix its rows
 * and row length (the input side).
 */
interface WeightTensor {
  name: string;
  count: number;
  numel: number;
  matrix: { rows: number; rowLength: number } | null;
  /** The token embedding or the output head. */
  role: 'embedding' | 'output' | 'block';
}

/** Each parameter once, with its matrix layout: PyTorch's Linear stores [out, in], GPT-2's Conv1D [in, out]. */
function weightTensors(model: Module): WeightTensor[] {
  const seen = new Set<unknown>();
  const tensors = new Map<string, WeightTensor>();
  for (const [prefix, module] of model.namedModules()) {
    for (const [local, parameter] of module.namedParameters('', false)) {
      if (seen.has(parameter)) continue;
      seen.add(parameter);
      const name = (prefix ? `${prefix}.${local}` : local).replace(/\.experts\.\d+\./, '.experts.*.');
      const shape = parameter.shape;
      const numel = parameter.numel();
      const rowLength = module instanceof Conv1D ? shape[0]! : shape.at(-1)!;
      const key = `${name} ${shape.join('x')}`;
      const known = tensors.get(key);
      if (known) {
        known.count += 1;
        continue;
      }
      const matrix = shape.length >= 2 ? { rows: numel / rowLength, rowLength } : null;
      const role = module instanceof Embedding ? 'embedding' : /^lm_head\./.test(name) ? 'output' : 'block';
      tensors.set(key, { name, count: 1, numel, matrix, role });
    }
  }
  return [...tensors.values()];
}

export interface WeightFormatMemory {
  format: WeightFormat;
  bytes: number;
  /** Parameters stored quantised (or, for float32 and bfloat16, in that type). */
  quantised: number;
  /** Parameters kept at a higher precision: bfloat16 in the Hugging Face formats, F32 vectors in GGUF. */
  kept: number;
  /** A named GGUF mix, whose per-tensor types llama.cpp chooses by rules this follows: an estimate, not a file's header. */
  estimate: boolean;
  /** Parameters per GGML type (GGUF formats only). */
  byType?: Record<string, number>;
}

const totalOf = (tensors: readonly WeightTensor[]) => tensors.reduce((sum, t) => sum + t.count * t.numel, 0);

/** The bytes of `model`'s weights stored in `format`. */
export function weightFormatMemory(model: Module, format: WeightFormat): WeightFormatMemory {
  return weightFormatMemories(model, [format])[0]!;
}

/** The same for several formats, walking the model once. */
export function weightFormatMemories(model: Module, formats: readonly WeightFormat[]): WeightFormatMemory[] {
  const tensors = weightTensors(model);
  return formats.map((format) => (format.startsWith('gguf:') ? ggufMemory(model, tensors, format as GgufWeightFormat) : hfMemory(tensors, format as HFWeightFormat)));
}

function hfMemory(tensors: readonly WeightTensor[], format: HFWeightFormat): WeightFormatMemory {
  const matrixFormat = HF_FORMATS[format];
  if (!matrixFormat) throw new RangeError(`unknown weight format ${JSON.stringify(format)}; known: ${WEIGHT_FORMATS.join(', ')}`);
  const everything = format === 'float32' || format === 'bfloat16';
  let bytes = 0;
  let quantised = 0;
  for (const { count, numel, matrix, role } of tensors) {
    if (everything || (matrix && role === 'block')) {
      bytes += count * (matrix ? matrixFormat.bytes(matrix.rows, matrix.rowLength) : matrixFormat.bytes(1, numel));
      quantised += count * numel;
    } else {
      bytes += count * 2 * numel;
    }
  }
  const total = totalOf(tensors);
  return { format, bytes, quantised, kept: total - quantised, estimate: false };
}

/** llama.cpp's rule for the layers that get more bits in the _M mixes: the first and last eighth, and every third between. */
const useMoreBits = (layer: number, layers: number) =>
  layer < Math.floor(layers / 8) || layer >= Math.floor((7 * layers) / 8) || (layer - Math.floor(layers / 8)) % 3 === 2;

/** The type llama.cpp falls back to when a row is not a whole number of the type's blocks (llama_tensor_get_type). */
const FALLBACK: Readonly<Record<string, string>> = { Q4_K: 'Q5_0', Q5_K: 'Q5_1', Q6_K: 'Q8_0', Q3_K: 'IQ4_NL', Q2_K: 'IQ4_NL' };

/**
 * The GGML type of one matrix, following llama.cpp's llama_tensor_get_type (src/llama-quant.cpp)
 * for Q4_K_M and Q5_K_M: the output head in Q6_K; attn_v and ffn_down in Q6_K on the layers
 * use_more_bits picks; with 8 experts (Mixtral) attn_v and attn_k in Q8_0 and, for Q4_K_M, attn_output
 * in Q5_K; GPT-2's fused attn_qkv one step up (Q5_K, Q6_K); everything else the mix's base type.
 */
function mixType(mix: string, tensor: WeightTensor, layers: number, experts: number, hasOutput: boolean): string {
  const base = mix === 'Q4_K_M' ? 'Q4_K' : 'Q5_K';
  const name = tensor.name;
  if (tensor.role === 'output' || (!hasOutput && tensor.role === 'embedding')) return 'Q6_K';
  const layer = Number(/\.(\d+)\./.exec(name)?.[1] ?? -1);
  if (/\.v_proj\.weight$/.test(name)) return experts === 8 ? 'Q8_0' : useMoreBits(layer, layers) ? 'Q6_K' : base;
  if (/\.k_proj\.weight$/.test(name) && experts === 8) return 'Q8_0';
  if (/\.o_proj\.weight$/.test(name) && experts === 8 && mix === 'Q4_K_M') return 'Q5_K';
  if (/\.c_attn\.weight$/.test(name)) return mix === 'Q4_K_M' ? 'Q5_K' : 'Q6_K';
  if (/down_proj\.weight$|\.w2\.weight$|\.mlp\.c_proj\.weight$/.test(name) && useMoreBits(layer, layers)) return 'Q6_K';
  return base;
}

function ggufMemory(model: Module, tensors: readonly WeightTensor[], format: GgufWeightFormat): WeightFormatMemory {
  const type = format.slice('gguf:'.length);
  const mix = (GGUF_MIXES as readonly string[]).includes(type);
  if (!mix && !(GGUF_TYPES as readonly string[]).includes(type)) {
    throw new RangeError(`unknown weight format ${JSON.stringify(format)}; known: ${WEIGHT_FORMATS.join(', ')}`);
  }
  const layers = 1 + Math.max(-1, ...tensors.map((t) => Number(/\.(\d+)\./.exec(t.name)?.[1] ?? -1)));
  let experts = 0;
  for (const module of model.modules()) if (routesTokens(module)) experts = Math.max(experts, module.numExperts);
  const hasOutput = tensors.some((t) => t.role === 'output');
  const byType: Record<string, number> = {};
  let bytes = 0;
  let kept = 0;
  for (const tensor of tensors) {
    const { count, matrix } = tensor;
    const numel = count * tensor.numel;
    if (!matrix) {
      bytes += 4 * numel;
      kept += numel;
      byType.F32 = (byType.F32 ?? 0) + numel;
      continue;
    }
    let chosen = mix ? mixType(type, tensor, layers, experts, hasOutput) : type;
    if (matrix.rowLength % ggmlBlock(chosen)!.blockElements !== 0) chosen = FALLBACK[chosen] ?? 'F16';
    if (matrix.rowLength % ggmlBlock(chosen)!.blockElements !== 0) chosen = 'F16';
    const block = ggmlBlock(chosen)!;
    bytes += count * matrix.rows * (matrix.rowLength / block.blockElements) * block.blockBytes;
    byType[chosen] = (byType[chosen] ?? 0) + numel;
  }
  const total = totalOf(tensors);
  return { format, bytes, quantised: total - kept, kept, estimate: mix, byType };
}
