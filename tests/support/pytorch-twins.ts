// Library twins of models the fixture script builds with a twist (scripts/generate_pytorch_fixtures.py).
import { type Module, resnet18 } from 'lib';

/** ResNet-18 with its first 30 parameter tensors frozen, as in torchinfo's frozen_layers test. */
export function resnet18FirstThirtyFrozen(): Module {
  const model = resnet18();
  [...model.parameters()].forEach((p, index) => {
    p.requiresGrad = index >= 30;
  });
  return model;
}
