// Lesson 4's prose states what its cells show: the loss drops to practically 0, the degree-5
// polynomial memorises its points, the remedies buy a much lower validation loss. These tests run
// the page's cells as the kernel does and check each claim against the numbers they print.
import { beforeAll, describe, expect, it } from 'vitest';
import { exercises, sweep } from '../../content/figures/lesson-4.ts';
import { createNodeKernel } from '../../src/notebook/runtime/run-in-node.ts';
import { lessonPages } from '../support/lessons.ts';

const PAGES = ['lessons/04-where-overfitting-comes-from.mdx', 'zh-cn/lessons/04-where-overfitting-comes-from.mdx'];

/** The numbers of each printed line, in order ("step 500: loss 0.00012" → [500, 0.00012]). */
const numbersOf = (line: string) => [...line.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => Number(m[0]));

describe.each(PAGES)('%s', (file) => {
  let outputs: string[][] = [];

  beforeAll(async () => {
    const page = lessonPages().find((p) => p.file === file)!;
    const kernel = createNodeKernel();
    outputs = [];
    for (const [index, source] of page.cells.entries()) {
      const result = await kernel.run(`cell-${index + 1}.ts`, source);
      if (result.error) throw new Error(`cell ${index + 1}: ${result.error.message}`);
      outputs.push(result.outputs.flatMap((line) => line.text.split('\n')));
    }
  }, 120_000);

  // The cells, in page order: 2 trains SimpleNN, 4 fits the six points, 5 trains the lab's model,
  // the last one tries the remedies. A row's columns are its numbers away from its name, which the
  // English tables print first and the Chinese ones last (a CJK character is two columns wide).
  const nameFirst = !file.startsWith('zh-cn/');
  const table = (cell: number, width: number) =>
    outputs[cell - 1]
      .slice(1)
      .map((line) => (nameFirst ? numbersOf(line).slice(-width) : numbersOf(line).slice(0, width)))
      .filter((row) => row.length === width);

  it('trains SimpleNN on the 16 target numbers until the loss is practically 0', () => {
    const losses = table(2, 2); // step, loss
    expect(losses.map(([step]) => step)).toEqual([100, 200, 300, 400, 500]);
    const [firstLoss, finalLoss] = [losses[0][1], losses.at(-1)![1]];
    expect(finalLoss).toBeLessThan(1e-3);
    expect(finalLoss).toBeLessThan(firstLoss);
  });

  it('lets the degree-5 polynomial memorise its points and miss the validation points and x = 6', () => {
    // knobs, train error, validation error, prediction at 6
    const [average, line, polynomial, network] = table(4, 4);
    expect([average[0], line[0], polynomial[0], network[0]]).toEqual([1, 2, 6, 32]);
    expect(polynomial[1]).toBe(0);
    expect(polynomial[2]).toBeGreaterThan(3 * line[2]);
    expect(polynomial[3]).toBeLessThan(0);
    expect(average[1]).toBeGreaterThan(line[1]);
  });

  it('fits the six points practically exactly with the 32-parameter network, which still validates better than the line', () => {
    const [, line, polynomial, network] = table(4, 4);
    expect(network[1]).toBeLessThan(1e-3);
    expect(network[2]).toBeLessThan(line[2]);
    expect(network[2]).toBeLessThan(polynomial[2]);
  });

  it('gives the widest lab network the lowest training loss and the highest validation loss', () => {
    const rows = table(5, 3); // parameters, training loss, validation loss
    expect(rows.map(([parameters]) => parameters)).toEqual([13, 32, 61, 1153]);
    const widest = rows[3];
    for (const other of rows.slice(0, 3)) {
      expect(widest[1]).toBeLessThan(other[1]);
      expect(widest[2]).toBeGreaterThan(other[2]);
    }
  });

  it('buys a much lower validation loss with each remedy, at a little training loss', () => {
    const remedies = table(outputs.length, 3);
    const [nothing, ...helped] = remedies;
    expect(helped).toHaveLength(3);
    for (const [, train, validation] of helped) {
      expect(train).toBeGreaterThan(nothing[1]);
      expect(validation).toBeLessThan(nothing[2] / 2);
    }
  });
});

describe("the lab's interpolation threshold, as lesson 4 states it", () => {
  it('is far beyond as many parameters as points: the first width to fit its 12 points has 1,153', () => {
    expect(sweep.threshold).toMatchObject({ width: 32, parameters: 1153 });
    expect(sweep.threshold.train).toBeLessThan(sweep.tolerance);
    expect(sweep.ruleOfThumb.parameters).toBe(13);
    expect(sweep.ruleOfThumb.train).toBeGreaterThan(10 * sweep.tolerance);
  });

  it("still leaves the training loss well above the tolerance at 97 parameters and at width 24", () => {
    expect(sweep.width8.parameters).toBe(97);
    expect(sweep.width8.train.toFixed(4)).toBe('0.0116');
    expect(sweep.lastUnfit.width).toBe(24);
    expect(sweep.lastUnfit.train).toBeGreaterThan(5 * sweep.tolerance);
  });

  it('finds the validation loss peaking at the threshold, as the page says', () => {
    expect(sweep.validationPeak.width).toBe(sweep.threshold.width);
  });

  it("asks for the threshold's count, and names the rule of thumb's as the wrong one", () => {
    expect(exercises.threshold.right).toBe(sweep.threshold.parameters);
    expect(exercises.threshold.ruleOfThumb).not.toBe(exercises.threshold.right);
  });
});
