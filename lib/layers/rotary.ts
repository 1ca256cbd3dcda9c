import { pinName } from '../names.ts';
import { checkSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * Rotary position embeddings (Su et al., 2021): each query and key is rotated by an angle that
 * grows with its position, so attention sees relative positions. The angles are computed, not
 * learned: no parameters, where GPT-2 learns a vector per position. (Hugging Face keeps the
 * frequencies in a non-persistent buffer, outside the checkpoint; here they are not stored.)
 */
export class RotaryEmbedding extends ShapeOnlyModule {
  static {
    pinName(this, 'RotaryEmbedding');
  }

  readonly headDim: number;
  readonly base: number;

  constructor(headDim: number, { base = 10000 }: { base?: number } = {}) {
    super();
    checkSize(headDim, 'RotaryEmbedding: headDim');
    this.headDim = headDim;
    this.base = base;
  }

  /** Position ids `[B, T]` in, one cosine (and one sine) per position and head dimension out. */
  override outputShape(positions: Shape): Shape {
    return [...positions, this.headDim];
  }
}
