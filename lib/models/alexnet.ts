import { ReLU } from '../layers/activation.ts';
import { Conv2d } from '../layers/conv.ts';
import { Dropout } from '../layers/dropout.ts';
import { Linear } from '../layers/linear.ts';
import { AdaptiveAvgPool2d, MaxPool2d } from '../layers/pooling.ts';
import { Sequential } from '../layers/sequential.ts';
import { pinName } from '../names.ts';
import { PooledClassifier } from './pooled-classifier.ts';

/**
 * AlexNet as torchvision builds it (`torchvision.models.alexnet()`): five convolutions, then
 * three Linears that hold 94% of its 61,100,840 parameters (the first alone: 9,216 · 4,096 + 4,096).
 */
export class AlexNet extends PooledClassifier {
  static {
    pinName(this, 'AlexNet');
  }

  constructor(numClasses = 1000, dropout = 0.5) {
    super(
      new Sequential(
        new Conv2d(3, 64, 11, { stride: 4, padding: 2 }),
        new ReLU(),
        new MaxPool2d(3, { stride: 2 }),
        new Conv2d(64, 192, 5, { padding: 2 }),
        new ReLU(),
        new MaxPool2d(3, { stride: 2 }),
        new Conv2d(192, 384, 3, { padding: 1 }),
        new ReLU(),
        new Conv2d(384, 256, 3, { padding: 1 }),
        new ReLU(),
        new Conv2d(256, 256, 3, { padding: 1 }),
        new ReLU(),
        new MaxPool2d(3, { stride: 2 }),
      ),
      new AdaptiveAvgPool2d([6, 6]),
      new Sequential(
        new Dropout(dropout),
        new Linear(256 * 6 * 6, 4096),
        new ReLU(),
        new Dropout(dropout),
        new Linear(4096, 4096),
        new ReLU(),
        new Linear(4096, numClasses),
      ),
    );
  }
}
