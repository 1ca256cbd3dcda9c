// The frame every Hugging Face decoder-only language model shares, `…ForCausalLM`: the decoder under
// `model` (token embedding, layers, final norm) and the output head `lm_head`. What differs between
// families is inside a layer, which each family record (lib/models/families/) assembles.
import type { EmbedsTokens } from '../../capabilities.ts';
import { ModuleList } from '../../layers/containers.ts';
import { Embedding } from '../../layers/embedding.ts';
import { Linear } from '../../layers/linear.ts';
import { RMSNorm } from '../../layers/rms-norm.ts';
import { RotaryEmbedding } from '../../layers/rotary.ts';
import { ShapeOnlyModule } from '../../layers/shape-only.ts';
import type { Module } from '../../module.ts';
import { pinName } from '../../names.ts';
import type { Parameter } from '../../parameter.ts';
import { checkRank, type Shape } from '../../shape.ts';

/** The sizes outside the layers, read from a config.json by a family record. */
export interface DecoderConfig {
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  rmsNormEps: number;
  /** The width RoPE rotates: a head's width, or the part of it that is rotated. */
  ropeDim: number;
  ropeTheta: number;
  tieWordEmbeddings: boolean;
}

/**
 * One layer: its parts in the family's order (`self_attn`, `mlp`, `input_layernorm`, …). Each part
 * maps the hidden state to one of the same width, so shapes flow through them in that order.
 */
export class DecoderLayer extends ShapeOnlyModule {
  static {
    pinName(this, 'DecoderLayer');
  }

  constructor(parts: readonly (readonly [string, Module])[]) {
    super();
    for (const [name, part] of parts) this.register(name, part);
  }

  override outputShape(input: Shape): Shape {
    let x = input;
    for (const part of this.children()) x = part.callShape(x);
    return x;
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

  constructor(c: Readonly<DecoderConfig>, layer: (index: number) => DecoderLayer) {
    super();
    this.embed_tokens = new Embedding(c.vocabSize, c.hiddenSize);
    this.layers = new ModuleList(Array.from({ length: c.numLayers }, (_, index) => layer(index)));
    this.norm = new RMSNorm(c.hiddenSize, { eps: c.rmsNormEps });
    this.rotary_emb = new RotaryEmbedding(c.ropeDim, { base: c.ropeTheta });
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
 * A decoder-only language model, Hugging Face's `…ForCausalLM`: the decoder under `model` and the
 * output head `lm_head`. With `tieWordEmbeddings` the head's weight IS the token embedding, counted
 * once (as PyTorch counts it).
 */
export class CausalLM extends ShapeOnlyModule implements EmbedsTokens {
  static {
    pinName(this, 'CausalLM');
  }

  readonly config: Readonly<DecoderConfig>;
  model: DecoderModel;
  lm_head: Linear;

  constructor(config: Readonly<DecoderConfig>, layer: (index: number) => DecoderLayer) {
    super();
    this.config = config;
    this.model = new DecoderModel(config, layer);
    this.lm_head = new Linear(config.hiddenSize, config.vocabSize, { bias: false });
    if (config.tieWordEmbeddings) this.lm_head.weight = this.model.embed_tokens.weight;
  }

  tokenEmbedding(): Parameter {
    return this.model.embed_tokens.weight;
  }

  outputHead(): Parameter {
    return this.lm_head.weight;
  }

  /** Token ids `[B, T]` in, one score per vocabulary entry out: `[B, T, vocabSize]`. */
  override outputShape(tokens: Shape): Shape {
    return this.lm_head.callShape(this.model.callShape(tokens));
  }
}
