import { Tanh } from '../layers/activation.ts';
import { Conv2d } from '../layers/conv.ts';
import { Flatten } from '../layers/flatten.ts';
import { Linear } from '../layers/linear.ts';
import { AvgPool2d } from '../layers/pooling.ts';
import { Sequential } from '../layers/sequential.ts';
import { ShapeOnlyModule } from '../layers/shape-only.ts';
import { pinName } from '../names.ts';
import type { Shape } from '../shape.ts';

/**
 * LeNet-5 (LeCun et al., 1998) for 32×32 grey images, in today's usual form: full connections
 * between the feature maps, average pooling without weights, tanh, and a 10-way Linear output.
 *
 * conv 1→6 (5×5): 6·1·25 + 6 = 156 · conv 6→16 (5×5): 16·6·25 + 16 = 2,416 ·
 * Linear 400→120: 48,120 · Linear 120→84: 10,164 · Linear 84→10: 850 · total 61,706.
 */
export class LeNet5 extends ShapeOnlyModule {
  static {
    pinName(this, 'LeNet5');
  }

  features: Sequential;
  classifier: Sequential;

  constructor(numClasses = 10) {
    super();
    this.features = new Sequential(
      new Conv2d(1, 6, 5),
      new Tanh(),
      new AvgPool2d(2),
      new Conv2d(6, 16, 5),
      new Tanh(),
      new AvgPool2d(2),
    );
    this.classifier = new Sequential(
      new Flatten(),
      new Linear(16 * 5 * 5, 120),
      new Tanh(),
      new Linear(120, 84),
      new Tanh(),
      new Linear(84, numClasses),
    );
  }


  override outputShape(input: Shape): Shape {
    return this.classifier.callShape(this.features.callShape(input));
  }
}
