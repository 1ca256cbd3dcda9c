import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { relu, tanh } from '../ops/activation.ts';
import type { Shape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** A layer that maps each element on its own, so its output has its input's shape. */
export abstract class Elementwise extends Module {
  override outputShape(input: Shape): Shape {
    return input;
  }
}

/** An elementwise layer this library sizes and counts (0 parameters) but does not compute. */
abstract class ShapeOnlyElementwise extends ShapeOnlyModule {
  override outputShape(input: Shape): Shape {
    return input;
  }
}

/** max(0, x) elementwise: the twin of `torch.nn.ReLU`. It has no parameters. */
export class ReLU extends Elementwise {
  static {
    pinName(this, 'ReLU');
  }

  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** min(max(0, x), 6), MobileNetV2's activation: the twin of `torch.nn.ReLU6`. No parameters. */
export class ReLU6 extends ShapeOnlyElementwise {
  static {
    pinName(this, 'ReLU6');
  }

  readonly inplace: boolean;

  constructor(inplace = false) {
    super();
    this.inplace = inplace;
  }

  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

/** The hyperbolic tangent, LeNet-5's activation: the twin of `torch.nn.Tanh`. No parameters. */
export class Tanh extends Elementwise {
  static {
    pinName(this, 'Tanh');
  }

  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** 1 / (1 + e⁻ˣ): the twin of `torch.nn.Sigmoid`. No parameters. */
export class Sigmoid extends ShapeOnlyElementwise {
  static {
    pinName(this, 'Sigmoid');
  }
}

/** x · Φ(x), the activation of GPT-2 and BERT: the twin of `torch.nn.GELU`. No parameters. */
export class GELU extends ShapeOnlyElementwise {
  static {
    pinName(this, 'GELU');
  }

  readonly approximate: 'none' | 'tanh';

  constructor(approximate: 'none' | 'tanh' = 'none') {
    super();
    this.approximate = approximate;
  }

  override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}

/** x · σ(x), the "swish" inside SwiGLU: the twin of `torch.nn.SiLU`. No parameters. */
export class SiLU extends ShapeOnlyElementwise {
  static {
    pinName(this, 'SiLU');
  }
}
