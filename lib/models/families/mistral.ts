import { llamaLike } from './llama.ts';
import { CONVENTIONS } from './family.ts';

/** Mistral: Llama's layout without biases, every layer within `sliding_window` when the config sets one (v0.1: 4096). */
export const mistral = llamaLike({
  modelType: 'mistral', name: 'Mistral', qkvBias: false, outputBias: false, mlpBias: false, qkNorm: false,
  tieWordEmbeddings: false, sliding: 'all', active: CONVENTIONS.mistral,
});
