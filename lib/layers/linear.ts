import { uniform } from '../init.ts';
import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkSize, formatShape } from '../shape.ts';
import { Tensor } from '../tensor.ts';

/**
 * A fully connected layer, y = x Wᵀ + b: the twin of `torch.nn.Linear`. It has
 * `inFeatures × outFeatures` weights plus `outFeatures` biases.
 */
export class Linear extends Module {
  static {
    pinName(this, 'Linear');
  }

  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Shape `[outFeatures, inFeatures]`: row `o` holds the weights of output neuron `o`. */
  weight: Parameter;
  /** Shape `[outFeatures]`, or `null` for `{ bias: false }`. */
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, { bias = true }: { bias?: boolean } = {}) {
    super();
    checkSize(inFeatures, 'Linear: inFeatures');
    checkSize(outFeatures, 'Linear: outFeatures');
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    // PyTorch's default: kaiming_uniform_(a=√5) for the weight, which works out to the same
    // ±1/√inFeatures bound as the bias.
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = new Parameter([outFeatures, inFeatures], uniform(-bound, bound));
    this.bias = bias ? new Parameter([outFeatures], uniform(-bound, bound)) : null;
  }

  /** `x` has shape `[..., inFeatures]` (one sample or a batch); the result `[..., outFeatures]`. */
  forward(x: Tensor): Tensor {
    const n = this.inFeatures;
    const m = this.outFeatures;
    if (x.shape.length === 0 || x.shape[x.shape.length - 1] !== n) {
      throw new RangeError(
        `Linear: input of shape ${formatShape(x.shape)} cannot be multiplied by the transposed ` +
          `weight of shape ${formatShape(this.weight.shape)} (its last dimension must be inFeatures=${n})`,
      );
    }
    const rows = x.numel() / n;
    const input = x.data;
    const weight = this.weight.data;
    const bias = this.bias?.data;
    const out = new Float64Array(rows * m);
    for (let r = 0; r < rows; r++) {
      const xOffset = r * n;
      for (let o = 0; o < m; o++) {
        const wOffset = o * n;
        let sum = 0;
        for (let i = 0; i < n; i++) sum += input[xOffset + i]! * weight[wOffset + i]!;
        // Bias last, as PyTorch's addmm adds it to the finished product.
        out[r * m + o] = bias ? sum + bias[o]! : sum;
      }
    }
    return new Tensor([...x.shape.slice(0, -1), m], out);
  }

  override extraRepr(): string {
    const bias = this.bias ? 'True' : 'False';
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${bias}`;
  }
}
