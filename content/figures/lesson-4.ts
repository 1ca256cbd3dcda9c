// Lesson 4's figures, from the lab's default sweep as the build computes it (src/lab/default-figures.ts):
// both languages' pages and tests/unit/lesson4-claims.test.ts import them, so the words about the
// interpolation threshold cannot drift from the sweep the lab draws.
import { defaultFigures } from '../../src/lab/default-figures.ts';
import { FIT_TOLERANCE, interpolationThreshold } from '../../src/lab/experiment.ts';
import { DEFAULT_SETTINGS } from '../../src/lab/settings.ts';

const { sweepPoints } = defaultFigures();
const threshold = interpolationThreshold(sweepPoints);
if (!threshold) throw new Error(`lesson 4: no width of the default sweep brings the training loss below ${FIT_TOLERANCE}`);
/** The width whose count is closest to the number of training points: the rule of thumb's guess. */
const ruleOfThumb = sweepPoints.reduce((best, p) =>
  Math.abs(p.parameters - DEFAULT_SETTINGS.points) < Math.abs(best.parameters - DEFAULT_SETTINGS.points) ? p : best);
/** Models short of the threshold: width 8, eight parameters per point, and the widest that does not fit yet. */
const width8 = sweepPoints.find((p) => p.width === 8)!;
const lastUnfit = sweepPoints.filter((p) => p.width < threshold.width).at(-1)!;
const peak = sweepPoints.reduce((best, p) => (p.validation > best.validation ? p : best));

export const sweep = {
  points: DEFAULT_SETTINGS.points,
  epochs: DEFAULT_SETTINGS.epochs,
  tolerance: FIT_TOLERANCE,
  threshold: { width: threshold.width, parameters: threshold.parameters, train: threshold.train },
  ruleOfThumb: { width: ruleOfThumb.width, parameters: ruleOfThumb.parameters, train: ruleOfThumb.train },
  width8: { parameters: width8.parameters, train: width8.train },
  lastUnfit: { width: lastUnfit.width, parameters: lastUnfit.parameters, train: lastUnfit.train },
  validationPeak: { width: peak.width, parameters: peak.parameters },
};

/** The counts of the page's exercise: the right one and the classic wrong one. */
export const exercises = {
  /** Why: parameters ≈ points is a rule of thumb; this network needs far more to fit its points. */
  threshold: { right: threshold.parameters, ruleOfThumb: ruleOfThumb.parameters },
};
