import { ModuleList } from '../../layers/containers.ts';
import { Embedding } from '../../layers/embedding.ts';
import { GatedMLP } from '../../layers/gated-mlp.ts';
import { GroupedQueryAttention } from '../../layers/grouped-query-attention.ts';
import { Linear } from '../../layers/linear.ts';
import { MixtureOfExperts } from '../../layers/mixture-of-experts.ts';
import { RMSNorm } from '../../layers/rms-norm.ts';
import { RotaryEmbedding } from '../../layers/rotary.ts';
import { ShapeOnlyModule } from '../../layers/shape-only.ts';
import { pinName } from '../../names.ts';
import { checkRank, type Shape } from '../../shape.ts';

/** The sizes and switches of a Llama-style decoder, read from a config.json by modelFromConfig. */
export interface DecoderConfig {
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  numLayers: number;
  numHeads: number;
  numKeyValueHeads: number;
  headDim: number;
  qkvBias: boolean;
  outputBias: boolean;
  mlpBias: boolean;
  /** Qwen3's RMSNorm over each query and key head. */
  qkNorm: boolean;
  rmsNormEps: number;
  ropeTheta: number;
  tieWordEmbeddings: boolean;
  /** Mixtral: a mixture of experts in place of the MLP. */
  experts: { count: number; topK: number } | null;
  /** Each layer's sliding window (Mistral-7B-v0.1: 4,096 on every layer), or null where it attends to every token. */
  slidingWindows: readonly (number | null)[];
}

/** One layer: RMSNorm, attention, RMSNorm, then a gated MLP or a mixture of experts. */
export class DecoderLayer extends ShapeOnlyModule {
  static {
    pinName(this, 'DecoderLayer');
  }

  // Declared in Hugging Face's order, which fixes the order of namedParameters().
  self_attn: GroupedQueryAttention;
  mlp?: GatedMLP;
  block_sparse_moe?: MixtureOfExperts;
  input_layernorm: RMSNorm;
  post_attention_layernorm: RMSNorm;

  constructor(c: Readonly<DecoderConfig>, index: number) {
    super();
    const slidingWindow = c.slidingWindows[index];
    this.self_attn = new GroupedQueryAttention(c.hiddenSize, c.numHeads, {
      numKeyValueHeads: c.numKeyValueHeads,
      headDim: c.headDim,
      qkvBias: c.qkvBias,
      outputBias: c.outputBias,
      ...(c.qkNorm ? { qkNormEps: c.rmsNormEps } : {}),
      ...(slidingWindow ? { slidingWindow } : {}),
    });
    if (c.experts) this.block_sparse_moe = new MixtureOfExperts(c.hiddenSize, c.intermediateSize, c.experts.count, c.experts.topK);
    else this.mlp = new GatedMLP(c.hiddenSize, c.intermediateSize, { bias: c.mlpBias });
    this.input_layernorm = new RMSNorm(c.hiddenSize, { eps: c.rmsNormEps });
    this.post_attention_layernorm = new RMSNorm(c.hiddenSize, { eps: c.rmsNormEps });
  }

  override outputShape(input: Shape): Shape {
    const x = this.self_attn.callShape(this.input_layernorm.callShape(input));
    const feedForward = (this.mlp ?? this.block_sparse_moe)!;
    return feedForward.callShape(this.post_attention_layernorm.callShape(x));
  }
}

/** The decoder stack without a head: Hugging Face's `LlamaModel`, `model.` in checkpoint names. */
export class DecoderModel extends ShapeOnlyModule {
  static {
    pinName(this, 'DecoderModel');
  }

  embed_tokens: Embedding;
  layers: ModuleList;
  norm: RMSNorm;
  rotary_emb: RotaryEmbedding;

  constructor(c: Readonly<DecoderConfig>) {
    super();
    this.embed_tokens = new Embedding(c.vocabSize, c.hiddenSize);
    this.layers = new ModuleList(Array.from({ length: c.numLayers }, (_, i) => new DecoderLayer(c, i)));
    this.norm = new RMSNorm(c.hiddenSize, { eps: c.rmsNormEps });
    this.rotary_emb = new RotaryEmbedding(c.headDim, { base: c.ropeTheta });
  }

  override outputShape(tokens: Shape): Shape {
    checkRank(tokens, [2], 'DecoderModel');
    let x = this.embed_tokens.callShape(tokens);
    this.rotary_emb.callShape(tokens);
    for (const layer of this.layers) x = layer.callShape(x);
    return this.norm.callShape(x);
  }
}

/**
 * A decoder-only language model, as Llama, Mistral, Qwen2/3 and Mixtral lay it out: Hugging Face's
 * `…ForCausalLM`, the decoder under `model` and the output head `lm_head`. With
 * `tieWordEmbeddings` the head's weight IS the token embedding, counted once (as PyTorch counts it).
 */
export class CausalLM extends ShapeOnlyModule {
  static {
    pinName(this, 'CausalLM');
  }

  readonly config: Readonly<DecoderConfig>;
  model: DecoderModel;
  lm_head: Linear;

  constructor(config: Readonly<DecoderConfig>) {
    super();
    this.config = config;
    this.model = new DecoderModel(config);
    this.lm_head = new Linear(config.hiddenSize, config.vocabSize, { bias: false });
    if (config.tieWordEmbeddings) this.lm_head.weight = this.model.embed_tokens.weight;
  }

  /** Token ids `[B, T]` in, one score per vocabulary entry out: `[B, T, vocabSize]`. */
  override outputShape(tokens: Shape): Shape {
    return this.lm_head.callShape(this.model.callShape(tokens));
  }
}
