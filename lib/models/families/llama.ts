// Llama (`llama`) and the decoders laid out as it is, which differ in a few switches: Mistral,
// Qwen2 and Qwen3 each have a file that calls llamaLike with theirs.
import { DecoderLayer, CausalLM } from '../hf/decoder.ts';
import type { ConfigReader } from '../config-reader.ts';
import { attention, decoderConfig, gatedMLP, heads, rmsNorm } from './decoder-parts.ts';
import { type ActiveConvention, CONVENTIONS, decoderPartOf, type Family, type GgufLayout } from './family.ts';

/** llama.cpp's names of a Llama-style decoder (gguf-py's TENSOR_NAMES). */
export const LLAMA_GGUF: GgufLayout = {
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
  },
};

/** What sets one Llama-style family apart; each default is its config class's. */
export interface LlamaSwitches {
  modelType: string;
  name: string;
  /** Query/key/value biases: read from `attention_bias`, or fixed (Qwen2 always has them). */
  qkvBias: boolean | 'attention_bias';
  outputBias: boolean | 'attention_bias';
  /** Reads `mlp_bias` (Llama); the others have none. */
  mlpBias: boolean;
  /** Qwen3's RMSNorm over each query and key head. */
  qkNorm: boolean;
  tieWordEmbeddings: boolean;
  /**
   * Which layers `sliding_window` applies to: `all` (Mistral), `from max_window_layers` and only
   * with `use_sliding_window` (Qwen2/3: transformers' default layer_types), or `none`.
   */
  sliding: 'all' | 'from max_window_layers' | 'none';
  active: ActiveConvention;
}

/**
 * Each layer's sliding window, or null. A config that leaves `sliding_window` out (or sets it to
 * null) attends to every token; Qwen2/3 slide only with `use_sliding_window`, on the layers from
 * `max_window_layers` on.
 */
function slidingWindows(read: ConfigReader, sliding: LlamaSwitches['sliding'], numLayers: number): (number | null)[] {
  const none = Array<null>(numLayers).fill(null);
  if (sliding === 'none' || !read.has('sliding_window')) return none;
  if (sliding === 'all') return none.map(() => read.size('sliding_window'));
  if (!read.flag('use_sliding_window', false)) return none;
  const window = read.size('sliding_window');
  const first = read.sizeOr('max_window_layers', () => 28); // Qwen2Config's and Qwen3Config's default
  return none.map((_, i) => (i >= first ? window : null));
}

export function llamaLike(s: LlamaSwitches): Family {
  const build = (read: ConfigReader) => {
    const h = heads(read);
    const bias = (setting: boolean | 'attention_bias') => (setting === 'attention_bias' ? read.flag('attention_bias', false) : setting);
    const intermediateSize = read.size('intermediate_size');
    const mlpBias = s.mlpBias && read.flag('mlp_bias', false);
    const config = decoderConfig(read, { tie: s.tieWordEmbeddings, ropeDim: h.headDim });
    const windows = slidingWindows(read, s.sliding, config.numLayers);
    const layerWindow = (index: number) => windows[index] ?? undefined;
    return new CausalLM(config, (index) => new DecoderLayer([
      ['self_attn', attention(h, {
        qkvBias: bias(s.qkvBias),
        outputBias: bias(s.outputBias),
        ...(s.qkNorm ? { qkNormEps: config.rmsNormEps } : {}),
        ...(layerWindow(index) === undefined ? {} : { slidingWindow: layerWindow(index) }),
      })],
      ['mlp', gatedMLP(h.hiddenSize, intermediateSize, mlpBias)],
      ['input_layernorm', rmsNorm(read, h.hiddenSize)],
      ['post_attention_layernorm', rmsNorm(read, h.hiddenSize)],
    ]));
  };
  return {
    modelTypes: [s.modelType],
    name: s.name,
    build,
    partOf: decoderPartOf,
    loraTargets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
    attention: s.sliding === 'none' ? ['full'] : ['full', 'sliding'],
    active: s.active,
    gguf: LLAMA_GGUF,
  };
}

export const llama = llamaLike({
  modelType: 'llama', name: 'Llama', qkvBias: 'attention_bias', outputBias: 'attention_bias', mlpBias: true, qkNorm: false,
  tieWordEmbeddings: false, sliding: 'none', active: CONVENTIONS.meta,
});
