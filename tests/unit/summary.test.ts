// summary() against golden tables whose rows come from forward hooks on the real PyTorch models
// (tests/fixtures/pytorch-summary.json; torchinfo's own tables are in summary-torchinfo.test.ts),
// and what it shows beyond torchinfo: formulas, tied weights, attention, FLOPs, dtypes.
import {
  GPT2,
  LeNet5,
  Linear,
  Module,
  MultiheadAttention,
  ReLU,
  resnet18,
  Sequential,
  type Shape,
  SimpleNN,
  summary,
  TransformerEncoder,
  TransformerEncoderLayer,
} from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-summary.json';
import { resnet18FirstThirtyFrozen } from '../support/pytorch-twins.ts';

const builders: Record<keyof typeof pytorch.summaries, () => Module> = {
  simpleNN: () => new SimpleNN(3, 5, 2),
  lenet5: () => new LeNet5(),
  resnet18,
  resnet18FirstThirtyFrozen,
  resnet18Depth1: resnet18,
};

describe('summary golden files', () => {
  it.each(Object.entries(pytorch.summaries))('prints %s exactly as the table built from PyTorch', (name, golden) => {
    const model = builders[name as keyof typeof builders]();
    const depth = 'depth' in golden ? golden.depth : undefined;
    expect(String(summary(model, { inputSize: golden.inputShape, depth }))).toBe(golden.table);
  });

  it("draws torchinfo's header and 90-character dividers", () => {
    const lines = String(summary(new SimpleNN(3, 5, 2), { inputSize: [1, 3] })).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '='.repeat(90),
      'Layer (type:depth-idx)                   Output Shape              Param #',
      '='.repeat(90),
      'SimpleNN                                 [1, 2]                    --',
    ]);
  });
});

