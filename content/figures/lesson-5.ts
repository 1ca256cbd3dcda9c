// Lesson 5's figures, computed by the library: both languages' pages and
// tests/unit/lesson5-claims.test.ts import them, so a number cannot differ between the pages.
import { BatchNorm2d, Conv2d, countParameters, GPT2, Linear, modelFromConfig, resnet18, SimpleNN, summary } from 'lib';
import { presetById } from '../../src/count/presets.ts';

const numel = (tensors: Iterable<{ numel(): number }>) => [...tensors].reduce((sum, t) => sum + t.numel(), 0);

/** The columns of the page's summary tables; `formula` and `flops` are the library's own. */
export const columns = ['output_size', 'num_params', 'formula', 'mult_adds', 'flops'];
/** The context the page sizes GPT-2's table for. */
export const TOKENS = 1024;

/** GPT-2 small, as the page's tables and its ParamCount show it. */
export const gpt2 = new GPT2();
/** GPT-2 small from its config.json, so the page's map sorts its tensors by the family record's parts. */
export const gpt2Map = modelFromConfig({ ...presetById('gpt2')!.config });
const gpt2Summary = summary(gpt2, { inputSize: [1, TOKENS], dtypes: ['int64'] });
const linears = [...gpt2.modules()].filter((m): m is Linear => m instanceof Linear);
const d = 768;

export const gpt2Figures = {
  total: countParameters(gpt2),
  /** Every tensor of stateDict() added up: the tied head counted twice. */
  stateDictSum: numel(gpt2.stateDict().values()),
  /** One multiply-add per weight and bias of every Linear, for each of the 1,024 tokens. */
  linearMultAdds: gpt2Summary.rows.filter((row) => row.className === 'Linear').reduce((sum, row) => sum + row.multAdds, 0),
  /** The weights and biases of every Linear, the tied head included: what each token is multiplied by. */
  linearParameters: numel(linears.flatMap((m) => [...m.parameters()])),
  attentionMultAdds: gpt2Summary.attentionMultAdds,
  totalMultAdds: gpt2Summary.totalMultAdds,
  totalFlops: gpt2Summary.totalFlops,
  /** QKᵀ and the weights times V, per token and block at the full context: 2 · T · d. */
  attentionPerTokenAndBlock: 2 * TOKENS * d,
  blocks: 12,
};

/** The worked example: GPT-2's first MLP layer, Linear(768, 3,072), one token and then 1,024. */
const fc = new Linear(d, 4 * d);
export const linearExample = {
  parameters: countParameters(fc),
  perToken: summary(fc, { inputSize: [1, 1, d] }).totalMultAdds,
  perContext: summary(fc, { inputSize: [1, TOKENS, d] }).totalMultAdds,
};

export const resnetBuffers = numel(resnet18().buffers());

const bn64 = new BatchNorm2d(64);
const blockBiases = numel(linears.flatMap((m) => (m.bias ? [m.bias] : [])));

/** The counts of the page's exercises: the right one and the classic wrong ones. */
export const exercises = {
  conv6165: {
    right: countParameters(new Conv2d(6, 16, 5)),
    weightsOnly: countParameters(new Conv2d(6, 16, 5, { bias: false })),
    oneChannel: countParameters(new Conv2d(1, 16, 5)),
  },
  bn64: { right: countParameters(bn64), withBuffers: countParameters(bn64) + numel(bn64.buffers()), scaleOnly: bn64.numFeatures },
  gpt2: {
    right: gpt2Figures.total,
    tiedTwice: gpt2Figures.stateDictSum,
    noBiases: gpt2Figures.total - blockBiases,
    noEmbeddings: gpt2Figures.total - numel(gpt2.transformer.get('wte').parameters()) - numel(gpt2.transformer.get('wpe').parameters()),
  },
  /** Why: the same weights work on every token, so the work grows with the tokens, the count does not. */
  linearTokens: {
    right: linearExample.perContext,
    oneToken: linearExample.perToken,
    flops: 2 * linearExample.perContext,
  },
};

/** SimpleNN(3, 5, 2) for one sample: a multiply-add per weight and bias, as many as its parameters. */
export const simpleNNMultAdds = summary(new SimpleNN(3, 5, 2), { inputSize: [1, 3] }).totalMultAdds;
