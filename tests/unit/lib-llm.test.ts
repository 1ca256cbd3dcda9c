// Language models from their config.json against PyTorch layouts of the Hugging Face modeling code
// (tests/fixtures/pytorch-llm.json, written by scripts/generate_llm_fixtures.py): every parameter
// name and shape, the totals, the active counts; then memory, KV cache and LoRA.
import {
  ConfigError,
  countActiveParameters,
  countParameters,
  freeze,
  kvCacheMemory,
  loraParameters,
  type Module,
  modelFromConfig,
  SUPPORTED_MODEL_TYPES,
  trainingMemory,
  weightMemory,
} from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-llm.json';

const fixtures = { ...pytorch.models, ...pytorch.extra };
const config = (name: keyof typeof pytorch.models) => pytorch.models[name].config as Record<string, unknown>;
const namesAndShapes = (model: Module) => [...model.namedParameters()].map(([name, p]) => [name, [...p.shape]]);

describe.each(Object.entries(fixtures))('%s', (_, expected) => {
  const model = modelFromConfig(expected.config as Record<string, unknown>);

  it('names and shapes every parameter as the Hugging Face layout does, in order', () => {
    expect(namesAndShapes(model)).toEqual(expected.parameters);
  });

  it('has as many parameters and as many active parameters as in PyTorch', () => {
    expect({ total: countParameters(model), active: countActiveParameters(model) }).toEqual({
      total: expected.total,
      active: expected.active,
    });
  });

  it('lists as many stateDict entries as PyTorch (a tied head under both names)', () => {
    expect(model.stateDict().size).toBe(expected.stateDictKeys);
  });
});

