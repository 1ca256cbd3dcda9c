import { llamaLike } from './llama.ts';
import { CONVENTIONS } from './family.ts';

/** Qwen3 (dense): an RMSNorm over each query and key head (`q_norm`, `k_norm`), biases by `attention_bias`. */
export const qwen3 = llamaLike({
  modelType: 'qwen3', name: 'Qwen3', qkvBias: 'attention_bias', outputBias: 'attention_bias', mlpBias: false, qkNorm: true,
  tieWordEmbeddings: false, sliding: 'from max_window_layers', active: CONVENTIONS.qwen,
});
