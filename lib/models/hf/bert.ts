import { GELU, Tanh } from '../../layers/activation.ts';
import { ModuleList } from '../../layers/containers.ts';
import { Dropout } from '../../layers/dropout.ts';
import { Embedding } from '../../layers/embedding.ts';
import { Linear } from '../../layers/linear.ts';
import { LayerNorm } from '../../layers/normalization.ts';
import { ShapeOnlyModule } from '../../layers/shape-only.ts';
import { pinName } from '../../names.ts';
import { checkRank, type Shape } from '../../shape.ts';

/** BERT's sizes, in Hugging Face's config.json terms. */
export interface BertLayoutConfig {
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  intermediateSize: number;
  maxPositionEmbeddings: number;
  typeVocabSize: number;
  layerNormEps: number;
}

// BERT's modules are small and many; each mirrors the Hugging Face class of the same name, so the
// parameter names match a BertModel checkpoint (`encoder.layer.0.attention.self.query.weight`).

/** A Linear, a LayerNorm after the residual sum, and dropout: BertSelfOutput and BertOutput. */
class DenseLayerNorm extends ShapeOnlyModule {
  dense: Linear;
  LayerNorm: LayerNorm;
  dropout: Dropout;

  constructor(inFeatures: number, c: Readonly<BertLayoutConfig>) {
    super();
    this.dense = new Linear(inFeatures, c.hiddenSize);
    this.LayerNorm = new LayerNorm(c.hiddenSize, { eps: c.layerNormEps });
    this.dropout = new Dropout(0.1);
  }

  override outputShape(input: Shape): Shape {
    return this.LayerNorm.callShape(this.dropout.callShape(this.dense.callShape(input)));
  }
}

export class BertSelfOutput extends DenseLayerNorm {
  static {
    pinName(this, 'BertSelfOutput');
  }

  constructor(c: Readonly<BertLayoutConfig>) {
    super(c.hiddenSize, c);
  }
}

export class BertOutput extends DenseLayerNorm {
  static {
    pinName(this, 'BertOutput');
  }

  constructor(c: Readonly<BertLayoutConfig>) {
    super(c.intermediateSize, c);
  }
}

/** Word, position and token-type embeddings, summed and normalised. */
export class BertEmbeddings extends ShapeOnlyModule {
  static {
    pinName(this, 'BertEmbeddings');
  }

  word_embeddings: Embedding;
  position_embeddings: Embedding;
  token_type_embeddings: Embedding;
  LayerNorm: LayerNorm;
  dropout: Dropout;

  constructor(c: Readonly<BertLayoutConfig>) {
    super();
    this.word_embeddings = new Embedding(c.vocabSize, c.hiddenSize);
    this.position_embeddings = new Embedding(c.maxPositionEmbeddings, c.hiddenSize);
    this.token_type_embeddings = new Embedding(c.typeVocabSize, c.hiddenSize);
    this.LayerNorm = new LayerNorm(c.hiddenSize, { eps: c.layerNormEps });
    this.dropout = new Dropout(0.1);
  }

  override outputShape(tokens: Shape): Shape {
    const x = this.word_embeddings.callShape(tokens);
    this.position_embeddings.callShape(tokens);
    this.token_type_embeddings.callShape(tokens);
    return this.dropout.callShape(this.LayerNorm.callShape(x));
  }
}

/** Queries, keys and values, each a full-width Linear with a bias. */
export class BertSelfAttention extends ShapeOnlyModule {
  static {
    pinName(this, 'BertSelfAttention');
  }

  query: Linear;
  key: Linear;
  value: Linear;
  dropout: Dropout;

  constructor({ hiddenSize }: Readonly<BertLayoutConfig>) {
    super();
    this.query = new Linear(hiddenSize, hiddenSize);
    this.key = new Linear(hiddenSize, hiddenSize);
    this.value = new Linear(hiddenSize, hiddenSize);
    this.dropout = new Dropout(0.1);
  }

  override outputShape(input: Shape): Shape {
    this.query.callShape(input);
    this.key.callShape(input);
    return this.value.callShape(input);
  }
}

export class BertAttention extends ShapeOnlyModule {
  static {
    pinName(this, 'BertAttention');
  }

  self: BertSelfAttention;
  output: BertSelfOutput;

  constructor(c: Readonly<BertLayoutConfig>) {
    super();
    this.self = new BertSelfAttention(c);
    this.output = new BertSelfOutput(c);
  }

  override outputShape(input: Shape): Shape {
    return this.output.callShape(this.self.callShape(input));
  }
}

export class BertIntermediate extends ShapeOnlyModule {
  static {
    pinName(this, 'BertIntermediate');
  }

  dense: Linear;
  intermediate_act_fn: GELU;

  constructor(c: Readonly<BertLayoutConfig>) {
    super();
    this.dense = new Linear(c.hiddenSize, c.intermediateSize);
    this.intermediate_act_fn = new GELU();
  }

  override outputShape(input: Shape): Shape {
    return this.intermediate_act_fn.callShape(this.dense.callShape(input));
  }
}

export class BertLayer extends ShapeOnlyModule {
  static {
    pinName(this, 'BertLayer');
  }

  attention: BertAttention;
  intermediate: BertIntermediate;
  output: BertOutput;

  constructor(c: Readonly<BertLayoutConfig>) {
    super();
    this.attention = new BertAttention(c);
    this.intermediate = new BertIntermediate(c);
    this.output = new BertOutput(c);
  }

  override outputShape(input: Shape): Shape {
    return this.output.callShape(this.intermediate.callShape(this.attention.callShape(input)));
  }
}

export class BertEncoder extends ShapeOnlyModule {
  static {
    pinName(this, 'BertEncoder');
  }

  layer: ModuleList;

  constructor(c: Readonly<BertLayoutConfig>) {
    super();
    this.layer = new ModuleList(Array.from({ length: c.numLayers }, () => new BertLayer(c)));
  }

  override outputShape(input: Shape): Shape {
    let x = input;
    for (const layer of this.layer) x = layer.callShape(x);
    return x;
  }
}

/** A Linear and tanh on the first token's vector: the sentence vector for classification heads. */
export class BertPooler extends ShapeOnlyModule {
  static {
    pinName(this, 'BertPooler');
  }

  dense: Linear;
  activation: Tanh;

  constructor({ hiddenSize }: Readonly<BertLayoutConfig>) {
    super();
    this.dense = new Linear(hiddenSize, hiddenSize);
    this.activation = new Tanh();
  }

  override outputShape(input: Shape): Shape {
    return this.activation.callShape(this.dense.callShape([input[0]!, input[2]!]));
  }
}

/**
 * BERT's encoder with its pooler: Hugging Face's `BertModel`, the model `AutoModel` loads and the
 * one whose count is quoted (BERT-base: 110M). Pretraining heads (`BertForMaskedLM`'s `cls.…`) are
 * not part of it. Token ids `[B, T]` in, hidden states `[B, T, hiddenSize]` out.
 */
export class BertModel extends ShapeOnlyModule {
  static {
    pinName(this, 'BertModel');
  }

  embeddings: BertEmbeddings;
  encoder: BertEncoder;
  pooler: BertPooler;

  constructor(config: Readonly<BertLayoutConfig>) {
    super();
    this.embeddings = new BertEmbeddings(config);
    this.encoder = new BertEncoder(config);
    this.pooler = new BertPooler(config);
  }

  override outputShape(tokens: Shape): Shape {
    checkRank(tokens, [2], 'BertModel');
    const hidden = this.encoder.callShape(this.embeddings.callShape(tokens));
    this.pooler.callShape(hidden);
    return hidden;
  }
}
