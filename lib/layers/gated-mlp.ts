import { pinName } from '../names.ts';
import type { Shape } from '../shape.ts';
import { SiLU } from './activation.ts';
import { Linear } from './linear.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * The feed-forward half of a Llama block, SwiGLU (Shazeer, 2020): down(silu(gate(x)) · up(x)).
 * Three matrices where GPT-2's MLP has two, 3 · hidden · intermediate weights (plus biases with
 * `bias`). Fields carry Hugging Face's names (`gate_proj`, …), so `namedParameters()` lists the
 * tensor names of a checkpoint.
 */
export class GatedMLP extends ShapeOnlyModule {
  static {
    pinName(this, 'GatedMLP');
  }

  gate_proj: Linear;
  up_proj: Linear;
  down_proj: Linear;
  act_fn: SiLU;

  constructor(hiddenSize: number, intermediateSize: number, { bias = false }: { bias?: boolean } = {}) {
    super();
    this.gate_proj = new Linear(hiddenSize, intermediateSize, { bias });
    this.up_proj = new Linear(hiddenSize, intermediateSize, { bias });
    this.down_proj = new Linear(intermediateSize, hiddenSize, { bias });
    this.act_fn = new SiLU();
  }

  override outputShape(input: Shape): Shape {
    const gate = this.act_fn.callShape(this.gate_proj.callShape(input));
    this.up_proj.callShape(input);
    return this.down_proj.callShape(gate);
  }
}
