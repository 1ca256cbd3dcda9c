// Loss functions as modules, for code that builds its criterion as PyTorch's `nn` does.
import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { mseLoss } from '../ops/loss.ts';
import type { Tensor } from '../tensor.ts';

/** The mean squared error as a module: the twin of `torch.nn.MSELoss()`. */
export class MSELoss extends Module {
  static {
    pinName(this, 'MSELoss');
  }

  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target);
  }
}
