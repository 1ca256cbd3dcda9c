import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { Tensor } from '../tensor.ts';

/** max(0, x) elementwise: the twin of `torch.nn.ReLU`. It has no parameters. */
export class ReLU extends Module {
  static {
    pinName(this, 'ReLU');
  }

  forward(x: Tensor): Tensor {
    // Math.max keeps NaN as NaN, as torch.relu does.
    return new Tensor(x.shape, x.data.map((v) => Math.max(0, v)));
  }
}
