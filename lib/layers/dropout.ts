import { pinName } from '../names.ts';
import { pyBool, pyFloat } from '../repr.ts';
import { dropout } from '../ops/dropout.ts';
import type { Tensor } from '../tensor.ts';
import { Elementwise } from './activation.ts';

/**
 * Zeroes each element with probability `p` while training (and scales the others by
 * 1 / (1 − p)); after `eval()` it passes its input through: the twin of `torch.nn.Dropout`. It
 * has no parameters; `p` is a setting, not something learned.
 */
export class Dropout extends Elementwise {
  static {
    pinName(this, 'Dropout');
  }

  readonly p: number;
  readonly inplace: boolean;

  constructor(p = 0.5, inplace = false) {
    super();
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Dropout: p must be between 0 and 1, got ${p}`);
    this.p = p;
    this.inplace = inplace;
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training);
  }

  override extraRepr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}
