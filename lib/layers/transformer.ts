import { pinName } from '../names.ts';
import { checkSize, type Shape } from '../shape.ts';
import { Dropout } from './dropout.ts';
import { MultiheadAttention } from './attention.ts';
import { ModuleList } from './containers.ts';
import { Linear } from './linear.ts';
import { LayerNorm } from './normalization.ts';
import { ShapeOnlyModule } from './shape-only.ts';

export interface TransformerEncoderLayerOptions {
  dimFeedforward?: number;
  dropout?: number;
  /** A function in PyTorch, so not a registered module: it adds no row and no parameters. */
  activation?: 'relu' | 'gelu';
  layerNormEps?: number;
  batchFirst?: boolean;
  normFirst?: boolean;
}

/**
 * One block of the Transformer encoder: the twin of `torch.nn.TransformerEncoderLayer`. Self-
 * attention (4d² + 4d), a feed-forward network of two Linears (d·f + f + f·d + d) and two
 * LayerNorms (2 · 2d), with dropouts that have no parameters.
 */
export class TransformerEncoderLayer extends ShapeOnlyModule {
  static {
    pinName(this, 'TransformerEncoderLayer');
  }

  readonly dModel: number;
  readonly nhead: number;
  readonly options: Readonly<Required<TransformerEncoderLayerOptions>>;
  self_attn: MultiheadAttention;
  linear1: Linear;
  dropout: Dropout;
  linear2: Linear;
  norm1: LayerNorm;
  norm2: LayerNorm;
  dropout1: Dropout;
  dropout2: Dropout;

  constructor(
    dModel: number,
    nhead: number,
    {
      dimFeedforward = 2048,
      dropout = 0.1,
      activation = 'relu',
      layerNormEps = 1e-5,
      batchFirst = false,
      normFirst = false,
    }: TransformerEncoderLayerOptions = {},
  ) {
    super();
    checkSize(dimFeedforward, 'TransformerEncoderLayer: dimFeedforward');
    this.dModel = dModel;
    this.nhead = nhead;
    this.options = { dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst };
    this.self_attn = new MultiheadAttention(dModel, nhead, { batchFirst });
    this.linear1 = new Linear(dModel, dimFeedforward);
    this.dropout = new Dropout(dropout);
    this.linear2 = new Linear(dimFeedforward, dModel);
    this.norm1 = new LayerNorm(dModel, { eps: layerNormEps });
    this.norm2 = new LayerNorm(dModel, { eps: layerNormEps });
    this.dropout1 = new Dropout(dropout);
    this.dropout2 = new Dropout(dropout);
  }


  /** Calls the sublayers in PyTorch's order, which depends on `normFirst`; the shape is unchanged. */
  override outputShape(input: Shape): Shape {
    const attention = (x: Shape) => this.dropout1.callShape(this.self_attn.callShape(x));
    const feedForward = (x: Shape) =>
      this.dropout2.callShape(this.linear2.callShape(this.dropout.callShape(this.linear1.callShape(x))));
    if (this.options.normFirst) {
      return feedForward(this.norm2.callShape(attention(this.norm1.callShape(input))));
    }
    return this.norm2.callShape(feedForward(this.norm1.callShape(attention(input))));
  }

  /** A fresh layer with the same settings (PyTorch deep-copies; the count is the same). */
  clone(): TransformerEncoderLayer {
    return new TransformerEncoderLayer(this.dModel, this.nhead, this.options);
  }
}

/**
 * A stack of `numLayers` encoder layers built like `encoderLayer`, with an optional final norm: the
 * twin of `torch.nn.TransformerEncoder`. Its count is numLayers times the layer's (plus the norm).
 */
export class TransformerEncoder extends ShapeOnlyModule {
  static {
    pinName(this, 'TransformerEncoder');
  }

  layers: ModuleList;
  readonly numLayers: number;
  norm: LayerNorm | null;

  constructor(encoderLayer: TransformerEncoderLayer, numLayers: number, { norm = null }: { norm?: LayerNorm | null } = {}) {
    super();
    checkSize(numLayers, 'TransformerEncoder: numLayers');
    this.numLayers = numLayers;
    this.layers = new ModuleList(Array.from({ length: numLayers }, () => encoderLayer.clone()));
    this.norm = norm;
  }


  override outputShape(input: Shape): Shape {
    let shape = input;
    for (const layer of this.layers) shape = layer.callShape(shape);
    return this.norm ? this.norm.callShape(shape) : shape;
  }
}
