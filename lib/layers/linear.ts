import type { AdaptsWithLoRA, LoraMatrix } from '../capabilities.ts';
import { fanInUniform } from '../init.ts';
import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { linear } from '../ops/linear.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';

/**
 * A fully connected layer, y = x Wᵀ + b: the twin of `torch.nn.Linear`. It has
 * `inFeatures × outFeatures` weights plus `outFeatures` biases.
 */
export class Linear extends Module implements AdaptsWithLoRA {
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
    this.weight = new Parameter([outFeatures, inFeatures], fanInUniform(inFeatures));
    this.bias = bias ? new Parameter([outFeatures], fanInUniform(inFeatures)) : null;
  }

  /** `x` has shape `[..., inFeatures]` (one sample or a batch); the result `[..., outFeatures]`. */
  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.inFeatures, 'Linear');
    return [...input.slice(0, -1), this.outFeatures];
  }

  loraMatrices(): LoraMatrix[] {
    return [{ name: '', inFeatures: this.inFeatures, outFeatures: this.outFeatures }];
  }

  override extraRepr(): string {
    const bias = this.bias ? 'True' : 'False';
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${bias}`;
  }
}
