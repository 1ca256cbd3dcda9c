import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { Conv1d } from './conv.ts';
import { Linear } from './linear.ts';
import { RMSNorm } from './rms-norm.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** The sizes of a gated DeltaNet layer, under the names of Qwen3-Next's config.json (`linear_…`). */
export interface GatedDeltaNetConfig {
  hiddenSize: number;
  numKeyHeads: number;
  numValueHeads: number;
  keyHeadDim: number;
  valueHeadDim: number;
  convKernelSize: number;
  rmsNormEps: number;
}

/**
 * Gated DeltaNet (Yang et al., 2024), the linear attention of Qwen3-Next as transformers' Qwen3NextGatedDeltaNet
 * lays it out: one projection to the queries, keys, values and output gate (`in_proj_qkvz`), one
 * to the per-head β and decay (`in_proj_ba`), a depthwise causal convolution over queries, keys and
 * values, the decay's `A_log` and `dt_bias`, a gated RMSNorm over each value head, `out_proj`.
 * Instead of a KV cache it keeps, per sequence, a state of numValueHeads · keyHeadDim · valueHeadDim
 * values and the convolution's last convKernelSize inputs.
 */
export class GatedDeltaNet extends ShapeOnlyModule implements CachesKeysAndValues {
  static {
    pinName(this, 'GatedDeltaNet');
  }

  readonly config: Readonly<GatedDeltaNetConfig>;
  /** Shape `[numValueHeads]`. */
  dt_bias: Parameter;
  /** Shape `[numValueHeads]`. */
  A_log: Parameter;
  conv1d: Conv1d;
  in_proj_qkvz: Linear;
  in_proj_ba: Linear;
  norm: RMSNorm;
  out_proj: Linear;

  constructor(c: Readonly<GatedDeltaNetConfig>) {
    super();
    for (const key of ['hiddenSize', 'numKeyHeads', 'numValueHeads', 'keyHeadDim', 'valueHeadDim', 'convKernelSize'] as const) {
      checkSize(c[key], `GatedDeltaNet: ${key}`);
    }
    this.config = { ...c };
    const keyDim = c.numKeyHeads * c.keyHeadDim;
    const valueDim = c.numValueHeads * c.valueHeadDim;
    const convDim = 2 * keyDim + valueDim;
    this.dt_bias = new Parameter([c.numValueHeads]);
    this.A_log = new Parameter([c.numValueHeads]);
    this.conv1d = new Conv1d(convDim, convDim, c.convKernelSize, { groups: convDim, bias: false, padding: c.convKernelSize - 1 });
    this.in_proj_qkvz = new Linear(c.hiddenSize, 2 * keyDim + 2 * valueDim, { bias: false });
    this.in_proj_ba = new Linear(c.hiddenSize, 2 * c.numValueHeads, { bias: false });
    this.norm = new RMSNorm(c.valueHeadDim, { eps: c.rmsNormEps });
    this.out_proj = new Linear(valueDim, c.hiddenSize, { bias: false });
  }

  /** The recurrent state and the convolution's window, whatever the context's length. */
  kvCache(): KVCacheSpec {
    const c = this.config;
    const convDim = 2 * c.numKeyHeads * c.keyHeadDim + c.numValueHeads * c.valueHeadDim;
    return { kind: 'linear', valuesPerSequence: c.numValueHeads * c.keyHeadDim * c.valueHeadDim + convDim * c.convKernelSize };
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.config.hiddenSize, 'GatedDeltaNet');
    this.in_proj_qkvz.callShape(input);
    this.in_proj_ba.callShape(input);
    return this.out_proj.callShape([...input.slice(0, -1), this.config.numValueHeads * this.config.valueHeadDim]);
  }
}