describe('summary', () => {
  it('lists each call in order with its depth, index, output shape and count', () => {
    const { rows } = summary(new SimpleNN(3, 5, 2), { inputSize: [4, 3] });
    expect(rows.map((r) => [r.className, r.depth, r.depthIndex, r.outputShape, r.params])).toEqual([
      ['SimpleNN', 0, 1, [4, 2], 32],
      ['Linear', 1, 1, [4, 5], 20],
      ['ReLU', 1, 2, [4, 5], 0],
      ['Linear', 1, 3, [4, 2], 12],
    ]);
  });

  it('counts a tied weight once in its totals, as parameters() does', () => {
    const result = summary(new GPT2(), { inputSize: [1, 1024], depth: 1 });
    expect(result.totalParams).toBe(124_439_808);
    expect(String(result)).toContain('Total params: 124,439,808');
  });

  it('summarises GPT-2 small from shapes alone, without allocating its weights', () => {
    const before = process.memoryUsage().arrayBuffers;
    const result = summary(new GPT2(), { inputSize: [1, 1024] });
    expect(result.rows.at(-1)!.outputShape).toEqual([1, 1024, 50257]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });

  it('marks a layer called a second time "(recursive)" and counts it once', () => {
    const shared = new Linear(3, 3);
    const text = String(summary(new Sequential(shared, new ReLU(), shared), { inputSize: [1, 3] }));
    expect(text).toContain('├─Linear: 1-1                            [1, 3]                    12');
    expect(text).toContain('├─Linear: 1-3                            [1, 3]                    (recursive)');
    expect(text).toContain('Total params: 12');
  });

  it('draws a module whose shape pass returns nothing with `--` instead of failing', () => {
    class Forgetful extends Module {
      hidden = new Linear(3, 5);
      forward(): never {
        throw new Error('unused');
      }
      override outputShape(x: Shape): Shape {
        this.hidden.callShape(x);
        return undefined as unknown as Shape;
      }
    }
    const lines = String(summary(new Forgetful(), { inputSize: [1, 3], colNames: ['output_size', 'num_params', 'mult_adds'] })).split('\n');
    expect(lines[3]).toBe('Forgetful                                --                        --                        --');
    expect(lines[4]).toBe('├─Linear: 1-1                            [1, 5]                    20                        20');
  });

  it('says which module cannot infer its shape', () => {
    class Opaque extends Module {
      forward(): never {
        throw new Error('unused');
      }
    }
    expect(() => summary(new Opaque(), { inputSize: [1] })).toThrow('Opaque does not define outputShape');
  });
});

// The Param # column as numbers: `--`, `(recursive)` and `shared with …` count nothing.
const paramColumn = (model: Module, inputSize: Shape | Shape[], depth = 10) => {
  const table = summary(model, { inputSize, depth });
  return table.shownRows.map((row) => Number(table.cells(row).num_params.replace(/[(),]/g, '')) || 0);
};

// Evaluates `16 · 6 · 5 · 5 + 16 = 2,416` from its left side, so the written sum is checked too.
const evaluate = (formula: string) =>
  formula
    .split(' = ')[0]!
    .split(' + ')
    .reduce((sum, term) => sum + term.split(' · ').reduce((product, n) => product * Number(n.replace(/,/g, '')), 1), 0);

describe('what summary() shows beyond torchinfo', () => {
  it('writes each count as its formula with the numbers plugged in', () => {
    const lenet = summary(new LeNet5(), { inputSize: [1, 1, 32, 32], colNames: ['formula'] });
    const conv2 = lenet.rows.find((r) => r.className === 'Conv2d' && r.depthIndex === 4)!;
    expect(lenet.cells(conv2).formula).toBe('16 · 6 · 5 · 5 + 16 = 2,416');
    const gpt2 = summary(new GPT2(), { inputSize: [1, 1024], depth: 2 });
    const cells = gpt2.shownRows.map((r) => gpt2.cells(r).formula);
    expect(cells).toContain('2 · 768 = 1,536');
    expect(cells).toContain('12 · 7,087,872 = 85,054,464');
  });

  it.each([
    ['LeNet-5', () => new LeNet5(), [1, 1, 32, 32]],
    ['ResNet-18', resnet18, [1, 3, 64, 64]],
    ['GPT-2', () => new GPT2(), [1, 8]],
  ] as const)("has a formula on every row of %s that adds up to the row's count", (_name, build, inputSize) => {
    const { rows } = summary(build(), { inputSize: [...inputSize] });
    const counted = rows.filter((r) => r.params > 0);
    expect(counted.length).toBeGreaterThan(5);
    for (const row of counted) expect(evaluate(row.formula)).toBe(row.params);
  });

  it("attributes GPT-2's tied output layer to the token embedding instead of counting it again", () => {
    const table = summary(new GPT2(), { inputSize: [1, 1024], depth: 1 });
    const head = table.rows.find((r) => r.varName === 'lm_head')!;
    expect(head.sharedWith).toBe('transformer.wte');
    expect(String(table)).toMatch(/\n├─Linear: 1-2 +\[1, 1024, 50257\] +shared with transformer\.wte\n/);
  });

  it.each([
    ['GPT-2 (a tied weight)', () => new GPT2(), [1, 16]],
    ['a Linear called twice', () => ((l) => new Sequential(l, new ReLU(), l))(new Linear(3, 3)), [1, 3]],
    ['a Transformer encoder', () => new TransformerEncoder(new TransformerEncoderLayer(64, 4, { dimFeedforward: 128 }), 2), [10, 1, 64]],
  ] as const)('never adds up to more than Total params in its Param # column: %s', (_name, build, inputSize) => {
    const model = build();
    const column = paramColumn(model, [...inputSize]);
    expect(column.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(summary(model, { inputSize: [...inputSize] }).totalParams);
  });

  it("counts a Linear's multiply-adds at every position of a sequence, and GPT-2's attention products", () => {
    const table = summary(new GPT2(), { inputSize: [1, 1024], dtypes: ['int64'] });
    const linears = table.rows.filter((r) => r.className === 'Linear');
    expect(linears.every((r) => r.multAdds === r.params * 1024)).toBe(true);
    // QKᵀ and AV: 1 sequence · 12 heads · 1,024 queries · 1,024 keys · 64 numbers each, twice, in 12 blocks.
    expect(table.attentionMultAdds).toBe(12 * 2 * 12 * 1024 * 1024 * 64);
    expect(table.totalMultAdds).toBe(table.layerMultAdds + table.attentionMultAdds);
    expect(table.totalFlops).toBe(2 * table.totalMultAdds);
    expect(String(table)).toContain("  inside attention, which torchinfo leaves out (G): 19.33");
  });

  it("counts MultiheadAttention's projections and products, which run inside the module", () => {
    const attention = new MultiheadAttention(64, 4);
    const { rows, attentionMultAdds } = summary(attention, { inputSize: [10, 2, 64] });
    expect(rows[0]!.ownMultAddsFormulas).toEqual([
      'projections: 20 · 16,640 = 332,800',
      'QKᵀ and AV: 2 · 2 · 4 · 10 · 10 · 16 = 25,600',
    ]);
    expect(attentionMultAdds).toBe(20 * (4 * 64 * 64 + 4 * 64) + 2 * 2 * 10 * 10 * 64);
  });

  it('shows FLOPs beside mult-adds, two per multiply-add', () => {
    const table = summary(new SimpleNN(3, 5, 2), { inputSize: [4, 3], colNames: ['num_params', 'mult_adds', 'flops'] });
    const text = String(table);
    expect(text).toContain('├─Linear: 1-1                            20                        80                        160');
    expect(text).toContain('Total FLOPs, 2 per mult-add: 256');
  });

  it("sizes parameters and activations in the model's dtype and each input in its own", () => {
    const model = new SimpleNN(3, 5, 2);
    const half = summary(model, { inputSize: [[4, 3]], dtype: 'float16', dtypes: ['int64'] });
    expect(half.paramBytes).toBe(32 * 2);
    expect(half.inputBytes).toBe(4 * 3 * 8 + 56);
    expect(half.forwardBackwardBytes).toBe(2 * (4 * 5 + 4 * 2) * 2);
    expect(summary(new GPT2(), { inputSize: [1, 8], dtype: 'bfloat16' }).paramBytes).toBe(2 * 124_439_808);
  });

  it('names an unknown dtype or column', () => {
    const model = new SimpleNN(3, 5, 2);
    expect(() => summary(model, { inputSize: [1, 3], dtype: 'float8' as 'float16' })).toThrow('unknown dtype "float8"');
    expect(() => summary(model, { inputSize: [1, 3], colNames: ['params' as 'num_params'] })).toThrow('unknown column "params"');
  });

  it('hides recursive rows when asked', () => {
    const shared = new Linear(3, 3);
    const model = new Sequential(shared, new ReLU(), shared);
    const text = String(summary(model, { inputSize: [1, 3], rowSettings: ['depth', 'hide_recursive_layers'] }));
    expect(text).not.toContain('(recursive)');
    expect(text).toContain('├─ReLU: 1-2');
  });
});
