import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import { pinName } from '../names.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { Linear } from './linear.ts';
import { RMSNorm } from './rms-norm.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** The sizes of multi-head latent attention, under the names of DeepSeek's config.json. */
export interface LatentAttentionConfig {
  hiddenSize: number;
  numHeads: number;
  /** The query's low-rank width, or null for a full-rank `q_proj` (DeepSeek-V2-Lite). */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
  /** Biases on q_a_proj, kv_a_proj_with_mqa and o_proj (`attention_bias`). */
  bias: boolean;
  rmsNormEps: number;
}

/**
 * Multi-head latent attention (DeepSeek-V2, 2024), as transformers' DeepseekV3Attention lays it
 * out: keys and values are made from one compressed vector per token (kv_lora_rank wide) plus a
 * shared RoPE key (qk_rope_head_dim wide), and the query goes through a low-rank bottleneck too.
 * A server caches only the compressed vector and the RoPE key.
 */
export class MultiHeadLatentAttention extends ShapeOnlyModule implements CachesKeysAndValues {
  static {
    pinName(this, 'MultiHeadLatentAttention');
  }

  readonly config: Readonly<LatentAttentionConfig>;
  q_proj?: Linear;
  q_a_proj?: Linear;
  q_a_layernorm?: RMSNorm;
  q_b_proj?: Linear;
  kv_a_proj_with_mqa: Linear;
  kv_a_layernorm: RMSNorm;
  kv_b_proj: Linear;
  o_proj: Linear;

  constructor(c: Readonly<LatentAttentionConfig>) {
    super();
    for (const key of ['hiddenSize', 'numHeads', 'kvLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim'] as const) {
      checkSize(c[key], `MultiHeadLatentAttention: ${key}`);
    }
    this.config = { ...c };
    const qkHeadDim = c.qkNopeHeadDim + c.qkRopeHeadDim;
    if (c.qLoraRank === null) {
      this.q_proj = new Linear(c.hiddenSize, c.numHeads * qkHeadDim, { bias: false });
    } else {
      this.q_a_proj = new Linear(c.hiddenSize, c.qLoraRank, { bias: c.bias });
      this.q_a_layernorm = new RMSNorm(c.qLoraRank, { eps: c.rmsNormEps });
      this.q_b_proj = new Linear(c.qLoraRank, c.numHeads * qkHeadDim, { bias: false });
    }
    this.kv_a_proj_with_mqa = new Linear(c.hiddenSize, c.kvLoraRank + c.qkRopeHeadDim, { bias: c.bias });
    this.kv_a_layernorm = new RMSNorm(c.kvLoraRank, { eps: c.rmsNormEps });
    this.kv_b_proj = new Linear(c.kvLoraRank, c.numHeads * (c.qkNopeHeadDim + c.vHeadDim), { bias: false });
    this.o_proj = new Linear(c.numHeads * c.vHeadDim, c.hiddenSize, { bias: c.bias });
  }

  /** The compressed vector and the RoPE key per token; transformers' own cache keeps them decompressed. */
  kvCache(): KVCacheSpec {
    const c = this.config;
    return {
      kind: 'latent',
      valuesPerToken: c.kvLoraRank + c.qkRopeHeadDim,
      decompressedValuesPerToken: c.numHeads * (c.qkNopeHeadDim + c.qkRopeHeadDim) + c.numHeads * c.vHeadDim,
    };
  }

  /** Hidden states `[B, T, hiddenSize]` in, the same shape out. */
  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.config.hiddenSize, 'MultiHeadLatentAttention');
    if (this.q_proj) this.q_proj.callShape(input);
    else this.q_b_proj!.callShape(this.q_a_layernorm!.callShape(this.q_a_proj!.callShape(input)));
    const compressed = this.kv_a_proj_with_mqa.callShape(input);
    this.kv_b_proj.callShape(this.kv_a_layernorm.callShape([...compressed.slice(0, -1), this.config.kvLoraRank]));
    return this.o_proj.callShape([...input.slice(0, -1), this.config.numHeads * this.config.vHeadDim]);
  }
}
