import { flattenShape } from '../layers/flatten.ts';
import type { AdaptiveAvgPool2d } from '../layers/pooling.ts';
import type { Sequential } from '../layers/sequential.ts';
import { ShapeOnlyModule } from '../layers/shape-only.ts';
import type { Shape } from '../shape.ts';

/**
 * The shape torchvision gives AlexNet and VGG: `features` (convolutions), `avgpool` to a fixed
 * grid, `torch.flatten`, then `classifier` (Linears).
 */
export abstract class PooledClassifier extends ShapeOnlyModule {
  features: Sequential;
  avgpool: AdaptiveAvgPool2d;
  classifier: Sequential;

  constructor(features: Sequential, avgpool: AdaptiveAvgPool2d, classifier: Sequential) {
    super();
    this.features = features;
    this.avgpool = avgpool;
    this.classifier = classifier;
  }


  override outputShape(input: Shape): Shape {
    const pooled = this.avgpool.callShape(this.features.callShape(input));
    return this.classifier.callShape(flattenShape(pooled, 1));
  }
}
