import type { Initializer } from './init.ts';
import { pinName } from './names.ts';
import { defaultGenerator } from './random.ts';
import { shapeNumel } from './shape.ts';
import { Tensor } from './tensor.ts';

/**
 * A tensor that a Module learns: the twin of `torch.nn.Parameter`. Assigning one to a module's
 * field registers it, so `parameters()` and `countParameters` find it.
 */
export class Parameter extends Tensor {
  static {
    pinName(this, 'Parameter');
  }

  // Types only: without it a Tensor would have every member a Parameter has, so a plain tensor
  // assigned to a parameter field would type-check (and be refused at run time by Module).
  declare private readonly parameterBrand: true;

  /** Whether training updates it; `requiresGrad_(false)` on a module freezes its parameters. */
  requiresGrad = true;

  /** Wraps a tensor's values (shared, as PyTorch shares storage). */
  constructor(data: Tensor);
  /** A new parameter of this shape, filled by `init` (zeros if omitted). */
  constructor(shape: readonly number[], init?: Initializer);
  constructor(source: Tensor | readonly number[], init?: Initializer) {
    if (source instanceof Tensor) {
      super(source.shape, () => source.data);
    } else if (init) {
      // Fork now, fill later: the values depend on the seed and construction order only, yet a
      // parameter that is only counted is never allocated.
      const random = defaultGenerator.fork();
      super(source, () => {
        const data = new Float64Array(shapeNumel(source));
        for (let i = 0; i < data.length; i++) data[i] = init(random);
        return data;
      });
    } else {
      super(source);
    }
  }
}
