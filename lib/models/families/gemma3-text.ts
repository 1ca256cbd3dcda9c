import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';
import { GEMMA_LORA_TARGETS, gemmaModel } from './gemma2.ts';

/** Gemma 3's language model (`gemma3_text`; inside a `gemma3` config as its `text_config`). */
export const gemma3Text: Family = {
  modelTypes: ['gemma3_text'],
  name: 'Gemma 3',
  build: (read) => gemmaModel(read, { qkNorm: true, pattern: read.sizeOr('sliding_window_pattern', () => 6) }),
  partOf: decoderPartOf,
  loraTargets: GEMMA_LORA_TARGETS,
  attention: ['full', 'sliding'],
  active: CONVENTIONS.google,
};
