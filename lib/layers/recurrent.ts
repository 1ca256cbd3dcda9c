import { uniform } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { pyBool, pyFloat } from '../repr.ts';
import { checkDim, checkRank, checkSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

export interface RNNOptions {
  numLayers?: number;
  bias?: boolean;
  batchFirst?: boolean;
  dropout?: number;
  bidirectional?: boolean;
}

/**
 * What RNN, LSTM and GRU share (PyTorch's `RNNBase`). For each layer and direction there are
 * `gates` blocks of hiddenSize rows: `weight_ih_l{k}` `[gates·H, in]`, `weight_hh_l{k}` `[gates·H, H]`,
 * and TWO biases, `bias_ih_l{k}` and `bias_hh_l{k}` `[gates·H]` each, as cuDNN wants them (one would
 * do mathematically). The second direction adds the suffix `_reverse`; layers after the first
 * take the previous layer's output, H per direction, as their input.
 */
abstract class RNNBase extends ShapeOnlyModule {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly bias: boolean;
  readonly batchFirst: boolean;
  readonly dropout: number;
  readonly bidirectional: boolean;
  readonly projSize: number;

  constructor(
    gates: number,
    inputSize: number,
    hiddenSize: number,
    { numLayers = 1, bias = true, batchFirst = false, dropout = 0, bidirectional = false, projSize = 0 }: RNNOptions & {
      projSize?: number;
    },
  ) {
    super();
    const name = this.constructor.name;
    checkSize(inputSize, `${name}: inputSize`);
    checkSize(hiddenSize, `${name}: hiddenSize`);
    checkSize(numLayers, `${name}: numLayers`);
    checkSize(projSize, `${name}: projSize`, 0);
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.bias = bias;
    this.batchFirst = batchFirst;
    this.dropout = dropout;
    this.bidirectional = bidirectional;
    this.projSize = projSize;
    const init = uniform(-1 / Math.sqrt(hiddenSize), 1 / Math.sqrt(hiddenSize));
    const outSize = projSize || hiddenSize;
    const directions = bidirectional ? 2 : 1;
    for (let layer = 0; layer < numLayers; layer++) {
      const layerInput = layer === 0 ? inputSize : outSize * directions;
      for (let direction = 0; direction < directions; direction++) {
        const suffix = `_l${layer}${direction === 1 ? '_reverse' : ''}`;
        this.register(`weight_ih${suffix}`, new Parameter([gates * hiddenSize, layerInput], init));
        this.register(`weight_hh${suffix}`, new Parameter([gates * hiddenSize, outSize], init));
        if (bias) {
          this.register(`bias_ih${suffix}`, new Parameter([gates * hiddenSize], init));
          this.register(`bias_hh${suffix}`, new Parameter([gates * hiddenSize], init));
        }
        if (projSize) this.register(`weight_hr${suffix}`, new Parameter([projSize, hiddenSize], init));
      }
    }
  }


  /** The output sequence: `[L, N, D·H]` for `[L, N, inputSize]` (batchFirst swaps L and N). */
  override outputShape(input: Shape): Shape {
    checkRank(input, [2, 3], this.constructor.name);
    checkDim(input, -1, this.inputSize, this.constructor.name);
    return [...input.slice(0, -1), (this.bidirectional ? 2 : 1) * (this.projSize || this.hiddenSize)];
  }

  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.projSize !== 0) s += `, proj_size=${this.projSize}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (!this.bias) s += ', bias=False';
    if (this.batchFirst) s += ', batch_first=True';
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional) s += `, bidirectional=${pyBool(true)}`;
    return s;
  }
}

/** The plain (Elman) recurrent layer, one gate: the twin of `torch.nn.RNN`. */
export class RNN extends RNNBase {
  static {
    pinName(this, 'RNN');
  }

  readonly nonlinearity: 'tanh' | 'relu';

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions & { nonlinearity?: 'tanh' | 'relu' } = {}) {
    super(1, inputSize, hiddenSize, options);
    this.nonlinearity = options.nonlinearity ?? 'tanh';
  }
}

/**
 * Long short-term memory, four gates (input, forget, cell, output): the twin of `torch.nn.LSTM`.
 * `projSize` adds a `[projSize, H]` projection of the hidden state per layer and direction.
 */
export class LSTM extends RNNBase {
  static {
    pinName(this, 'LSTM');
  }

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions & { projSize?: number } = {}) {
    super(4, inputSize, hiddenSize, options);
  }
}

/** The gated recurrent unit, three gates (reset, update, new): the twin of `torch.nn.GRU`. */
export class GRU extends RNNBase {
  static {
    pinName(this, 'GRU');
  }

  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    super(3, inputSize, hiddenSize, options);
  }
}
