import { ReLU } from '../layers/activation.ts';
import { Conv2d } from '../layers/conv.ts';
import { flattenShape } from '../layers/flatten.ts';
import { Linear } from '../layers/linear.ts';
import { BatchNorm2d } from '../layers/normalization.ts';
import { AdaptiveAvgPool2d, MaxPool2d } from '../layers/pooling.ts';
import { Sequential } from '../layers/sequential.ts';
import { ShapeOnlyModule } from '../layers/shape-only.ts';
import { pinName } from '../names.ts';
import type { Shape } from '../shape.ts';

// torchvision's helpers: convolutions inside a ResNet have no bias, since a BatchNorm follows.
const conv3x3 = (inPlanes: number, outPlanes: number, stride = 1) =>
  new Conv2d(inPlanes, outPlanes, 3, { stride, padding: 1, bias: false });
const conv1x1 = (inPlanes: number, outPlanes: number, stride = 1) =>
  new Conv2d(inPlanes, outPlanes, 1, { stride, bias: false });

/** The shortcut that reshapes the input when a block changes width or stride, or null. */
function shortcut(inPlanes: number, outPlanes: number, stride: number): Sequential | null {
  if (stride === 1 && inPlanes === outPlanes) return null;
  return new Sequential(conv1x1(inPlanes, outPlanes, stride), new BatchNorm2d(outPlanes));
}

/** Two 3×3 convolutions and a shortcut: the block of ResNet-18 and -34. */
export class BasicBlock extends ShapeOnlyModule {
  static {
    pinName(this, 'BasicBlock');
  }

  static readonly expansion = 1;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  relu: ReLU;
  conv2: Conv2d;
  bn2: BatchNorm2d;
  downsample: Sequential | null;

  constructor(inPlanes: number, planes: number, stride = 1) {
    super();
    this.conv1 = conv3x3(inPlanes, planes, stride);
    this.bn1 = new BatchNorm2d(planes);
    this.relu = new ReLU();
    this.conv2 = conv3x3(planes, planes);
    this.bn2 = new BatchNorm2d(planes);
    this.downsample = shortcut(inPlanes, planes, stride);
  }


  override outputShape(input: Shape): Shape {
    const out = this.relu.callShape(this.bn1.callShape(this.conv1.callShape(input)));
    const residual = this.bn2.callShape(this.conv2.callShape(out));
    this.downsample?.callShape(input);
    return this.relu.callShape(residual);
  }
}

/** 1×1 down, 3×3, 1×1 up to 4× the width, and a shortcut: the block of ResNet-50 and deeper. */
export class Bottleneck extends ShapeOnlyModule {
  static {
    pinName(this, 'Bottleneck');
  }

  static readonly expansion = 4;
  conv1: Conv2d;
  bn1: BatchNorm2d;
  conv2: Conv2d;
  bn2: BatchNorm2d;
  conv3: Conv2d;
  bn3: BatchNorm2d;
  relu: ReLU;
  downsample: Sequential | null;

  constructor(inPlanes: number, planes: number, stride = 1) {
    super();
    this.conv1 = conv1x1(inPlanes, planes);
    this.bn1 = new BatchNorm2d(planes);
    this.conv2 = conv3x3(planes, planes, stride);
    this.bn2 = new BatchNorm2d(planes);
    this.conv3 = conv1x1(planes, planes * Bottleneck.expansion);
    this.bn3 = new BatchNorm2d(planes * Bottleneck.expansion);
    this.relu = new ReLU();
    this.downsample = shortcut(inPlanes, planes * Bottleneck.expansion, stride);
  }


  override outputShape(input: Shape): Shape {
    let out = this.relu.callShape(this.bn1.callShape(this.conv1.callShape(input)));
    out = this.relu.callShape(this.bn2.callShape(this.conv2.callShape(out)));
    out = this.bn3.callShape(this.conv3.callShape(out));
    this.downsample?.callShape(input);
    return this.relu.callShape(out);
  }
}

type Block = typeof BasicBlock | typeof Bottleneck;

/**
 * ResNet as torchvision builds it: a 7×7 stem, four stages of blocks that double the width and
 * halve the resolution, global average pooling and one Linear. `resnet18()` and `resnet50()` give
 * the two best-known depths.
 */
export class ResNet extends ShapeOnlyModule {
  static {
    pinName(this, 'ResNet');
  }

  conv1: Conv2d;
  bn1: BatchNorm2d;
  relu: ReLU;
  maxpool: MaxPool2d;
  layer1: Sequential;
  layer2: Sequential;
  layer3: Sequential;
  layer4: Sequential;
  avgpool: AdaptiveAvgPool2d;
  fc: Linear;

  constructor(block: Block, layers: readonly [number, number, number, number], numClasses = 1000) {
    super();
    let inPlanes = 64;
    const stage = (planes: number, blocks: number, stride: number) => {
      const stageBlocks = Array.from({ length: blocks }, (_, i) => {
        const built = new block(inPlanes, planes, i === 0 ? stride : 1);
        inPlanes = planes * block.expansion;
        return built;
      });
      return new Sequential(...stageBlocks);
    };
    this.conv1 = new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false });
    this.bn1 = new BatchNorm2d(64);
    this.relu = new ReLU();
    this.maxpool = new MaxPool2d(3, { stride: 2, padding: 1 });
    this.layer1 = stage(64, layers[0], 1);
    this.layer2 = stage(128, layers[1], 2);
    this.layer3 = stage(256, layers[2], 2);
    this.layer4 = stage(512, layers[3], 2);
    this.avgpool = new AdaptiveAvgPool2d([1, 1]);
    this.fc = new Linear(512 * block.expansion, numClasses);
  }


  override outputShape(input: Shape): Shape {
    let x = this.maxpool.callShape(this.relu.callShape(this.bn1.callShape(this.conv1.callShape(input))));
    for (const layer of [this.layer1, this.layer2, this.layer3, this.layer4]) x = layer.callShape(x);
    return this.fc.callShape(flattenShape(this.avgpool.callShape(x), 1));
  }
}

/** ResNet-18: 2 basic blocks per stage, 11,689,512 parameters. */
export const resnet18 = (numClasses = 1000) => new ResNet(BasicBlock, [2, 2, 2, 2], numClasses);

/** ResNet-50: 3, 4, 6, 3 bottleneck blocks, 25,557,032 parameters. */
export const resnet50 = (numClasses = 1000) => new ResNet(Bottleneck, [3, 4, 6, 3], numClasses);
