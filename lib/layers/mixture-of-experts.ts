// A layer's experts without a module per expert. DeepSeek-V3 has 58 layers of 256 experts and Kimi
// K2 60 of 384: built as 23,000 modules and 70,000 tensors, they took a second to build and count.
// An expert group is one module that knows its sizes: it counts by arithmetic, and makes the
// checkpoint's names and shapes only when something lists them (a state dict to compare, a freeze).
import type { AdaptsWithLoRA, CountsItsParameters, LoraMatrix, RoutesTokens } from '../capabilities.ts';
import type { Buffer } from '../buffer.ts';
import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { Parameter } from '../parameter.ts';
import { checkDim, checkSize, type Shape, shapeNumel } from '../shape.ts';
import { ShapeOnlyModule } from './shape-only.ts';

/** What a router chooses from: the experts of one layer and what each one holds. */
export interface ExpertStore extends Module {
  readonly numExperts: number;
  /** The parameters of one expert. */
  parametersPerExpert(): number;
}

/** One matrix of every expert: `experts.<e>.<name>.weight`, `[outFeatures, inFeatures]`, and its bias. */
export interface ExpertProjection {
  name: string;
  inFeatures: number;
  outFeatures: number;
  bias?: boolean;
}

/**
 * Experts stored one by one, as DeepSeek's, Qwen's, GLM's and Mixtral's checkpoints name them
 * (`mlp.experts.17.gate_proj.weight`): each of `numExperts` experts has the same projections.
 * PyTorch builds a ModuleList of modules; here the names and shapes are the same, made on demand.
 */
export class ExpertList extends ShapeOnlyModule implements ExpertStore, CountsItsParameters, AdaptsWithLoRA {
  static {
    pinName(this, 'ExpertList');
  }

  readonly numExperts: number;
  readonly projections: readonly Readonly<ExpertProjection>[];
  /** An expert's class name in PyTorch, for the repr. */
  readonly expertName: string;
  #tensors: [string, Parameter][] | null = null;

  constructor(numExperts: number, projections: readonly ExpertProjection[], expertName = 'MLP') {
    super();
    checkSize(numExperts, 'ExpertList: numExperts');
    for (const p of projections) {
      checkSize(p.inFeatures, `ExpertList: ${p.name} inFeatures`);
      checkSize(p.outFeatures, `ExpertList: ${p.name} outFeatures`);
    }
    this.numExperts = numExperts;
    this.projections = projections.map((p) => ({ ...p }));
    this.expertName = expertName;
  }

  parametersPerExpert(): number {
    let n = 0;
    for (const p of this.projections) n += p.outFeatures * p.inFeatures + (p.bias ? p.outFeatures : 0);
    return n;
  }

