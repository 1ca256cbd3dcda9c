import { countParameters } from '../analysis/count.ts';
import type { RoutesTokens } from '../capabilities.ts';
import { pinName } from '../names.ts';
import { checkSize, type Shape } from '../shape.ts';
import { SiLU } from './activation.ts';
import { ModuleList } from './containers.ts';
import { Linear } from './linear.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/**
 * One expert of Mixtral: a SwiGLU feed-forward network, w2(silu(w1(x)) · w3(x)), under the names
 * Mixtral's checkpoints use (w1 the gate, w3 the up projection, w2 the down projection).
 */
export class Expert extends ShapeOnlyModule {
  static {
    pinName(this, 'Expert');
  }

  w1: Linear;
  w2: Linear;
  w3: Linear;
  act_fn: SiLU;

  constructor(hiddenSize: number, intermediateSize: number) {
    super();
    this.w1 = new Linear(hiddenSize, intermediateSize, { bias: false });
    this.w2 = new Linear(intermediateSize, hiddenSize, { bias: false });
    this.w3 = new Linear(hiddenSize, intermediateSize, { bias: false });
    this.act_fn = new SiLU();
  }

  override outputShape(input: Shape): Shape {
    this.w3.callShape(input);
    return this.w2.callShape(this.act_fn.callShape(this.w1.callShape(input)));
  }
}

/**
 * A sparse mixture-of-experts block (Shazeer et al., 2017; Mixtral, 2024): a router (`gate`, one
 * score per expert) sends each token to its `topK` best experts and mixes their outputs. All
 * experts are parameters of the model, but a token passes through only topK of them, so the
 * active count is far below the total. Hugging Face's `MixtralSparseMoeBlock`.
 */
export class MixtureOfExperts extends ShapeOnlyModule implements RoutesTokens {
  static {
    pinName(this, 'MixtureOfExperts');
  }

  readonly numExperts: number;
  readonly topK: number;
  gate: Linear;
  experts: ModuleList;

  constructor(hiddenSize: number, intermediateSize: number, numExperts: number, topK: number) {
    super();
    checkSize(numExperts, 'MixtureOfExperts: numExperts');
    checkSize(topK, 'MixtureOfExperts: topK');
    if (topK > numExperts) {
      throw new RangeError(`MixtureOfExperts: topK (${topK}) cannot exceed numExperts (${numExperts})`);
    }
    this.numExperts = numExperts;
    this.topK = topK;
    this.gate = new Linear(hiddenSize, numExperts, { bias: false });
    this.experts = new ModuleList(Array.from({ length: numExperts }, () => new Expert(hiddenSize, intermediateSize)));
  }

  /** The parameters of the experts a token skips: (numExperts − topK) experts' worth. */
  inactiveParameters(): number {
    const perExpert = countParameters(this.experts.get(0), { trainableOnly: false });
    return (this.numExperts - this.topK) * perExpert;
  }

  override outputShape(input: Shape): Shape {
    this.gate.callShape(input);
    let output = input;
    for (const expert of this.experts) output = expert.callShape(input);
    return output;
  }
}
