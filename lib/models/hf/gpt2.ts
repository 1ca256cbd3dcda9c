import type { AdaptsWithLoRA, CachesKeysAndValues, EmbedsTokens, KVCacheSpec, LoraMatrix } from '../../capabilities.ts';
import { GELU } from '../../layers/activation.ts';
import { ModuleList } from '../../layers/containers.ts';
import { Dropout } from '../../layers/dropout.ts';
import { Embedding } from '../../layers/embedding.ts';
import { FusedSelfAttention } from '../../layers/fused-attention.ts';
import { Linear } from '../../layers/linear.ts';
import { LayerNorm } from '../../layers/normalization.ts';
import { ShapeOnlyModule } from '../../layers/shape-only.ts';
import { fanInUniform } from '../../init.ts';
import { pinName } from '../../names.ts';
import { Parameter } from '../../parameter.ts';
import { checkDim, checkRank, checkSize, formatShape, type Shape } from '../../shape.ts';

/** GPT-2's sizes, in Hugging Face's config.json terms (n_embd, n_layer, n_head, n_positions, n_inner). */
export interface GPT2LayoutConfig {
  vocabSize: number;
  nPositions: number;
  nEmbd: number;
  nLayer: number;
  nHead: number;
  nInner: number;
  layerNormEpsilon: number;
  tieWordEmbeddings: boolean;
}

/**
 * Hugging Face's `Conv1D`, which GPT-2 uses for its projections: a Linear whose weight is stored
 * transposed, `[nx, nf]` = `[in, out]`, as in OpenAI's TensorFlow checkpoints. Same count as
 * `Linear(nx, nf)`: nx · nf + nf.
 */
export class Conv1D extends ShapeOnlyModule implements AdaptsWithLoRA {
  static {
    pinName(this, 'Conv1D');
  }

  readonly nf: number;
  readonly nx: number;
  weight: Parameter;
  bias: Parameter;

  /** Hugging Face's argument order: output width first. */
  constructor(nf: number, nx: number) {
    super();
    checkSize(nf, 'Conv1D: nf');
    checkSize(nx, 'Conv1D: nx');
    this.nf = nf;
    this.nx = nx;
    this.weight = new Parameter([nx, nf], fanInUniform(nx));
    this.bias = new Parameter([nf]);
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.nx, 'Conv1D');
    return [...input.slice(0, -1), this.nf];
  }

  /** Stored as [in, out], adapted as the [out, in] matrix it stands for. */
  loraMatrices(): LoraMatrix[] {
    return [{ name: '', inFeatures: this.nx, outFeatures: this.nf }];
  }

  override extraRepr(): string {
    return `nf=${this.nf}, nx=${this.nx}`;
  }
}

/** GPT-2's attention in Hugging Face's layout: `c_attn` and `c_proj` are Conv1D. */
export class GPT2Attention extends FusedSelfAttention<Conv1D> {
  static {
    pinName(this, 'GPT2Attention');
  }

  constructor({ nEmbd, nHead }: Readonly<GPT2LayoutConfig>) {
    super(nEmbd, nHead, 0.1, (inFeatures, outFeatures) => new Conv1D(outFeatures, inFeatures));
  }
}

/** E → n_inner → E with GELU between, both projections Conv1D. */
export class GPT2MLP extends ShapeOnlyModule {
  static {
    pinName(this, 'GPT2MLP');
  }

  c_fc: Conv1D;
  c_proj: Conv1D;
  act: GELU;
  dropout: Dropout;

  constructor({ nEmbd, nInner }: Readonly<GPT2LayoutConfig>) {
    super();
    this.c_fc = new Conv1D(nInner, nEmbd);
    this.c_proj = new Conv1D(nEmbd, nInner);
    this.act = new GELU('tanh');
    this.dropout = new Dropout(0.1);
  }

  override outputShape(input: Shape): Shape {
    return this.dropout.callShape(this.c_proj.callShape(this.act.callShape(this.c_fc.callShape(input))));
  }
}

export class GPT2Block extends ShapeOnlyModule {
  static {
    pinName(this, 'GPT2Block');
  }

  ln_1: LayerNorm;
  attn: GPT2Attention;
  ln_2: LayerNorm;
  mlp: GPT2MLP;

  constructor(config: Readonly<GPT2LayoutConfig>) {
    super();
    this.ln_1 = new LayerNorm(config.nEmbd, { eps: config.layerNormEpsilon });
    this.attn = new GPT2Attention(config);
    this.ln_2 = new LayerNorm(config.nEmbd, { eps: config.layerNormEpsilon });
    this.mlp = new GPT2MLP(config);
  }

  override outputShape(input: Shape): Shape {
    this.attn.callShape(this.ln_1.callShape(input));
    return this.mlp.callShape(this.ln_2.callShape(input));
  }
}

/** The transformer without a head: Hugging Face's `GPT2Model`, `transformer.` in GPT2LMHeadModel. */
export class GPT2Model extends ShapeOnlyModule {
  static {
    pinName(this, 'GPT2Model');
  }

  readonly nPositions: number;
  wte: Embedding;
  wpe: Embedding;
  drop: Dropout;
  h: ModuleList;
  ln_f: LayerNorm;

  constructor(config: Readonly<GPT2LayoutConfig>) {
    super();
    this.nPositions = config.nPositions;
    this.wte = new Embedding(config.vocabSize, config.nEmbd);
    this.wpe = new Embedding(config.nPositions, config.nEmbd);
    this.drop = new Dropout(0.1);
    this.h = new ModuleList(Array.from({ length: config.nLayer }, () => new GPT2Block(config)));
    this.ln_f = new LayerNorm(config.nEmbd, { eps: config.layerNormEpsilon });
  }

  override outputShape(tokens: Shape): Shape {
    checkRank(tokens, [2], 'GPT2Model');
    if (tokens[1]! > this.nPositions) {
      throw new RangeError(`GPT2Model: ${formatShape(tokens)} is longer than n_positions ${this.nPositions}`);
    }
    this.wpe.callShape([tokens[1]!]);
    let x = this.drop.callShape(this.wte.callShape(tokens));
    for (const block of this.h) x = block.callShape(x);
    return this.ln_f.callShape(x);
  }
}

/**
 * GPT-2 in Hugging Face's layout, any size: `GPT2LMHeadModel`, whose `lm_head` shares the token
 * embedding's weight unless `tie_word_embeddings` is false. (lib's `GPT2` is the same network in
 * nanoGPT's layout, with `Linear` weights `[out, in]`.)
 */
export class GPT2LMHeadModel extends ShapeOnlyModule implements EmbedsTokens {
  static {
    pinName(this, 'GPT2LMHeadModel');
  }

  transformer: GPT2Model;
  lm_head: Linear;

  constructor(config: Readonly<GPT2LayoutConfig>) {
    super();
    this.transformer = new GPT2Model(config);
    this.lm_head = new Linear(config.nEmbd, config.vocabSize, { bias: false });
    if (config.tieWordEmbeddings) this.lm_head.weight = this.transformer.wte.weight;
  }

  tokenEmbedding(): Parameter {
    return this.transformer.wte.weight;
  }

  outputHead(): Parameter {
    return this.lm_head.weight;
  }

  override outputShape(tokens: Shape): Shape {
    return this.lm_head.callShape(this.transformer.callShape(tokens));
  }
}
