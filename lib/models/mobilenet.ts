import { ReLU6 } from '../layers/activation.ts';
import { Conv2d } from '../layers/conv.ts';
import { Dropout } from '../layers/dropout.ts';
import { Linear } from '../layers/linear.ts';
import { BatchNorm2d } from '../layers/normalization.ts';
import { Sequential } from '../layers/sequential.ts';
import { ShapeOnlyModule } from '../layers/shape-only.ts';
import type { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { checkRank, type Shape } from '../shape.ts';

/**
 * Convolution (no bias: the BatchNorm after it has one), BatchNorm and ReLU6 in a Sequential:
 * torchvision's `Conv2dNormActivation`, with "same" padding for odd kernels.
 */
export class Conv2dNormActivation extends Sequential {
  static {
    pinName(this, 'Conv2dNormActivation');
  }

  constructor(inChannels: number, outChannels: number, kernelSize = 3, { stride = 1, groups = 1 } = {}) {
    super(
      new Conv2d(inChannels, outChannels, kernelSize, {
        stride,
        padding: (kernelSize - 1) / 2,
        groups,
        bias: false,
      }),
      new BatchNorm2d(outChannels),
      new ReLU6(true),
    );
  }
}

/**
 * MobileNetV2's block: a 1×1 expansion to `expandRatio` times the width, a depthwise 3×3 (groups =
 * channels, so 9 weights per channel instead of 9 · channels) and a 1×1 projection without ReLU.
 */
export class InvertedResidual extends ShapeOnlyModule {
  static {
    pinName(this, 'InvertedResidual');
  }

  conv: Sequential;

  constructor(inChannels: number, outChannels: number, stride: number, expandRatio: number) {
    super();
    const hidden = Math.round(inChannels * expandRatio);
    this.conv = new Sequential(
      ...(expandRatio === 1 ? [] : [new Conv2dNormActivation(inChannels, hidden, 1)]),
      new Conv2dNormActivation(hidden, hidden, 3, { stride, groups: hidden }),
      new Conv2d(hidden, outChannels, 1, { bias: false }),
      new BatchNorm2d(outChannels),
    );
  }


  override outputShape(input: Shape): Shape {
    return this.conv.callShape(input);
  }
}

// [expand ratio t, channels c, repeats n, first stride s], as in the paper's Table 2.
const SETTINGS = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
] as const;

/** MobileNetV2 as torchvision builds it (width 1.0): 3,504,872 parameters. */
export class MobileNetV2 extends ShapeOnlyModule {
  static {
    pinName(this, 'MobileNetV2');
  }

  features: Sequential;
  classifier: Sequential;

  constructor(numClasses = 1000, dropout = 0.2) {
    super();
    const blocks: Module[] = [new Conv2dNormActivation(3, 32, 3, { stride: 2 })];
    let channels = 32;
    for (const [t, c, n, s] of SETTINGS) {
      for (let i = 0; i < n; i++) {
        blocks.push(new InvertedResidual(channels, c, i === 0 ? s : 1, t));
        channels = c;
      }
    }
    blocks.push(new Conv2dNormActivation(channels, 1280, 1));
    this.features = new Sequential(...blocks);
    this.classifier = new Sequential(new Dropout(dropout), new Linear(1280, numClasses));
  }


  override outputShape(input: Shape): Shape {
    const features = this.features.callShape(input);
    checkRank(features, [4], 'MobileNetV2');
    // adaptive_avg_pool2d to 1×1 and torch.flatten, both functions in torchvision's forward.
    return this.classifier.callShape(features.slice(0, 2));
  }
}
