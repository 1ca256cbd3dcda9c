// summary() against golden tables: rows from forward hooks on the real PyTorch models
// (tests/fixtures/pytorch-summary.json) and lines published in torchinfo's own test outputs.
import { GPT2, LeNet5, Linear, Module, ReLU, resnet18, Sequential, SimpleNN, summary } from 'lib';
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

  it("matches torchinfo's published rows and totals for ResNet-18 with its first 30 tensors frozen", () => {
    // From torchinfo's tests/test_output/frozen_layers.out (input 1×3×64×64, depth 3).
    const published = [
      '├─Conv2d: 1-1                            [1, 64, 32, 32]           (9,408)',
      '│    │    └─Sequential: 3-18             [1, 128, 8, 8]            (8,448)',
      '│    │    └─ReLU: 3-19                   [1, 128, 8, 8]            --',
      '│    │    └─Sequential: 3-44             [1, 512, 2, 2]            132,096',
      'Total params: 11,689,512',
      'Trainable params: 11,006,440',
      'Non-trainable params: 683,072',
      'Total mult-adds (M): 148.57',
      'Input size (MB): 0.05',
      'Forward/backward pass size (MB): 3.25',
      'Params size (MB): 46.76',
      'Estimated Total Size (MB): 50.06',
    ];
    const lines = String(summary(resnet18FirstThirtyFrozen(), { inputSize: [1, 3, 64, 64] })).split('\n');
    for (const line of published) expect(lines).toContain(line);
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

  it('says which module cannot infer its shape', () => {
    class Opaque extends Module {
      forward(): never {
        throw new Error('unused');
      }
    }
    expect(() => summary(new Opaque(), { inputSize: [1] })).toThrow('Opaque does not define outputShape');
  });
});
