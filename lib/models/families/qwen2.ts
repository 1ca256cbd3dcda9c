import { llamaLike } from './llama.ts';
import { CONVENTIONS } from './family.ts';

/** Qwen2 and Qwen2.5: biases on the query, key and value projections, always. */
export const qwen2 = llamaLike({
  modelType: 'qwen2', name: 'Qwen2', qkvBias: true, outputBias: false, mlpBias: false, qkNorm: false,
  tieWordEmbeddings: false, sliding: 'from max_window_layers', active: CONVENTIONS.qwen,
});
