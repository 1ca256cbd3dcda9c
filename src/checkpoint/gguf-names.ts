// A GGUF file's tensors under the names and shapes of the Hugging Face checkpoint they were
// converted from, so that they can be compared with the model a config builds. llama.cpp's
// converter renames every tensor by gguf-py's tables (gguf/constants.py TENSOR_NAMES,
// gguf/tensor_mapping.py), writes each shape innermost first (PyTorch's [out, in] is stored as
// ne = [in, out]) and stacks the experts of a Mixtral layer into one 3-D tensor per projection,
// the expert outermost (conversion/llama.py). Here each of those steps is undone.
import { elementsOf, type TensorInfo } from './tensor-info.ts';

/** How one family's tensors are named: llama.cpp's base name → Hugging Face's, without `.weight` or `.bias`. */
interface Layout {
  /** The tensors outside the layers. */
  top: Readonly<Record<string, string>>;
  /** Where layer N's tensors live in Hugging Face's names (`model.layers` for `model.layers.N.…`). */
  layers: string;
  /** The tensors of one layer, `blk.N.<base>` in the file. */
  block: Readonly<Record<string, string>>;
  /** Where a layer's experts live, for the merged expert tensors. */
  experts?: string;
  /** Matrices the Hugging Face model stores as [in, out] (GPT-2's Conv1D), which the converter transposed first. */
  transposed?: ReadonlySet<string>;
}

const DECODER: Layout = {
  top: { token_embd: 'model.embed_tokens', output_norm: 'model.norm', output: 'lm_head' },
  layers: 'model.layers',
  block: {
    attn_norm: 'input_layernorm',
    attn_q: 'self_attn.q_proj',
    attn_k: 'self_attn.k_proj',
    attn_v: 'self_attn.v_proj',
    attn_output: 'self_attn.o_proj',
    attn_q_norm: 'self_attn.q_norm',
    attn_k_norm: 'self_attn.k_norm',
    ffn_norm: 'post_attention_layernorm',
    ffn_gate: 'mlp.gate_proj',
    ffn_up: 'mlp.up_proj',
    ffn_down: 'mlp.down_proj',
    ffn_gate_inp: 'block_sparse_moe.gate',
  },
  experts: 'block_sparse_moe.experts',
};

const GPT2: Layout = {
  top: { token_embd: 'transformer.wte', position_embd: 'transformer.wpe', output_norm: 'transformer.ln_f', output: 'lm_head' },
  layers: 'transformer.h',
  block: { attn_norm: 'ln_1', attn_qkv: 'attn.c_attn', attn_output: 'attn.c_proj', ffn_norm: 'ln_2', ffn_up: 'mlp.c_fc', ffn_down: 'mlp.c_proj' },
  transposed: new Set(['attn_qkv', 'attn_output', 'ffn_up', 'ffn_down']),
};

const BERT: Layout = {
  top: {
    token_embd: 'embeddings.word_embeddings',
    position_embd: 'embeddings.position_embeddings',
    token_types: 'embeddings.token_type_embeddings',
    token_embd_norm: 'embeddings.LayerNorm',
  },
  layers: 'encoder.layer',
  block: {
    attn_q: 'attention.self.query',
    attn_k: 'attention.self.key',
    attn_v: 'attention.self.value',
    attn_output: 'attention.output.dense',
    attn_output_norm: 'attention.output.LayerNorm',
    ffn_up: 'intermediate.dense',
    ffn_down: 'output.dense',
    layer_output_norm: 'output.LayerNorm',
  },
};

/** By the config's `model_type`. Mistral and Mixtral files are llama files to llama.cpp. */
const LAYOUTS: Readonly<Record<string, Layout>> = {
  llama: DECODER, mistral: DECODER, mixtral: DECODER, qwen2: DECODER, qwen3: DECODER, gpt2: GPT2, bert: BERT,
};

/**
 * A merged expert tensor and the projections it holds, in the order it holds them (HF Mixtral's
 * w1 is the gate, w2 the down and w3 the up projection). `ffn_gate_up_exps` is what the
 * converter's option to fuse them writes: gate and up concatenated along the rows.
 */
const EXPERT_TENSORS: Readonly<Record<string, readonly string[]>> = {
  ffn_gate_exps: ['w1'], ffn_down_exps: ['w2'], ffn_up_exps: ['w3'], ffn_gate_up_exps: ['w1', 'w3'],
};

/**
 * Tensors llama.cpp stores that no Hugging Face checkpoint holds: RoPE frequency factors the
 * converter computes from the config (Llama 3.1's rope_scaling writes `rope_freqs`). They are no
 * parameter of the model.
 */
const GGUF_ONLY = new Set(['rope_freqs.weight', 'rope_factors_long.weight', 'rope_factors_short.weight']);

export const isGgufOnly = (name: string): boolean => GGUF_ONLY.has(name);

const GGUF_NAME = /^(?:blk\.(\d+)\.)?(\w+)\.(weight|bias)$/;

/**
 * The tensors of a GGUF file as the Hugging Face checkpoint of this `model_type` names and shapes
 * them. The tensors that are no parameter are left out; one that cannot be named stays as it is.
 */
export function ggufAsHuggingFace(tensors: readonly TensorInfo[], modelType: string): TensorInfo[] {
  const layout = LAYOUTS[modelType];
  const parameters = tensors.filter((tensor) => !isGgufOnly(tensor.name));
  return layout ? parameters.flatMap((tensor) => asHuggingFace(tensor, layout)) : parameters;
}

function asHuggingFace(tensor: TensorInfo, layout: Layout): TensorInfo[] {
  const [, layer, base = '', suffix = ''] = GGUF_NAME.exec(tensor.name) ?? [];
  const shape = layout.transposed?.has(base) ? [...tensor.shape] : [...tensor.shape].reverse();
  if (layer === undefined) {
    const name = layout.top[base];
    return name ? [renamed(tensor, `${name}.${suffix}`, shape)] : [tensor];
  }
  const prefix = `${layout.layers}.${layer}`;
  const name = layout.block[base];
  if (name) return [renamed(tensor, `${prefix}.${name}.${suffix}`, shape)];
  const projections = EXPERT_TENSORS[base];
  if (layout.experts && projections && suffix === 'weight') {
    return perExpert(tensor, `${prefix}.${layout.experts}`, projections, shape);
  }
  return [tensor];
}

/** A merged [experts, rows, columns] tensor as one matrix per expert and projection. */
function perExpert(tensor: TensorInfo, prefix: string, projections: readonly string[], shape: number[]): TensorInfo[] {
  const [experts = 0, rows = 0, columns = 0] = shape;
  if (shape.length !== 3 || rows % projections.length !== 0) return [tensor];
  const each = [rows / projections.length, columns];
  return Array.from({ length: experts }, (_, expert) =>
    projections.map((projection) => renamed(tensor, `${prefix}.${expert}.${projection}.weight`, each)),
  ).flat();
}

const renamed = (tensor: TensorInfo, name: string, shape: number[]): TensorInfo => ({
  ...tensor, name, shape, elements: elementsOf(shape),
});
