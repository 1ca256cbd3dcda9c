import type { Module } from '../../module.ts';
import { type Shape, shapeNumel } from '../../shape.ts';

/**
 * torchinfo's multiply-adds for one call of `module`, given its output shape: each weight and
 * bias number once per output position. For a convolution the positions are the batch times the
 * spatial sizes (not the channels); for a Linear every dimension but the last (so a sequence of
 * 16 tokens counts 16 times); for other layers the batch; for recurrent weights such as
 * `weight_ih_l0`, the first two dimensions (steps and batch). A container's count is of all its
 * parameters, as torchinfo computes it; only layers add to the total.
 */
export function torchinfoMultAdds(module: Module, output: Shape): number {
  const className = module.constructor.name;
  let total = 0;
  for (const [name, p] of module.namedParameters()) {
    if (name === 'weight' || name === 'bias') {
      if (className.includes('Conv')) total += p.numel() * shapeNumel([output[0] ?? 1, ...output.slice(2)]);
      else if (className.includes('Linear')) total += p.numel() * shapeNumel(output.slice(0, -1));
      else total += p.numel() * (output[0] ?? 1);
    } else if (name.includes('weight') || name.includes('bias')) {
      total += p.numel() * shapeNumel(output.slice(0, 2));
    }
  }
  return total;
}
