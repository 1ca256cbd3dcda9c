import { normal } from '../init.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * A lookup table of `numEmbeddings` vectors of `embeddingDim` numbers each: the twin of
 * `torch.nn.Embedding`. It has numEmbeddings · embeddingDim parameters and no bias. The row at
 * `paddingIdx` starts at zero and gets no gradient, but it is still a parameter and still counted.
 */
export class Embedding extends ShapeOnlyModule {
  static {
    pinName(this, 'Embedding');
  }

  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | null;
  /** Shape `[numEmbeddings, embeddingDim]`: row `i` is the vector of token `i`. */
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, { paddingIdx }: { paddingIdx?: number } = {}) {
    super();
    checkSize(numEmbeddings, 'Embedding: numEmbeddings');
    checkSize(embeddingDim, 'Embedding: embeddingDim');
    if (paddingIdx !== undefined && !(Number.isInteger(paddingIdx) && paddingIdx >= -numEmbeddings && paddingIdx < numEmbeddings)) {
      throw new RangeError(`Embedding: paddingIdx must be within numEmbeddings, got ${paddingIdx}`);
    }
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    // A negative index counts from the end, and PyTorch stores it as the positive one.
    this.paddingIdx = paddingIdx === undefined ? null : (paddingIdx + numEmbeddings) % numEmbeddings;
    const init = normal(0, 1);
    const padRow = this.paddingIdx;
    let index = 0;
    this.weight = new Parameter([numEmbeddings, embeddingDim], (random) => {
      const value = init(random);
      return Math.floor(index++ / embeddingDim) === padRow ? 0 : value;
    });
  }


  /** Token indices of any shape in, one vector per index out: `[...input, embeddingDim]`. */
  override outputShape(input: Shape): Shape {
    return [...input, this.embeddingDim];
  }

  override extraRepr(): string {
    const padding = this.paddingIdx === null ? '' : `, padding_idx=${this.paddingIdx}`;
    return `${this.numEmbeddings}, ${this.embeddingDim}${padding}`;
  }
}
