import { ReLU } from '../layers/activation.ts';
import { Conv2d } from '../layers/conv.ts';
import { Dropout } from '../layers/dropout.ts';
import { Linear } from '../layers/linear.ts';
import { AdaptiveAvgPool2d, MaxPool2d } from '../layers/pooling.ts';
import { Sequential } from '../layers/sequential.ts';
import type { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { PooledClassifier } from './pooled-classifier.ts';

/** VGG-16's convolution widths, 'M' for a 2×2 max-pool (configuration "D" of the paper). */
const VGG16 = [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'] as const;

/**
 * VGG as torchvision builds it: 3×3 convolutions with padding 1, max-pools, a 7×7 grid and three
 * Linears. `new VGG()` is VGG-16: 138,357,544 parameters, 102,764,544 of them in the first Linear.
 */
export class VGG extends PooledClassifier {
  static {
    pinName(this, 'VGG');
  }

  constructor(config: readonly (number | 'M')[] = VGG16, numClasses = 1000, dropout = 0.5) {
    const layers: Module[] = [];
    let channels = 3;
    for (const width of config) {
      if (width === 'M') {
        layers.push(new MaxPool2d(2, { stride: 2 }));
      } else {
        layers.push(new Conv2d(channels, width, 3, { padding: 1 }), new ReLU());
        channels = width;
      }
    }
    super(
      new Sequential(...layers),
      new AdaptiveAvgPool2d([7, 7]),
      new Sequential(
        new Linear(512 * 7 * 7, 4096),
        new ReLU(),
        new Dropout(dropout),
        new Linear(4096, 4096),
        new ReLU(),
        new Dropout(dropout),
        new Linear(4096, numClasses),
      ),
    );
  }
}
