import { GELU } from '../layers/activation.ts';
import { ModuleDict, ModuleList } from '../layers/containers.ts';
import { Dropout } from '../layers/dropout.ts';
import { Embedding } from '../layers/embedding.ts';
import { FusedSelfAttention } from '../layers/fused-attention.ts';
import { Linear } from '../layers/linear.ts';
import { LayerNorm } from '../layers/normalization.ts';
import { ShapeOnlyModule } from '../layers/shape-only.ts';
import { pinName } from '../names.ts';
import { checkRank, formatShape, type Shape } from '../shape.ts';

export interface GPT2Config {
  vocabSize: number;
  /** The longest context: one learned position vector each. */
  blockSize: number;
  nLayer: number;
  nHead: number;
  nEmbd: number;
  dropout: number;
}

/** GPT-2 small, the 124M model: 12 layers of width 768 with 12 heads. */
export const GPT2_SMALL: Readonly<GPT2Config> = {
  vocabSize: 50257,
  blockSize: 1024,
  nLayer: 12,
  nHead: 12,
  nEmbd: 768,
  dropout: 0.1,
};

/** GPT-2's attention as nanoGPT writes it: `c_attn` and `c_proj` are Linears. */
export class CausalSelfAttention extends FusedSelfAttention<Linear> {
  static {
    pinName(this, 'CausalSelfAttention');
  }

  constructor({ nEmbd, nHead, dropout }: Readonly<GPT2Config>) {
    super(nEmbd, nHead, dropout, (inFeatures, outFeatures) => new Linear(inFeatures, outFeatures));
  }
}

/** The feed-forward half of a block: E → 4E → E with GELU between. */
export class MLP extends ShapeOnlyModule {
  static {
    pinName(this, 'MLP');
  }

  c_fc: Linear;
  gelu: GELU;
  c_proj: Linear;
  dropout: Dropout;

  constructor({ nEmbd, dropout }: Readonly<GPT2Config>) {
    super();
    this.c_fc = new Linear(nEmbd, 4 * nEmbd);
    this.gelu = new GELU();
    this.c_proj = new Linear(4 * nEmbd, nEmbd);
    this.dropout = new Dropout(dropout);
  }

  override outputShape(input: Shape): Shape {
    return this.dropout.callShape(this.c_proj.callShape(this.gelu.callShape(this.c_fc.callShape(input))));
  }
}

/** One GPT-2 layer: LayerNorm, attention, LayerNorm, MLP, each half with a residual connection. */
export class Block extends ShapeOnlyModule {
  static {
    pinName(this, 'Block');
  }

  ln_1: LayerNorm;
  attn: CausalSelfAttention;
  ln_2: LayerNorm;
  mlp: MLP;

  constructor(config: Readonly<GPT2Config>) {
    super();
    this.ln_1 = new LayerNorm(config.nEmbd);
    this.attn = new CausalSelfAttention(config);
    this.ln_2 = new LayerNorm(config.nEmbd);
    this.mlp = new MLP(config);
  }

  override outputShape(input: Shape): Shape {
    this.attn.callShape(this.ln_1.callShape(input));
    return this.mlp.callShape(this.ln_2.callShape(input));
  }
}

/**
 * GPT-2 (Radford et al., 2019), laid out as nanoGPT lays it out: token and position embeddings,
 * `nLayer` blocks, a final LayerNorm and an output head `lm_head` whose weight IS the token
 * embedding's (weight tying). `new GPT2()` is GPT-2 small: 124,439,808 parameters, not the
 * 163,037,184 you get by counting the tied matrix twice. Takes token ids `[B, T]`.
 */
export class GPT2 extends ShapeOnlyModule {
  static {
    pinName(this, 'GPT2');
  }

  readonly config: Readonly<GPT2Config>;
  transformer: ModuleDict<{
    wte: Embedding;
    wpe: Embedding;
    drop: Dropout;
    h: ModuleList;
    ln_f: LayerNorm;
  }>;
  lm_head: Linear;

  constructor(config: Readonly<GPT2Config> = GPT2_SMALL) {
    super();
    this.config = config;
    const wte = new Embedding(config.vocabSize, config.nEmbd);
    this.transformer = new ModuleDict({
      wte,
      wpe: new Embedding(config.blockSize, config.nEmbd),
      drop: new Dropout(config.dropout),
      h: new ModuleList(Array.from({ length: config.nLayer }, () => new Block(config))),
      ln_f: new LayerNorm(config.nEmbd),
    });
    this.lm_head = new Linear(config.nEmbd, config.vocabSize, { bias: false });
    wte.weight = this.lm_head.weight;
  }

  override outputShape(tokens: Shape): Shape {
    checkRank(tokens, [2], 'GPT2');
    if (tokens[1]! > this.config.blockSize) {
      throw new RangeError(`GPT2: ${formatShape(tokens)} is longer than the block size ${this.config.blockSize}`);
    }
    const t = this.transformer;
    const tokenVectors = t.get('wte').callShape(tokens);
    t.get('wpe').callShape([tokens[1]!]);
    let x = t.get('drop').callShape(tokenVectors);
    for (const block of t.get('h')) x = block.callShape(x);
    return this.lm_head.callShape(t.get('ln_f').callShape(x));
  }
}
