import { CONVENTIONS, decoderPartOf, type Family } from './family.ts';
import { deepseekModel, LATENT_LORA_TARGETS } from './deepseek-v3.ts';

/** DeepSeek-V2 and V2-Lite (`q_lora_rank` null: a full-rank `q_proj`): DeepSeek-V3's layout with a Linear router. */
export const deepseekV2: Family = {
  modelTypes: ['deepseek_v2'],
  name: 'DeepSeek-V2',
  build: (read) => deepseekModel(read, 'v2'),
  partOf: decoderPartOf,
  loraTargets: ['q_proj', ...LATENT_LORA_TARGETS],
  attention: ['latent'],
  active: CONVENTIONS.deepseek,
};
