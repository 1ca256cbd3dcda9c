// Lesson 1's figures, computed by the library: both languages' pages and
// tests/unit/lessons1-3-claims.test.ts import them, so a number cannot differ between the pages.
import { countParameters, Linear, type Module, SimpleNN } from 'lib';

const biases = (model: Module) =>
  [...model.namedParameters()].filter(([name]) => name.endsWith('bias')).reduce((sum, [, p]) => sum + p.numel(), 0);

const simple431 = new SimpleNN(4, 3, 1);

/** The counts of the page's exercises: the right one and the classic wrong ones. */
export const exercises = {
  simpleNN431: {
    right: countParameters(simple431),
    weightsOnly: countParameters(simple431) - biases(simple431),
    inputLayerCounted: countParameters(simple431) + countParameters(new Linear(4, 4)),
  },
  neuron5: {
    right: countParameters(new Linear(5, 1)),
    noBias: countParameters(new Linear(5, 1, { bias: false })),
    inputsCounted: countParameters(new Linear(5, 1)) + new Linear(5, 1).inFeatures,
  },
  /** Why: without its ReLU, SimpleNN(3, 5, 2) stores 32 numbers but computes one Linear(3, 2). */
  withoutReLU: {
    right: countParameters(new Linear(3, 2)),
    stored: countParameters(new SimpleNN(3, 5, 2)),
    weightsOnly: countParameters(new Linear(3, 2, { bias: false })),
  },
};

/** The model of the page's picture of its 32 parameters, one cell each. */
export const simpleNN = new SimpleNN(3, 5, 2);
