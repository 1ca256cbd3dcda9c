// Lesson 5's figures come from content/figures/lesson-5.ts, which both languages' pages import.
// These tests check them against the hand counts and rules the page states, and against the
// counts real PyTorch gives (tests/fixtures/pytorch-models.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises, gpt2Figures, linearExample, resnetBuffers, simpleNNMultAdds, TOKENS } from '../../content/figures/lesson-5.ts';
import pytorch from '../fixtures/pytorch-models.json' with { type: 'json' };

const page = (path: string) => readFileSync(new URL(`../../content/docs/${path}`, import.meta.url), 'utf8');
const pages = [page('lessons/05-counting-real-networks.mdx'), page('zh-cn/lessons/05-counting-real-networks.mdx')];
/** The page without its code blocks: the prose and the components' props. */
const prose = (text: string) => text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
const d = 768;

describe('lesson 5 in numbers', () => {
  it('reads every figure from the one module in both languages', () => {
    for (const text of pages) {
      expect(text).toContain("from '/content/figures/lesson-5.ts'");
      expect(prose(text)).not.toMatch(/countParameters\(|numel\(|summary\(gpt2/);
    }
  });

  it("counts GPT-2 small as PyTorch does, and the state dict's famous wrong sum", () => {
    const fromPyTorch = pytorch.models.gpt2;
    expect(gpt2Figures.total).toBe(fromPyTorch.total);
    expect(gpt2Figures.stateDictSum).toBe(fromPyTorch.stateDictNumel);
    expect(gpt2Figures.stateDictSum - gpt2Figures.total).toBe(50257 * d);
    expect(exercises.gpt2.tiedTwice).toBe(163_037_184);
  });

  it('works the Linear(768, 3,072) example through: one multiply-add per parameter per token', () => {
    expect(linearExample.perToken).toBe(3072 * (768 + 1));
    expect(linearExample.perToken).toBe(linearExample.parameters);
    expect(linearExample.perContext).toBe(TOKENS * linearExample.perToken);
    expect(exercises.linearTokens.flops).toBe(2 * exercises.linearTokens.right);
  });

  it("gives GPT-2 almost one multiply-add per parameter per token, and attention 2 · T · d per block", () => {
    expect(gpt2Figures.linearMultAdds).toBe(TOKENS * gpt2Figures.linearParameters);
    expect(gpt2Figures.linearParameters / gpt2Figures.total).toBeGreaterThan(0.99);
    expect(gpt2Figures.linearParameters).toBeLessThan(gpt2Figures.total);
    expect(gpt2Figures.attentionMultAdds).toBe(TOKENS * gpt2Figures.blocks * gpt2Figures.attentionPerTokenAndBlock);
    expect(gpt2Figures.totalFlops).toBe(2 * gpt2Figures.totalMultAdds);
  });

  it('gives SimpleNN(3, 5, 2) one multiply-add per parameter, and ResNet-18 2c + 1 buffer values per BatchNorm', () => {
    expect(simpleNNMultAdds).toBe(32);
    const widths = [64, 64, 64, 64, 64, 128, 128, 128, 128, 128, 256, 256, 256, 256, 256, 512, 512, 512, 512, 512];
    expect(resnetBuffers).toBe(widths.reduce((sum, c) => sum + 2 * c + 1, 0));
  });

  it("names torchinfo's own columns, among which are no formula and no flops", () => {
    for (const text of pages) {
      for (const column of ['input_size', 'output_size', 'num_params', 'params_percent', 'kernel_size', 'groups', 'mult_adds', 'trainable']) {
        expect(text).toContain(`\`${column}\``);
      }
    }
  });
});