  parameterCount(trainableOnly: boolean): number {
    if (this.#tensors === null) return this.numExperts * this.parametersPerExpert();
    let n = 0;
    for (const [, p] of this.#tensors) if (!trainableOnly || p.requiresGrad) n += p.numel();
    return n;
  }

  // Made once, on the first look, so that a frozen expert stays frozen.
  protected override dottedTensors(): readonly [string, Parameter | Buffer][] {
    if (this.#tensors === null) {
      const tensors: [string, Parameter][] = [];
      for (let e = 0; e < this.numExperts; e++) {
        for (const { name, inFeatures, outFeatures, bias } of this.projections) {
          tensors.push([`${e}.${name}.weight`, new Parameter([outFeatures, inFeatures])]);
          if (bias) tensors.push([`${e}.${name}.bias`, new Parameter([outFeatures])]);
        }
      }
      this.#tensors = tensors;
    }
    return this.#tensors;
  }

  *loraMatrices(lastNames: ReadonlySet<string>): Iterable<LoraMatrix> {
    const wanted = this.projections.filter((p) => lastNames.has(p.name));
    if (wanted.length === 0) return;
    for (let e = 0; e < this.numExperts; e++) {
      for (const { name, inFeatures, outFeatures } of wanted) yield { name: `${e}.${name}`, inFeatures, outFeatures };
    }
  }

  /** Each expert maps the hidden state to a hidden state of the same width. */
  override outputShape(input: Shape): Shape {
    const first = this.projections[0];
    if (first) checkDim(input, -1, first.inFeatures, 'ExpertList');
    return input;
  }

  /** PyTorch prints a ModuleList of equal modules as `(0-255): 256 x DeepseekV3MLP(…)`. */
  override extraRepr(): string {
    const projections = this.projections.map((p) => `${p.name}: ${p.inFeatures} → ${p.outFeatures}${p.bias ? ' + bias' : ''}`);
    return `${this.numExperts} x ${this.expertName}(${projections.join(', ')})`;
  }
}

/**
 * Experts stored as stacked tensors, one per kind with the expert first, as gpt-oss's and Llama 4's
 * checkpoints hold them (`mlp.experts.gate_up_proj` `[E, hidden, 2 · intermediate]`).
 */
export class StackedExperts extends ShapeOnlyModule implements ExpertStore {
  static {
    pinName(this, 'StackedExperts');
  }

  readonly numExperts: number;
  readonly hiddenSize: number;

  /** `tensors`: each stacked tensor's name and shape, `numExperts` first, in the checkpoint's order. */
  constructor(numExperts: number, hiddenSize: number, tensors: readonly (readonly [string, readonly number[]])[]) {
    super();
    checkSize(numExperts, 'StackedExperts: numExperts');
    this.numExperts = numExperts;
    this.hiddenSize = hiddenSize;
    for (const [name, shape] of tensors) {
      if (shape[0] !== numExperts) throw new RangeError(`StackedExperts: ${name} must have ${numExperts} experts first, got [${shape.join(', ')}]`);
      this.register(name, new Parameter(shape));
    }
  }

  parametersPerExpert(): number {
    let n = 0;
    for (const parameter of this.parameters(false)) n += shapeNumel(parameter.shape.slice(1));
    return n;
  }

  override outputShape(input: Shape): Shape {
    checkDim(input, -1, this.hiddenSize, 'StackedExperts');
    return input;
  }
}

/**
 * A sparse mixture-of-experts block (Shazeer et al., 2017): a router scores every expert and sends
 * each token to its `topK` best ones, beside the always-used shared experts some families add. All
 * experts are parameters of the model, but a token passes through only topK of them, so the active
 * count is far below the total. The parts are registered under the family's names and in its order
 * (Mixtral: `gate`, `experts`; DeepSeek-V3: `experts`, `gate`, `shared_experts`).
 */
export class MixtureOfExperts extends ShapeOnlyModule implements RoutesTokens {
  static {
    pinName(this, 'MixtureOfExperts');
  }

  readonly numExperts: number;
  readonly topK: number;
  // Private, so that it is no field: the experts take their place among the parts.
  readonly #experts: ExpertStore;

  constructor(parts: readonly (readonly [string, Module])[], experts: ExpertStore, topK: number) {
    super();
    checkSize(topK, 'MixtureOfExperts: topK');
    if (topK > experts.numExperts) {
      throw new RangeError(`MixtureOfExperts: topK (${topK}) cannot exceed numExperts (${experts.numExperts})`);
    }
    if (!parts.some(([, part]) => part === experts)) throw new RangeError('MixtureOfExperts: the experts must be one of its parts');
    this.numExperts = experts.numExperts;
    this.topK = topK;
    this.#experts = experts;
    for (const [name, part] of parts) this.register(name, part);
  }

  /** The parameters of the experts a token skips: (numExperts − topK) experts' worth. */
  inactiveParameters(): number {
    return (this.numExperts - this.topK) * this.#experts.parametersPerExpert();
  }

  override outputShape(input: Shape): Shape {
    for (const child of this.children()) child.callShape(input);
    return input;
  }
}
