import { pinName } from './names.ts';
import { Tensor } from './tensor.ts';

/**
 * A tensor a Module keeps but does not learn, such as BatchNorm's running mean: the twin of a
 * tensor registered with `register_buffer` (`torch.nn.Buffer`). Assigning one to a module's field
 * registers it, so `buffers()` and `stateDict()` find it, while `parameters()` and
 * `countParameters` leave it out, as PyTorch does.
 */
export class Buffer extends Tensor {
  static {
    pinName(this, 'Buffer');
  }
}
