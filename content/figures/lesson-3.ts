// Lesson 3's figures, computed by the library: both languages' pages and
// tests/unit/lessons1-3-claims.test.ts import them, so a number cannot differ between the pages.
import { BatchNorm1d, countParameters, Embedding, Linear, ReLU, Sequential, SimpleNN } from 'lib';

const numel = (tensors: Iterable<{ numel(): number }>) => [...tensors].reduce((sum, t) => sum + t.numel(), 0);

const frozenHidden = () => {
  const model = new SimpleNN(3, 5, 2);
  model.hidden.requiresGrad_(false);
  return model;
};
const tiedLanguageModel = () => {
  const embedding = new Embedding(100, 16);
  const head = new Linear(16, 100, { bias: false });
  head.weight = embedding.weight;
  return new Sequential(embedding, head);
};
const normedNet = () => new Sequential(new Linear(3, 5), new BatchNorm1d(5), new ReLU(), new Linear(5, 2));

/** Adam keeps two running means per trained number (PyTorch's exp_avg and exp_avg_sq). */
export const ADAM_STATE_PER_PARAMETER = 2;
const frozenNumbers = countParameters(frozenHidden(), { trainableOnly: false }) - countParameters(frozenHidden());

/** The counts of the page's exercises: the right one and the classic wrong ones. */
export const exercises = {
  frozen: {
    right: countParameters(frozenHidden()),
    all: countParameters(frozenHidden(), { trainableOnly: false }),
    frozenPart: frozenNumbers,
  },
  tied: { right: countParameters(tiedLanguageModel()), twice: numel(tiedLanguageModel().stateDict().values()) },
  normed: {
    right: countParameters(normedNet()),
    withBuffers: countParameters(normedNet()) + numel(normedNet().buffers()),
    noBatchNorm: countParameters(normedNet()) - countParameters(new BatchNorm1d(5)),
  },
  /**
   * Why: freezing SimpleNN's hidden layer while training with Adam saves, for each of its 20
   * numbers, a gradient and Adam's two running means; the numbers themselves stay in memory.
   */
  freezingSaves: {
    right: frozenNumbers * (1 + ADAM_STATE_PER_PARAMETER),
    noGradient: frozenNumbers * ADAM_STATE_PER_PARAMETER,
    weightsToo: frozenNumbers * (2 + ADAM_STATE_PER_PARAMETER),
    gradientOnly: frozenNumbers,
  },
};
