// Phi-3's fused projections (transformers' Phi3Attention and Phi3MLP): one matrix where Llama has
// three or two, so the same parameters under fewer names. The fields follow Phi-3's order.
import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import { pinName } from '../names.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { SiLU } from './activation.ts';
import { Linear } from './linear.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** Queries, keys and values from one `qkv_proj` of numHeads · headDim + 2 · kvHeads · headDim outputs. */
export class FusedQKVAttention extends ShapeOnlyModule implements CachesKeysAndValues {
  static {
    pinName(this, 'FusedQKVAttention');
  }

  readonly hiddenSize: number;
  readonly numHeads: number;
  readonly numKeyValueHeads: number;
  readonly headDim: number;
  readonly slidingWindow: number | null;
  o_proj: Linear;
  qkv_proj: Linear;

  constructor(hiddenSize: number, numHeads: number, numKeyValueHeads: number, headDim: number, slidingWindow?: number) {
    super();
    for (const [what, size] of [['hiddenSize', hiddenSize], ['numHeads', numHeads], ['numKeyValueHeads', numKeyValueHeads], ['headDim', headDim]] as const) {
      checkSize(size, `FusedQKVAttention: ${what}`);
    }
    if (slidingWindow !== undefined) checkSize(slidingWindow, 'FusedQKVAttention: slidingWindow');
    this.hiddenSize = hiddenSize;
    this.numHeads = numHeads;
    this.numKeyValueHeads = numKeyValueHeads;
    this.headDim = headDim;
    this.slidingWindow = slidingWindow ?? null;
    this.o_proj = new Linear(numHeads * headDim, hiddenSize, { bias: false });
    this.qkv_proj = new Linear(hiddenSize, (numHeads + 2 * numKeyValueHeads) * headDim, { bias: false });
  }

  kvCache(): KVCacheSpec {
    const valuesPerToken = 2 * this.numKeyValueHeads * this.headDim;
    return this.slidingWindow === null ? { kind: 'full', valuesPerToken } : { kind: 'sliding', valuesPerToken, window: this.slidingWindow };
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'FusedQKVAttention');
    this.qkv_proj.callShape(input);
    return this.o_proj.callShape([...input.slice(0, -1), this.numHeads * this.headDim]);
  }
}

/** SwiGLU with the gate and up projections in one `gate_up_proj` of 2 · intermediate outputs. */
export class FusedGatedMLP extends ShapeOnlyModule {
  static {
    pinName(this, 'FusedGatedMLP');
  }

  readonly intermediateSize: number;
  gate_up_proj: Linear;
  down_proj: Linear;
  activation_fn: SiLU;

  constructor(hiddenSize: number, intermediateSize: number) {
    super();
    this.intermediateSize = intermediateSize;
    this.gate_up_proj = new Linear(hiddenSize, 2 * intermediateSize, { bias: false });
    this.down_proj = new Linear(intermediateSize, hiddenSize, { bias: false });
    this.activation_fn = new SiLU();
  }

  override outputShape(input: Shape): Shape {
    const gateUp = this.gate_up_proj.callShape(input);
    return this.down_proj.callShape(this.activation_fn.callShape([...gateUp.slice(0, -1), this.intermediateSize]));
  }
}
