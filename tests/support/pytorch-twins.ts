// Library twins of models the fixture script builds with a twist (scripts/generate_pytorch_fixtures.py).
import { Linear, Module, resnet18, type Tensor } from 'lib';

/** ResNet-18 with its first 30 parameter tensors frozen, as in torchinfo's frozen_layers test. */
export function resnet18FirstThirtyFrozen(): Module {
  const model = resnet18();
  [...model.parameters()].forEach((p, index) => {
    p.requiresGrad = index >= 30;
  });
  return model;
}

/** Two layers whose weight is one Parameter, like TiedLinears in the fixture script. */
export class TiedLinears extends Module {
  encoder = new Linear(4, 4);
  decoder = new Linear(4, 4);

  constructor() {
    super();
    this.decoder.weight = this.encoder.weight;
  }

  forward(x: Tensor): Tensor {
    return this.decoder.call(this.encoder.call(x));
  }
}
