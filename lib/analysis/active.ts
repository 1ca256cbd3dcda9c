import { embedsTokens, routesTokens } from '../capabilities.ts';
import { countParameters } from './count.ts';
import type { Module } from '../module.ts';

export interface ActiveOptions {
  /**
   * Count the input token embedding (default true). A token's embedding is a lookup of one row,
   * so DeepSeek, Kimi and OpenAI leave the matrix out of their active figures; Qwen and Meta
   * count it. When the head is tied to it, the head still multiplies by the whole matrix, so it stays.
   */
  inputEmbedding?: boolean;
  /** Count the output head (default true); GLM leaves out both the embedding and the head. */
  outputHead?: boolean;
}

/**
 * The parameters one token passes through: all of them (frozen ones too) for a dense model; for a
 * mixture of experts, the router and the topK experts a token is sent to in each layer, not the
 * experts it skips. Mixtral 8x7B: 46.7 billion in total, 12.9 billion active.
 */
export function countActiveParameters(model: Module, { inputEmbedding = true, outputHead = true }: ActiveOptions = {}): number {
  let skipped = 0;
  for (const module of model.modules()) {
    if (routesTokens(module)) skipped += module.inactiveParameters();
  }
  if (!inputEmbedding || !outputHead) {
    if (!embedsTokens(model)) throw new RangeError(`countActiveParameters: ${model.constructor.name} has no token embedding and output head to leave out`);
    const embedding = model.tokenEmbedding();
    const head = model.outputHead();
    const tied = embedding === head;
    if (!outputHead) skipped += head.numel();
    if (!inputEmbedding && !tied) skipped += embedding.numel();
  }
  return countParameters(model, { trainableOnly: false }) - skipped;
}
