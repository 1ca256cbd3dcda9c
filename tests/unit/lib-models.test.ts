// The named networks of lib/models against real PyTorch (tests/fixtures/pytorch-models.json):
// torchvision's LeNet-5-era classics, ResNets and MobileNetV2, a Transformer encoder and GPT-2.
import {
  AlexNet,
  countParameters,
  GPT2,
  kvCacheMemory,
  LeNet5,
  type Module,
  MobileNetV2,
  modelFromConfig,
  resnet18,
  resnet50,
  summary,
  TransformerEncoder,
  TransformerEncoderLayer,
  VGG,
} from 'lib';
import { describe, expect, it } from 'vitest';
import llm from '../fixtures/pytorch-llm.json';
import pytorch from '../fixtures/pytorch-models.json';
import { directCountsWithBuffers, numelOf, totalsOf } from '../support/fixture-counts.ts';
import { resnet18FirstThirtyFrozen } from '../support/pytorch-twins.ts';

const builders: Record<keyof typeof pytorch.models, () => Module> = {
  lenet5: () => new LeNet5(),
  alexnet: () => new AlexNet(),
  vgg16: () => new VGG(),
  resnet18,
  resnet18FirstThirtyFrozen,
  resnet50,
  mobilenetV2: () => new MobileNetV2(),
  transformerEncoder: () => new TransformerEncoder(new TransformerEncoderLayer(512, 8, { dimFeedforward: 2048 }), 6),
  gpt2: () => new GPT2(),
};

describe.each(Object.entries(pytorch.models))('%s', (name, expected) => {
  const model = builders[name as keyof typeof builders]();

  it('has exactly as many parameters, trainable parameters and buffer values as in PyTorch', () => {
    expect(totalsOf(model)).toEqual({ total: expected.total, trainable: expected.trainable, bufferTotal: expected.bufferTotal });
  });

  it('has the same modules, in the same order, each with the same direct count', () => {
    expect(directCountsWithBuffers(model)).toEqual(expected.modules);
  });

  it('names and shapes every parameter as PyTorch does', () => {
    expect([...model.namedParameters()].map(([n, p]) => [n, [...p.shape]])).toEqual(expected.parameters);
  });

  it('lists as many stateDict entries, holding as many numbers, as PyTorch', () => {
    const state = model.stateDict();
    expect({ keys: state.size, numel: numelOf(state.values()) }).toEqual({
      keys: expected.stateDictKeys,
      numel: expected.stateDictNumel,
    });
  });

  it(`infers the output shape ${JSON.stringify(expected.outputShape)} from the input shape alone`, () => {
    expect(model.callShape(expected.inputShape)).toEqual(expected.outputShape);
  });
});

describe('GPT-2 small', () => {
  it('has 124,439,808 parameters: its output head is its token embedding', () => {
    const gpt2 = new GPT2();
    const wte = gpt2.transformer.get('wte') as unknown as { weight: unknown };
    expect(gpt2.lm_head.weight).toBe(wte.weight);
    expect(countParameters(gpt2)).toBe(124_439_808);
    // state_dict lists the tied matrix under both names, so its naive sum counts 50,257 · 768 twice.
    expect(numelOf(gpt2.stateDict().values())).toBe(124_439_808 + 50_257 * 768);
  });

  it('is built and counted without allocating its weights', () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(countParameters(new GPT2())).toBe(124_439_808);
    // Allocated, the weights would take 124,439,808 · 8 bytes ≈ 1 GB of array buffers.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });

  describe("against Hugging Face's GPT-2 small (GPT2LMHeadModel, from its config.json)", () => {
    const huggingFace = modelFromConfig(llm.models['GPT-2 small'].config);
    const shapes = (model: Module) => [...model.stateDict()].map(([name, t]) => [name, [...t.shape]]);

    it("has its checkpoint's keys, the four Conv1D weights transposed, as nanoGPT's from_pretrained expects", () => {
      const conv1d = /\.(c_attn|c_proj|c_fc)\.weight$/;
      expect(shapes(new GPT2())).toEqual(
        shapes(huggingFace).map(([name, shape]) => [name, conv1d.test(name as string) ? [...(shape as number[])].reverse() : shape]),
      );
    });

    it('reports the same attention products and keeps the same KV cache: 2 · 12 layers · 768 values per token', () => {
      const [nano, hf] = [new GPT2(), huggingFace].map((model) => summary(model, { inputSize: [1, 1024] }).attentionMultAdds);
      expect(nano).toBeGreaterThan(0);
      expect(nano).toBe(hf);
      expect(kvCacheMemory(new GPT2(), { tokens: 1024 })).toEqual(kvCacheMemory(huggingFace, { tokens: 1024 }));
      expect(kvCacheMemory(new GPT2(), { tokens: 1, dtype: 'float32' }).bytesPerToken).toBe(2 * 12 * 768 * 4);
    });
  });
});
