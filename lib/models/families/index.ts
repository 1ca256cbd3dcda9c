// Every family modelFromConfig builds, by `model_type`. A new family is a file beside this one and
// a line here (and its fixture in tests/fixtures/pytorch-llm-2026.json).
import { bert } from './bert.ts';
import { deepseekV2 } from './deepseek-v2.ts';
import { deepseekV3 } from './deepseek-v3.ts';
import type { Family } from './family.ts';
import { gemma2 } from './gemma2.ts';
import { gemma3Text } from './gemma3-text.ts';
import { glm4Moe } from './glm4-moe.ts';
import { gpt2 } from './gpt2.ts';
import { gptOss } from './gpt-oss.ts';
import { llama } from './llama.ts';
import { llama4Text } from './llama4-text.ts';
import { mistral } from './mistral.ts';
import { mixtral } from './mixtral.ts';
import { olmo2 } from './olmo2.ts';
import { phi3 } from './phi3.ts';
import { qwen2 } from './qwen2.ts';
import { qwen3 } from './qwen3.ts';
import { qwen3Moe } from './qwen3-moe.ts';
import { qwen3Next } from './qwen3-next.ts';

export const FAMILIES: readonly Family[] = [
  llama, mistral, qwen2, qwen3, mixtral, gpt2, bert,
  deepseekV3, deepseekV2, qwen3Moe, gptOss, gemma2, gemma3Text, phi3, llama4Text, glm4Moe, olmo2, qwen3Next,
];

const BY_MODEL_TYPE = new Map(FAMILIES.flatMap((family) => family.modelTypes.map((type) => [type, family] as const)));

/** The family of a `model_type`, or undefined. */
export const familyOf = (modelType: string): Family | undefined => BY_MODEL_TYPE.get(modelType);

/**
 * Multimodal configs whose language model is under `text_config`, and the language model's
 * `model_type` when the text config does not say it.
 */
export const MULTIMODAL: Readonly<Record<string, string>> = {
  gemma3: 'gemma3_text',
  llama4: 'llama4_text',
  mistral3: 'mistral',
};
