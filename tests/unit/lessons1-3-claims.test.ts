// Lessons 1-3 state figures in their prose and check counts in their exercises: both languages read
// them from content/figures/lesson-N.ts. These tests hold each figure to what it claims, and run
// the cells whose printout the prose describes (lesson 1's gradient step, lesson 3's Adam by hand).
import { Conv2d, countParameters, Linear } from 'lib';
import { describe, expect, it } from 'vitest';
import { exercises as lesson1 } from '../../content/figures/lesson-1.ts';
import { exercises as lesson2 } from '../../content/figures/lesson-2.ts';
import { exercises as lesson3 } from '../../content/figures/lesson-3.ts';
import { createNodeKernel } from '../../src/notebook/runtime/run-in-node.ts';
import { lessonPages } from '../support/lessons.ts';

/** Every line a page's cells print, cell by cell, run in page order as the kernel runs them. */
async function printed(file: string): Promise<string[][]> {
  const page = lessonPages().find((p) => p.file === file)!;
  const kernel = createNodeKernel();
  const outputs: string[][] = [];
  for (const [index, source] of page.cells.entries()) {
    const result = await kernel.run(`cell-${index + 1}.ts`, source);
    if (result.error) throw new Error(`${file}, cell ${index + 1}: ${result.error.message}`);
    outputs.push(result.outputs.flatMap((line) => line.text.split('\n')));
  }
  return outputs;
}
const lineWith = (outputs: string[][], text: string) => outputs.flat().find((line) => line.includes(text));

describe('lesson 1', () => {
  it('counts SimpleNN(4, 3, 1) and a 5-input neuron, and the slips the exercises name', () => {
    expect(lesson1.simpleNN431).toEqual({ right: 19, weightsOnly: 15, inputLayerCounted: 19 + 20 });
    expect(lesson1.neuron5).toEqual({ right: 6, noBias: 5, inputsCounted: 11 });
  });

  it('collapses SimpleNN without its ReLU into one Linear(3, 2) of 8 numbers, against 32 stored', () => {
    expect(lesson1.withoutReLU).toEqual({ right: 2 * 3 + 2, stored: 32, weightsOnly: 6 });
  });

  it.each(['lessons/01-what-are-parameters.mdx', 'zh-cn/lessons/01-what-are-parameters.mdx'])(
    '%s: one gradient-descent step lowers the loss, with one gradient number per parameter',
    async (file) => {
      const outputs = await printed(file);
      expect(lineWith(outputs, 'true')).toMatch(/(lowered the loss|降低了损失)/);
      expect(lineWith(outputs, file.startsWith('zh') ? '梯度值的个数' : 'gradient numbers')).toMatch(/ 32$/);
    },
    60_000,
  );
});

describe('lesson 2', () => {
  it("needs no more parameters for a larger image, while a dense layer's grow with every pixel", () => {
    expect(lesson2.largerImage.right).toBe(0);
    expect(lesson2.largerImage.asDense).toBe(16 * 3 * (224 * 224 - 32 * 32));
    expect(lesson2.conv3163.right).toBe(countParameters(new Conv2d(3, 16, 3)));
  });
});

describe('lesson 3', () => {
  it('saves a gradient and two Adam moments per frozen number, 20 · 3, not the 20 numbers themselves', () => {
    const frozen = countParameters(new Linear(3, 5));
    expect(lesson3.freezingSaves).toEqual({ right: 3 * frozen, noGradient: 2 * frozen, weightsToo: 4 * frozen, gradientOnly: frozen });
    expect(lesson3.frozen).toEqual({ right: 12, all: 32, frozenPart: 20 });
  });

  it.each(['lessons/03-counting-with-built-ins.mdx', 'zh-cn/lessons/03-counting-with-built-ins.mdx'])(
    '%s: Adam by hand matches the library, keeps 64 numbers and moves all 32 parameters by lr on its first step',
    async (file) => {
      const outputs = await printed(file);
      const zh = file.startsWith('zh');
      expect(lineWith(outputs, zh ? '手算与 Adam' : 'by hand and by Adam')).toMatch(zh ? /小于 1e-12$/ : /less than 1e-12$/);
      expect(lineWith(outputs, zh ? 'Adam 的状态' : "Adam's state")).toMatch(zh ? /8 个张量，64 个数$/ : /8 tensors, 64 numbers$/);
      expect(lineWith(outputs, zh ? '第一步移动了 lr' : 'first step moved by lr')).toMatch(/ 32$/);
    },
    60_000,
  );
});
