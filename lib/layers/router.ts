import { Buffer } from '../buffer.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkDim, checkSize, type Shape } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

export interface TopKRouterOptions {
  /** A learnt bias per expert, a parameter (gpt-oss's router). */
  bias?: boolean;
  /**
   * DeepSeek-V3's `e_score_correction_bias`: one number per expert added to the scores when
   * experts are chosen, adjusted during training by a rule rather than by gradients. transformers
   * registers it as a buffer (in the checkpoint, in no parameter count), and so does this layer;
   * DeepSeek's own modeling code makes it a Parameter, which adds numExperts per layer to a count.
   */
  scoreCorrectionBias?: boolean;
}

/**
 * A router whose weight is a bare parameter `[numExperts, hiddenSize]` (`mlp.gate.weight`,
 * `mlp.router.weight`): one score per expert for each token.
 */
export class TopKRouter extends ShapeOnlyModule {
  static {
    pinName(this, 'TopKRouter');
  }

  readonly numExperts: number;
  readonly hiddenSize: number;
  weight: Parameter;
  bias: Parameter | null;
  e_score_correction_bias: Buffer | null;

  constructor(hiddenSize: number, numExperts: number, { bias = false, scoreCorrectionBias = false }: TopKRouterOptions = {}) {
    super();
    checkSize(hiddenSize, 'TopKRouter: hiddenSize');
    checkSize(numExperts, 'TopKRouter: numExperts');
    this.numExperts = numExperts;
    this.hiddenSize = hiddenSize;
    this.weight = new Parameter([numExperts, hiddenSize]);
    this.bias = bias ? new Parameter([numExperts]) : null;
    this.e_score_correction_bias = scoreCorrectionBias ? new Buffer([numExperts]) : null;
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'TopKRouter');
    return [...input.slice(0, -1), this.numExperts];
  }
}
