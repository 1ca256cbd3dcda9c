// Activation memory of a transformer, from the sizes in its config.json.
//
// Training: Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
// Models" (§4.1), count the bytes a GPT-style layer stores for the backward pass in 16-bit, for
// sequence length s, micro-batch b, width h and a heads, without tensor parallelism:
//   attention 11·sbh + 5·as²b (QKV input 2sbh, Q and K 4sbh, softmax 2as²b, its dropout mask
//   as²b and output 2as²b, V 2sbh, output-projection input 2sbh, dropout mask sbh),
//   MLP 19·sbh (input 2sbh, GeLU input 8sbh, second linear's input 8sbh, dropout mask sbh),
//   two LayerNorms 4·sbh: in all sbh·(34 + 5·as/h).
// Adapted here term by term to the family: Q takes 2·s·b·a·d_qk, K 2·s·b·kv·d_qk and V
// 2·s·b·kv·d_v (grouped-query attention stores fewer key/value heads; MLA's per-head sizes are
// qk_nope + qk_rope and v_head_dim, and it also stores the inputs of its up-projections,
// 2·s·b·(q_lora_rank + kv_lora_rank)); the MLP's width f replaces 4h, and a gated MLP (SwiGLU)
// stores gate and up outputs and the down projection's input, 6·sbf, where GeLU's stores 4·sbf;
// a mixture of experts stores that for the top-k experts' and shared experts' width a token
// passes through; the dropout masks (1 byte each) count only where the family has dropout.
// Selective recomputation (the paper's §4.2) recomputes the a·s² terms: softmax and its dropout.
// Full recomputation keeps only each layer's input, 2·sbh per layer.
// After the layers, the final norm's input 2·sbh, the output layer's input 2·sbh and the float32
// logits of the cross-entropy loss 4·sbv: 4sbh · (1 + v/h), the paper's figure without tensor
// parallelism (its embedding dropout mask left out).

/** The sizes of a transformer that decide its activations, read from its config.json. */
export interface TransformerDims {
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  /** Query and key width per head. */
  qkHeadDim: number;
  /** Value width per head. */
  vHeadDim: number;
  /** MLA: the widths of the compressed query and key/value vectors whose up-projections store their inputs. */
  latentDims: number;
  /** The MLP width a token passes through (top-k experts' and shared experts' together in an MoE), averaged over layers. */
  mlpWidth: number;
  /** SwiGLU-style: gate and up projections. */
  gated: boolean;
  /** Dropout after attention probabilities and residual branches (GPT-2, BERT). */
  dropout: boolean;
  vocab: number;
}

const num = (config: Readonly<Record<string, unknown>>, ...keys: string[]): number | undefined => {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  }
  return undefined;
};

/** The dims of a config, or an error naming the first key it needs and lacks. */
export function transformerDims(config: Readonly<Record<string, unknown>>): TransformerDims {
  const need = (...keys: string[]) => {
    const value = num(config, ...keys);
    if (value === undefined) throw new RangeError(`transformerDims: the config needs ${keys.join(' or ')}`);
    return value;
  };
  const hidden = need('hidden_size', 'n_embd', 'd_model');
  const layers = need('num_hidden_layers', 'n_layer');
  const heads = need('num_attention_heads', 'n_head');
  const kvHeads = num(config, 'num_key_value_heads') ?? heads;
  const headDim = num(config, 'head_dim') ?? hidden / heads;
  const mla = num(config, 'kv_lora_rank') !== undefined;
  const qkHeadDim = mla ? need('qk_nope_head_dim') + need('qk_rope_head_dim') : headDim;
  const vHeadDim = mla ? need('v_head_dim') : headDim;
  const latentDims = mla ? (num(config, 'q_lora_rank') ?? 0) + need('kv_lora_rank') : 0;
  const dense = num(config, 'intermediate_size', 'n_inner') ?? 4 * hidden;
  const topK = num(config, 'num_experts_per_tok');
  let mlpWidth = dense;
  if (topK !== undefined) {
    const expert = num(config, 'moe_intermediate_size') ?? dense;
    const shared = (num(config, 'n_shared_experts') ?? 0) * expert + (num(config, 'shared_expert_intermediate_size') ?? 0);
    const denseLayers = Math.min(layers, num(config, 'first_k_dense_replace') ?? 0);
    mlpWidth = (denseLayers * dense + (layers - denseLayers) * (topK * expert + shared)) / layers;
  }
  const family = String(config.model_type ?? '');
  const classic = family === 'gpt2' || family === 'bert';
  return {
    hidden,
    layers,
    heads,
    kvHeads,
    qkHeadDim,
    vHeadDim,
    latentDims,
    mlpWidth,
    gated: !classic,
    dropout: classic,
    vocab: need('vocab_size'),
  };
}

export type Recomputation = 'none' | 'selective' | 'full';

/** Bytes one layer stores for the backward pass, for `tokens` (s) per sequence and `batch` (b) sequences. */
export function layerActivationBytes(d: TransformerDims, { tokens: s, batch: b, recompute = 'none' }: { tokens: number; batch: number; recompute?: Recomputation }): number {
  const sb = s * b;
  if (recompute === 'full') return 2 * sb * d.hidden;
  const mask = d.dropout ? 1 : 0;
  const attention =
    2 * sb * d.hidden + // QKV input
    2 * sb * d.heads * d.qkHeadDim + // Q
    2 * sb * d.kvHeads * d.qkHeadDim + // K
    2 * sb * d.kvHeads * d.vHeadDim + // V
    2 * sb * d.latentDims + // MLA's compressed vectors, inputs of the up-projections
    2 * sb * d.heads * d.vHeadDim + // output projection's input
    mask * sb * d.hidden; // output dropout mask
  const scores = recompute === 'selective' ? 0 : (2 + mask * 3) * d.heads * s * s * b; // softmax, and with dropout its mask and output
  const mlp = 2 * sb * d.hidden + (d.gated ? 6 : 4) * sb * d.mlpWidth + mask * sb * d.hidden;
  const norms = 4 * sb * d.hidden;
  return attention + scores + mlp + norms;
}

/** Every layer's activations plus the final norm's, the output layer's and the float32 logits. */
export function trainingActivationBytes(d: TransformerDims, options: { tokens: number; batch: number; recompute?: Recomputation }): number {
  const sb = options.tokens * options.batch;
  return d.layers * layerActivationBytes(d, options) + 4 * sb * d.hidden + 4 * sb * d.vocab;
}

/** Tokens a serving engine reads at once while it reads a prompt: its chunked prefill (our assumption). */
export const PREFILL_CHUNK = 2048;

/**
 * An estimate of inference's working memory: one layer's 16-bit temporaries for the tokens read
 * at once, c = min(batch · context, 2,048) (chunked prefill): c · (4·h + 3·f) · 2 bytes for the
 * hidden states in and out, the attention's input and output, and the MLP's gate, up and product;
 * plus each sequence's next-token logits in float32, batch · vocab · 4. Nothing is kept between
 * layers, so it does not grow with the number of layers.
 */
export function inferenceActivationBytes(d: TransformerDims, { tokens, batch }: { tokens: number; batch: number }): number {
  const chunk = Math.min(tokens * batch, PREFILL_CHUNK);
  return chunk * (4 * d.hidden + 3 * d.mlpWidth) * 2 + batch * d.vocab * 4;
}