describe('modelFromConfig', () => {
  it('builds Mixtral 8x7B without allocating its 46.7 billion weights', () => {
    const before = process.memoryUsage().arrayBuffers;
    const mixtral = modelFromConfig(config('Mixtral-8x7B-v0.1'));
    expect(countParameters(mixtral)).toBe(pytorch.models['Mixtral-8x7B-v0.1'].total);
    // Allocated as float64, the weights would take 46,702,792,704 · 8 bytes ≈ 374 GB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });

  it('ties the output head to the token embedding when tie_word_embeddings is true', () => {
    const tied = modelFromConfig({ ...config('Llama-2-7B'), tie_word_embeddings: true });
    expect(countParameters(tied)).toBe(pytorch.models['Llama-2-7B'].total - 32000 * 4096);
  });

  it('sizes the logits from token ids alone', () => {
    expect(modelFromConfig(config('Llama-3-8B')).callShape([2, 16])).toEqual([2, 16, 128256]);
    expect(modelFromConfig(config('Mixtral-8x7B-v0.1')).callShape([1, 4])).toEqual([1, 4, 32000]);
    expect(modelFromConfig(config('GPT-2 medium')).callShape([1, 1024])).toEqual([1, 1024, 50257]);
    expect(modelFromConfig(config('BERT-base')).callShape([1, 128])).toEqual([1, 128, 768]);
  });

  const llama = config('Llama-2-7B');
  it.each([
    [{ ...llama, model_type: 'falcon' }, `model_type "falcon" is not supported; supported: ${SUPPORTED_MODEL_TYPES.join(', ')}`],
    [{ hidden_size: 8 }, 'no "model_type" is not supported; supported: llama'],
    [{ ...llama, hidden_size: undefined }, '(llama): "hidden_size" is missing; it must be a positive integer'],
    [{ ...llama, intermediate_size: 0 }, '(llama): "intermediate_size" must be a positive integer, got 0'],
    [{ ...llama, vocab_size: -5 }, '"vocab_size" must be a positive integer, got -5'],
    [{ ...llama, num_hidden_layers: 2.5 }, '"num_hidden_layers" must be a positive integer, got 2.5'],
    [{ ...llama, num_hidden_layers: '32' }, '"num_hidden_layers" must be a positive integer, got "32"'],
    [{ ...llama, num_attention_heads: 30 }, '"num_attention_heads" (30) must divide "hidden_size" (4096)'],
    [{ ...llama, num_key_value_heads: 5 }, '"num_key_value_heads" (5) must divide "num_attention_heads" (32)'],
    [{ ...llama, tie_word_embeddings: 'yes' }, '"tie_word_embeddings" must be true or false, got "yes"'],
    [{ ...config('Mixtral-8x7B-v0.1'), num_experts_per_tok: 9 }, '"num_experts_per_tok" (9) cannot exceed "num_local_experts" (8)'],
    [{ ...config('GPT-2 small'), n_head: 7 }, '(gpt2): "n_head" (7) must divide "n_embd" (768)'],
    [{ ...config('BERT-base'), type_vocab_size: undefined }, '(bert): "type_vocab_size" is missing'],
    [{ ...config('BERT-base'), position_embedding_type: 'relative_key' }, '"position_embedding_type" "relative_key" adds parameters this layout does not build; only "absolute" is supported'],
    [{ ...config('GPT-2 small'), add_cross_attention: true }, '(gpt2): "add_cross_attention" true adds parameters'],
  ])('rejects a bad config with a message that names the key and the value (%#)', (bad, message) => {
    expect(() => modelFromConfig(bad as Record<string, unknown>)).toThrow(message);
  });

  it('gives the problem as data too, for a page to say it in its own language', () => {
    const refusal = (bad: unknown) => {
      try {
        modelFromConfig(bad as Record<string, unknown>);
      } catch (error) {
        return error as ConfigError;
      }
      throw new Error('the config was accepted');
    };
    const divide = refusal({ ...llama, num_key_value_heads: 5 });
    expect(divide).toBeInstanceOf(ConfigError);
    expect(divide.modelType).toBe('llama');
    expect(divide.problem).toEqual({ problem: 'mustDivide', key: 'num_key_value_heads', value: 5, otherKey: 'num_attention_heads', other: 32 });
    expect(refusal([1]).problem).toEqual({ problem: 'notAnObject', got: '[1]' });
    expect(refusal({ ...llama, model_type: undefined }).problem).toEqual({ problem: 'unsupportedModelType', got: undefined, supported: SUPPORTED_MODEL_TYPES });
    expect(refusal({ ...llama, rms_norm_eps: -1 }).problem).toEqual({ problem: 'notPositiveNumber', key: 'rms_norm_eps', got: '-1' });
  });

  it('accepts head counts that do not divide the width when head_dim is given, as Qwen3 does', () => {
    expect(() => modelFromConfig({ ...llama, num_attention_heads: 30, num_key_value_heads: 30, head_dim: 128 })).not.toThrow();
  });
});

describe('countActiveParameters', () => {
  it('counts the router and two of eight experts per layer for Mixtral', () => {
    const mixtral = modelFromConfig(config('Mixtral-8x7B-v0.1'));
    const expert = 3 * 4096 * 14336;
    expect(countParameters(mixtral) - countActiveParameters(mixtral)).toBe(32 * 6 * expert);
  });

  it('equals countParameters for a dense model', () => {
    const llama = modelFromConfig(config('Llama-3-8B'));
    expect(countActiveParameters(llama)).toBe(countParameters(llama));
  });
});

describe('memory', () => {
  const llama2 = modelFromConfig(config('Llama-2-7B'));
  const n = pytorch.models['Llama-2-7B'].total;

  it('stores the weights in 4, 2, 2, 1 and ½ bytes per parameter', () => {
    const bytes = (['float32', 'bfloat16', 'float16', 'int8', 'int4'] as const).map((d) => weightMemory(llama2, d).bytes);
    expect(bytes).toEqual([4 * n, 2 * n, 2 * n, n, n / 2]);
    expect(weightMemory(llama2, 'int4').leavesOut).toContain('quantization scales and zero points');
    expect(weightMemory(llama2, 'bfloat16').leavesOut).toEqual(expect.arrayContaining(['activations', 'KV cache']));
  });

  it('trains with 8, 12, 16 and 16 bytes per parameter', () => {
    const perParameter = (['sgd', 'sgd-momentum', 'adam', 'adam-mixed-precision'] as const).map(
      (setup) => trainingMemory(llama2, setup).bytes / n,
    );
    expect(perParameter).toEqual([8, 12, 16, 16]);
    expect(trainingMemory(llama2, 'adam').leavesOut).toContain('activations');
  });

  it('gives frozen parameters no gradient and no optimizer state', () => {
    const model = modelFromConfig(config('GPT-2 small'));
    freeze(model);
    const adam = trainingMemory(model, 'adam');
    expect({ weights: adam.weights, rest: adam.gradients + adam.optimizerState }).toEqual({ weights: 4 * 124_439_808, rest: 0 });
  });

  it('caches 2 · layers · kv_heads · head_dim values per token, so grouped-query attention shows', () => {
    expect(kvCacheMemory(llama2, { tokens: 1 }).bytesPerToken).toBe(2 * 32 * 32 * 128 * 2);
    const llama3 = modelFromConfig(config('Llama-3-8B'));
    expect(kvCacheMemory(llama3, { tokens: 1 }).bytesPerToken).toBe(2 * 32 * 8 * 128 * 2);
    const gpt2 = modelFromConfig(config('GPT-2 small'));
    expect(kvCacheMemory(gpt2, { tokens: 1024, batch: 4, dtype: 'float32' }).bytes).toBe(2 * 12 * 768 * 4 * 1024 * 4);
  });

  it('refuses a KV cache for an encoder and a context of zero tokens', () => {
    expect(() => kvCacheMemory(modelFromConfig(config('BERT-base')), { tokens: 8 })).toThrow('BertModel has no decoder attention layers');
    expect(() => kvCacheMemory(llama2, { tokens: 0 })).toThrow('tokens must be a positive integer, got 0');
  });
});

describe('loraParameters', () => {
  it("counts PEFT's 4,194,304 trainable parameters for Llama-2-7B with r = 8 on q_proj and v_proj", () => {
    const lora = loraParameters(modelFromConfig(config('Llama-2-7B')), { r: 8, targetModules: ['q_proj', 'v_proj'] });
    expect(lora.trainable).toBe(4_194_304);
    expect(lora.adapted).toHaveLength(64);
    expect(lora.total).toBe(pytorch.models['Llama-2-7B'].total + 4_194_304);
    expect(lora.percentage).toBeCloseTo((100 * 4_194_304) / (6_738_415_616 + 4_194_304), 12);
  });

  it('adapts the narrower k_proj of grouped-query attention with fewer parameters', () => {
    const llama3 = modelFromConfig(config('Llama-3-8B'));
    const [k] = loraParameters(llama3, { r: 16, targetModules: ['k_proj'] }).adapted;
    expect(k).toEqual({ name: 'model.layers.0.self_attn.k_proj', inFeatures: 4096, outFeatures: 1024, parameters: 16 * (4096 + 1024) });
  });

  it("adapts GPT-2's transposed Conv1D projections", () => {
    const lora = loraParameters(modelFromConfig(config('GPT-2 small')), { r: 4, targetModules: ['c_attn'] });
    expect(lora.trainable).toBe(12 * 4 * (768 + 3 * 768));
  });

  it('says so when no layer matches', () => {
    expect(() => loraParameters(modelFromConfig(config('GPT-2 small')), { r: 8, targetModules: ['q_proj'] })).toThrow(
      'no Linear layer matches targetModules ["q_proj"]',
    );
  });
});
