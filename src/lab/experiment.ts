// The lab's experiment, shared by its worker (live) and its component (the figures built into the
// page): a two-hidden-layer Tanh network fitted to y = sin(3x) + noise with AdamW, full batch.
import {
  AdamW, countParameters, Dropout, Graph, Linear, manualSeed, mseLoss, noGrad, Sequential, sineData,
  type Split, Tanh, type Tensor, tensor,
} from 'lib';
import type { LabSettings } from './settings.ts';

const LEARNING_RATE = 0.01;
const VALIDATION_POINTS = 100;
/** The widths a sweep trains, from far fewer parameters than points to far more. */
export const SWEEP_WIDTHS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];
/** Where the fitted curve is drawn: x from −1 to 1. */
export const CURVE_X = Array.from({ length: 121 }, (_, i) => -1 + i / 60);

/** 1 → width → width → 1, Tanh after each hidden layer, then dropout (a no-op at p = 0). */
function labModel(width: number, dropout: number): Sequential {
  return new Sequential(
    new Linear(1, width), new Tanh(), new Dropout(dropout),
    new Linear(width, width), new Tanh(), new Dropout(dropout),
    new Linear(width, 1),
  );
}

/** The parameter count of the lab's model of this width: h² + 4h + 1. */
export const labParameters = (width: number): number => countParameters(labModel(width, 0));

export interface LabData {
  train: Split;
  validation: Split;
}

export function labData({ points, noise, seed }: LabSettings): LabData {
  return sineData({ trainPoints: points, validationPoints: VALIDATION_POINTS, noise, seed });
}

export interface Losses {
  train: number;
  validation: number;
}

/**
 * One model learning the lab's data: each `step()` is one epoch, a full-batch AdamW step. Steps
 * and evaluations replay captured graphs, so an epoch allocates nothing.
 */
export class LabRun {
  epoch = 0;
  readonly #step = new Graph();
  readonly #trainStep: () => void;
  readonly #evaluation = new Graph();
  readonly #losses: { train: Tensor; validation: Tensor };
  readonly #prediction = new Graph();
  readonly #curve: Tensor;

  constructor(settings: LabSettings, data: LabData) {
    manualSeed(settings.seed);
    const model = labModel(settings.width, settings.dropout);
    const optimizer = new AdamW(model.parameters(), { lr: LEARNING_RATE, weightDecay: settings.decay });
    this.#trainStep = () => {
      optimizer.zeroGrad();
      mseLoss(model.call(data.train.x), data.train.y).backward();
      optimizer.step();
    };
    // Losses and curve as the model would be used: in eval mode, so without dropout.
    model.eval();
    this.#losses = this.#evaluation.capture(() =>
      noGrad(() => ({
        train: mseLoss(model.call(data.train.x), data.train.y),
        validation: mseLoss(model.call(data.validation.x), data.validation.y),
      })),
    );
    const grid = tensor(CURVE_X.map((x) => [x]));
    this.#curve = this.#prediction.capture(() => noGrad(() => model.call(grid)));
    model.train();
  }

  /** Trains for one more epoch. */
  step(): void {
    if (this.epoch++ === 0) this.#step.capture(this.#trainStep);
    else this.#step.replay();
  }

  /** The mean squared error on the training and on the validation points, now. */
  losses(): Losses {
    this.#evaluation.replay();
    return { train: this.#losses.train.item(), validation: this.#losses.validation.item() };
  }

  /** The model's prediction at each x of CURVE_X, now. */
  curve(): number[] {
    this.#prediction.replay();
    return Array.from(this.#curve.data);
  }
}

/** Where the validation loss is lowest: the epoch to stop at, or the width to choose. */
export function lowestValidation(items: readonly Losses[]): number {
  return items.reduce((best, item, i) => (item.validation < items[best]!.validation ? i : best), 0);
}

/** Both losses after every epoch, and the curve at the end: a whole training run. */
export function trainToEnd(settings: LabSettings, data: LabData) {
  const run = new LabRun(settings, data);
  const history: Losses[] = [];
  while (run.epoch < settings.epochs) {
    run.step();
    history.push(run.losses());
  }
  return { history, curve: run.curve() };
}

export interface SweepPoint extends Losses {
  width: number;
  parameters: number;
}

/**
 * The training loss below which a model counts as fitting its training points: a fortieth of the
 * default noise's variance (0.2² = 0.04), far below what the noise lets a smooth curve reach.
 */
export const FIT_TOLERANCE = 1e-3;

/**
 * The interpolation threshold as the sweep measured it: the first width whose training loss falls
 * below FIT_TOLERANCE, or undefined when none does.
 */
export function interpolationThreshold(points: readonly SweepPoint[]): SweepPoint | undefined {
  return points.find((point) => point.train < FIT_TOLERANCE);
}

/** Trains one model per width in SWEEP_WIDTHS on the same data, yielding each one's final losses. */
export function* sweep(settings: LabSettings, data = labData(settings)): Generator<SweepPoint> {
  for (const width of SWEEP_WIDTHS) {
    const run = new LabRun({ ...settings, width }, data);
    while (run.epoch < settings.epochs) run.step();
    yield { width, parameters: labParameters(width), ...run.losses() };
  }
}
