import { constant } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { pyFloat, pyTuple } from '../repr.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * Root-mean-square normalisation (Zhang & Sennrich, 2019), Llama's LayerNorm: x / rms(x) · weight.
 * It learns a scale per feature and no shift, so `hiddenSize` parameters where LayerNorm has twice
 * as many. The twin of Hugging Face's `LlamaRMSNorm` (and of `torch.nn.RMSNorm`).
 */
export class RMSNorm extends ShapeOnlyModule {
  static {
    pinName(this, 'RMSNorm');
  }

  readonly hiddenSize: number;
  readonly eps: number;
  /** Shape `[hiddenSize]`, starting at ones. */
  weight: Parameter;

  constructor(hiddenSize: number, { eps = 1e-6 }: { eps?: number } = {}) {
    super();
    checkSize(hiddenSize, 'RMSNorm: hiddenSize');
    this.hiddenSize = hiddenSize;
    this.eps = eps;
    this.weight = new Parameter([hiddenSize], constant(1));
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'RMSNorm');
    return input;
  }

  override extraRepr(): string {
    return `${pyTuple([this.hiddenSize])}, eps=${pyFloat(this.eps)}`;
  }
}
