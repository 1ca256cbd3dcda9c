import type { CachesKeysAndValues, KVCacheSpec } from '../capabilities.ts';
import type { Module } from '../module.ts';
import { reportAttentionProducts } from '../shape-hooks.ts';
import { checkRank, checkSize, type Shape } from '../shape.ts';
import { Dropout } from './dropout.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * GPT-2's masked self-attention, in OpenAI's names, which nanoGPT and Hugging Face both keep: the
 * query, key and value projections fused into one `c_attn` of width 3E, E · 3E + 3E, then the
 * output projection `c_proj`, E · E + E. The heads split E between them and do not change the
 * count. Each model picks its projection layer: nanoGPT a Linear, Hugging Face a Conv1D (the same
 * count, the weight stored transposed).
 */
export abstract class FusedSelfAttention<Projection extends Module> extends ShapeOnlyModule implements CachesKeysAndValues {
  readonly numHeads: number;
  readonly headDim: number;
  c_attn: Projection;
  c_proj: Projection;
  attn_dropout: Dropout;
  resid_dropout: Dropout;

  protected constructor(
    embedDim: number,
    numHeads: number,
    dropout: number,
    projection: (inFeatures: number, outFeatures: number) => Projection,
  ) {
    super();
    const name = this.constructor.name;
    checkSize(embedDim, `${name}: embedDim`);
    checkSize(numHeads, `${name}: numHeads`);
    if (embedDim % numHeads !== 0) {
      throw new RangeError(`${name}: numHeads (${numHeads}) must divide embedDim (${embedDim})`);
    }
    this.numHeads = numHeads;
    this.headDim = embedDim / numHeads;
    this.c_attn = projection(embedDim, 3 * embedDim);
    this.c_proj = projection(embedDim, embedDim);
    this.attn_dropout = new Dropout(dropout);
    this.resid_dropout = new Dropout(dropout);
  }

  /** Every head keeps its own key and value for every token: the cache is as wide as the model, twice. */
  kvCache(): KVCacheSpec {
    return { kind: 'full', valuesPerToken: 2 * this.numHeads * this.headDim };
  }

  /** Hidden states `[B, T, E]` in, the same shape out. */
  override outputShape(input: Shape): Shape {
    checkRank(input, [3], this.constructor.name);
    const [batch, time] = input as [number, number, number];
    this.c_attn.callShape(input);
    reportAttentionProducts(batch, this.numHeads, time, time, this.headDim);
    // Dropout acts on the attention weights: one T×T matrix per head.
    this.attn_dropout.callShape([batch, this.numHeads, time, time]);
    return this.resid_dropout.callShape(this.c_proj.callShape(input));
  }
}
