// Lesson 2's figures, computed by the library: both languages' pages and
// tests/unit/lessons1-3-claims.test.ts import them, so a number cannot differ between the pages.
import { BatchNorm1d, Conv2d, countParameters, Linear } from 'lib';

const bufferValues = (module: BatchNorm1d) => [...module.buffers()].reduce((sum, b) => sum + b.numel(), 0);

/** The counts of the page's exercises: the right one and the classic wrong ones. */
export const exercises = {
  conv3163: {
    right: countParameters(new Conv2d(3, 16, 3)),
    noKernel: countParameters(new Conv2d(3, 16, 1)),
    noBias: countParameters(new Conv2d(3, 16, 3, { bias: false })),
    oneChannel: countParameters(new Conv2d(1, 16, 3)),
  },
  depthwise: {
    right: countParameters(new Conv2d(32, 32, 3, { groups: 32 })),
    noGroups: countParameters(new Conv2d(32, 32, 3)),
    noBias: countParameters(new Conv2d(32, 32, 3, { groups: 32, bias: false })),
  },
  batchNorm32: {
    right: countParameters(new BatchNorm1d(32)),
    withBuffers: countParameters(new BatchNorm1d(32)) + bufferValues(new BatchNorm1d(32)),
    scaleOnly: new BatchNorm1d(32).numFeatures,
  },
  /**
   * Why: a convolution's filters slide over every position, so a larger image needs no more of
   * them. A dense layer from the same pixels to 16 outputs would grow with every pixel.
   */
  largerImage: {
    right: countParameters(new Conv2d(3, 16, 3)) - countParameters(new Conv2d(3, 16, 3)),
    asDense: countParameters(new Linear(3 * 224 * 224, 16)) - countParameters(new Linear(3 * 32 * 32, 16)),
  },
};
