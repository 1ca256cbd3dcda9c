// Memory by attention kind, weight format, activations, fine-tuning and fit: each formula checked
// on a worked example computed by hand here, with its source.
import {
  countParameters,
  fineTuningMemory,
  GIB,
  inferenceFit,
  type KVCacheSpec,
  kvCacheMemory,
  layerActivationBytes,
  Linear,
  Module,
  ModuleList,
  modelFromConfig,
  Parameter,
  parseMemorySize,
  Sequential,
  trainingActivationBytes,
  type TransformerDims,
  transformerDims,
  weightFormatMemory,
} from 'lib';
import { describe, expect, it } from 'vitest';

/** An attention layer that keeps what `spec` says, and nothing else: it is sized, never run. */
class Caching extends Module {
  constructor(private readonly spec: KVCacheSpec) {
    super();
  }
  kvCache(): KVCacheSpec {
    return this.spec;
  }
  forward(): never {
    throw new Error('Caching is only sized');
  }
}
const stack = (...specs: KVCacheSpec[]) => new ModuleList(specs.map((spec) => new Caching(spec)));
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

const LLAMA_7B = { hidden_size: 4096, num_attention_heads: 32, num_hidden_layers: 32, rms_norm_eps: 1e-5, tie_word_embeddings: false, vocab_size: 32000 };
const mistral = (extra: Record<string, unknown>) =>
  modelFromConfig({ ...LLAMA_7B, model_type: 'mistral', intermediate_size: 14336, num_key_value_heads: 8, ...extra });

describe('the KV cache by attention kind', () => {
  it('keeps Mistral-7B-v0.1 (a 4,096-token window) 8× smaller at 32,768 tokens than full attention would', () => {
    // 2 · 32 layers · 8 kv heads · 128 · 2 bytes = 131,072 bytes per token.
    const perToken = 2 * 32 * 8 * 128 * 2;
    const sliding = kvCacheMemory(mistral({ sliding_window: 4096 }), { tokens: 32768 });
    const full = kvCacheMemory(mistral({ sliding_window: null }), { tokens: 32768 });
    expect(sliding.bytesPerToken).toBe(perToken);
    expect(sliding.bytes).toBe(perToken * 4096);
    expect(full.bytes).toBe(perToken * 32768);
    expect(full.bytes / sliding.bytes).toBe(8);
    expect(sliding.allFullBytes).toBe(full.bytes);
    expect(sliding.groups).toMatchObject([{ kind: 'sliding', layers: 32, window: 4096, tokensKept: 4096 }]);
  });

  it('keeps every token while the context is shorter than the window', () => {
    expect(kvCacheMemory(mistral({ sliding_window: 4096 }), { tokens: 1000 }).bytes).toBe(2 * 32 * 8 * 128 * 2 * 1000);
  });

  it('slides Qwen2 layers only with use_sliding_window, from max_window_layers on', () => {
    const qwen = (extra: Record<string, unknown>) =>
      modelFromConfig({ model_type: 'qwen2', hidden_size: 64, intermediate_size: 128, num_hidden_layers: 4, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 100, sliding_window: 16, ...extra });
    expect(kvCacheMemory(qwen({}), { tokens: 64 }).groups.map((g) => g.kind)).toEqual(['full']);
    const groups = kvCacheMemory(qwen({ use_sliding_window: true, max_window_layers: 1 }), { tokens: 64 }).groups;
    expect(groups.map(({ kind, layers }) => [kind, layers])).toEqual([['full', 1], ['sliding', 3]]);
  });

  it('caches DeepSeek-V3’s latent, 576 values per token and layer, where its 128 heads’ keys and values would be 40,960', () => {
    // MLA (DeepSeek-V3 config): kv_lora_rank 512 + qk_rope_head_dim 64 = 576; transformers' cache keeps
    // keys of 128 · (128 + 64) and values of 128 · 128: 128 · (192 + 128) = 40,960.
    expect(128 * (192 + 128)).toBe(40960);
    const model = stack(...times(61, { kind: 'latent', valuesPerToken: 512 + 64, decompressedValuesPerToken: 40960 } as const));
    const cache = kvCacheMemory(model, { tokens: 1000, batch: 2 });
    expect(cache.bytesPerToken).toBe(61 * 576 * 2); // 70,272 bytes in bfloat16
    expect(cache.bytes).toBe(61 * 576 * 2 * 1000 * 2);
    expect(cache.groups[0]!.decompressedBytes).toBe(61 * 40960 * 2 * 1000 * 2);
    expect(cache.allFullBytes).toBe(cache.groups[0]!.decompressedBytes);
  });

  it('gives linear attention a fixed state per sequence, whatever the context', () => {
    const model = stack(...times(3, { kind: 'linear', valuesPerSequence: 1000 } as const), { kind: 'full', valuesPerToken: 16 });
    const [short, long] = [10, 1_000_000].map((tokens) => kvCacheMemory(model, { tokens, batch: 4, dtype: 'float32' }));
    const linear = (cache: typeof short) => cache!.groups.find((g) => g.kind === 'linear')!;
    expect(linear(short).bytes).toBe(3 * 1000 * 4 * 4);
    expect(linear(long).bytes).toBe(linear(short).bytes);
    expect(long!.bytesPerToken).toBe(16 * 4); // only the full-attention layer grows with the context
    expect(long!.allFullBytes).toBe(16 * 4 * 1_000_000 * 4); // linear layers have no keys to count
  });

  it('mixes sliding and full layers as Gemma 3 does, five sliding to one full', () => {
    const model = stack(...times(5, { kind: 'sliding', valuesPerToken: 512, window: 1024 } as const), { kind: 'full', valuesPerToken: 512 });
    const cache = kvCacheMemory(model, { tokens: 8192 });
    expect(cache.bytes).toBe(5 * 512 * 2 * 1024 + 512 * 2 * 8192);
    expect(cache.allFullBytes).toBe(6 * 512 * 2 * 8192);
  });

  it('halves with a float8 cache, as vLLM’s --kv-cache-dtype fp8 does', () => {
    const model = mistral({});
    expect(kvCacheMemory(model, { tokens: 100, dtype: 'float8_e4m3fn' }).bytes * 2).toBe(kvCacheMemory(model, { tokens: 100 }).bytes);
  });

  it('caches GPT-2’s keys and values: 2 · 12 layers · 768 values per token', () => {
    const gpt2 = modelFromConfig({ model_type: 'gpt2', n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 });
    expect(kvCacheMemory(gpt2, { tokens: 1, dtype: 'float32' }).bytesPerToken).toBe(2 * 12 * 768 * 4);
  });

  it('refuses a fractional, zero or absurd context and batch, naming them', () => {
    const model = mistral({});
    expect(() => kvCacheMemory(model, { tokens: 1.5 })).toThrow('tokens must be a positive integer, got 1.5');
    expect(() => kvCacheMemory(model, { tokens: 8, batch: -1 })).toThrow('batch must be a positive integer, got -1');
    expect(() => kvCacheMemory(model, { tokens: 2 ** 60 })).toThrow('tokens must be a positive integer');
  });
});

describe('the weights per format', () => {
  // One Linear(256 → 128) with a bias: a 128 × 256 matrix (rows of 256 inputs) and 128 biases.
  const layer = () => new Sequential(new Linear(256, 128));
  const bias16 = 2 * 128;
  const biasF32 = 4 * 128;

  it.each([
    ['float32', (32768 + 128) * 4],
    ['bfloat16', (32768 + 128) * 2],
    // one byte a weight and one float32 scale for the matrix
    ['float8', 32768 + 4 + bias16],
    // one byte a weight and one float32 scale (SCB) per output row
    ['int8', 32768 + 4 * 128 + bias16],
    // 4 bits a weight; per group of 128 inputs and output a float16 scale and a 4-bit zero (2 groups × 128 outputs); an int32 g_idx per input
    ['gptq-4bit', 32768 / 2 + 256 * 2 + 256 / 2 + 4 * 256 + bias16],
    ['awq-4bit', 32768 / 2 + 256 * 2 + 256 / 2 + bias16],
    // 17 bytes per 32 weights: 4.25 bits
    ['mxfp4', (32768 * 4.25) / 8 + bias16],
    // 4 bits, a byte per 64 weights, a float32 per 256 blocks of 64
    ['nf4', 32768 / 2 + 32768 / 64 + 4 * Math.ceil(32768 / 64 / 256) + bias16],
    // ggml: Q8_0 34 bytes per 32, Q4_K 144 per 256, Q6_K 210 per 256; vectors stay F32
    ['gguf:Q8_0', 128 * 8 * 34 + biasF32],
    ['gguf:Q4_K', 128 * 144 + biasF32],
    ['gguf:Q6_K', 128 * 210 + biasF32],
    ['gguf:Q2_K', 128 * 84 + biasF32],
  ] as const)('stores a Linear(256 → 128) in %s in %d bytes', (format, bytes) => {
    expect(weightFormatMemory(layer(), format).bytes).toBe(bytes);
  });

  it('keeps the embeddings, head and norms in bfloat16 in a GPTQ checkpoint, and quantises every matrix in GGUF', () => {
    const model = modelFromConfig({ model_type: 'llama', hidden_size: 256, intermediate_size: 512, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 1000 });
    const total = countParameters(model, { trainableOnly: false });
    const embeddingAndHead = 2 * 1000 * 256;
    const norms = (2 * 2 + 1) * 256;
    const gptq = weightFormatMemory(model, 'gptq-4bit');
    expect(gptq.kept).toBe(embeddingAndHead + norms);
    expect(gptq.quantised + gptq.kept).toBe(total);
    expect(weightFormatMemory(model, 'gguf:Q4_0').kept).toBe(norms);
  });

  it('falls back as llama.cpp does when a row is not a whole number of 256-weight blocks: Q4_K becomes Q5_0', () => {
    // Qwen2.5-0.5B's width, 896 = 3.5 blocks of 256: 28 blocks of 32 in Q5_0, 22 bytes each.
    const memory = weightFormatMemory(new Sequential(new Linear(896, 10, { bias: false })), 'gguf:Q4_K');
    expect(memory.byType).toEqual({ Q5_0: 8960 });
    expect(memory.bytes).toBe(10 * 28 * 22);
  });

  it('estimates Q4_K_M by llama.cpp’s rules: Q6_K for the head, and for attn_v and ffn_down on layers 0, 3, 6 and 7 of 8', () => {
    // use_more_bits(i, 8): i < 1, i ≥ 7, or (i − 1) % 3 == 2, so layers 0, 3, 6, 7.
    const model = modelFromConfig({ model_type: 'llama', hidden_size: 256, intermediate_size: 512, num_hidden_layers: 8, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 1000 });
    const vProj = 128 * 256;
    const downProj = 256 * 512;
    const head = 1000 * 256;
    const memory = weightFormatMemory(model, 'gguf:Q4_K_M');
    expect(memory.estimate).toBe(true);
    expect(memory.byType!.Q6_K).toBe(4 * (vProj + downProj) + head);
    expect(memory.byType!.F32).toBe((2 * 8 + 1) * 256);
  });

  it('refuses a format it does not know', () => {
    expect(() => weightFormatMemory(layer(), 'int3' as never)).toThrow('unknown weight format "int3"');
  });
});

describe('activations (Korthikanti et al. 2022)', () => {
  // GPT-3 175B's layer: h = 12,288, a = 96 heads of 128, f = 4h, GeLU, dropout.
  const gpt3: TransformerDims = { hidden: 12288, layers: 96, heads: 96, kvHeads: 96, qkHeadDim: 128, vHeadDim: 128, latentDims: 0, mlpWidth: 4 * 12288, gated: false, dropout: true, vocab: 51200 };
  const [s, b, h, a] = [2048, 1, 12288, 96];

  it('stores sbh · (34 + 5as/h) bytes per layer without recomputation', () => {
    expect(34 + (5 * a * s) / h).toBe(114);
    expect(layerActivationBytes(gpt3, { tokens: s, batch: b })).toBe(s * b * h * 114);
  });

  it('stores 34 · sbh with selective recomputation and 2 · sbh with full recomputation', () => {
    expect(layerActivationBytes(gpt3, { tokens: s, batch: b, recompute: 'selective' })).toBe(34 * s * b * h);
    expect(layerActivationBytes(gpt3, { tokens: s, batch: b, recompute: 'full' })).toBe(2 * s * b * h);
  });

  it('adds the final norm, the output layer and the float32 logits: 4sbh · (1 + v/h)', () => {
    const perLayer = layerActivationBytes(gpt3, { tokens: s, batch: b });
    expect(trainingActivationBytes(gpt3, { tokens: s, batch: b }) - 96 * perLayer).toBe(4 * s * b * h * (1 + 51200 / h));
  });

  it('adapts the terms to Llama-2-7B: no dropout, a gated MLP of 11,008, 2as²b for the softmax', () => {
    const llama = transformerDims({ ...LLAMA_7B, model_type: 'llama', intermediate_size: 11008 });
    const [s7, f, h7, a7] = [4096, 11008, 4096, 32];
    // attention 10sbh (QKV input, Q, K, V, output projection's input) + softmax 2as²b; MLP 2sbh + 6sbf; norms 4sbh
    expect(layerActivationBytes(llama, { tokens: s7, batch: 1 })).toBe(16 * s7 * h7 + 6 * s7 * f + 2 * a7 * s7 * s7);
  });

  it('stores fewer keys and values with grouped-query attention, and a top-k width for a mixture of experts', () => {
    const mixtral = transformerDims({ ...LLAMA_7B, model_type: 'mixtral', intermediate_size: 14336, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2 });
    expect(mixtral.mlpWidth).toBe(2 * 14336);
    const sb = 1024;
    const attention = 2 * sb * 4096 + 2 * sb * 4096 + 2 * sb * 8 * 128 * 2 + 2 * sb * 4096;
    expect(layerActivationBytes(mixtral, { tokens: sb, batch: 1, recompute: 'selective' })).toBe(attention + 2 * sb * 4096 + 6 * sb * 2 * 14336 + 4 * sb * 4096);
  });
});

describe('fine-tuning (ZeRO, LoRA, QLoRA)', () => {
  /** A model of Ψ parameters and nothing else, never allocated. */
  class Psi extends Module {
    weight: Parameter;
    constructor(n: number) {
      super();
      this.weight = new Parameter([n], () => 0);
    }
    forward(): never {
      throw new Error('Psi is only counted');
    }
  }
  const dims = transformerDims({ ...LLAMA_7B, model_type: 'llama', intermediate_size: 11008 });
  const states = (psi: number, zero: 0 | 1 | 2 | 3, gpus = 64) => {
    const m = fineTuningMemory(new Psi(psi), dims, { method: 'full', optimizer: 'adam', tokens: 1, batch: 1, zero, gpus });
    return (m.weights + m.gradients + m.optimizerState) / 1e9;
  };

  it('gives ZeRO’s figure 1: 7.5B parameters with Adam on 64 GPUs, 120, 31.4, 16.6 and 1.9 GB per GPU', () => {
    // (2 + 2 + 12)Ψ; 4Ψ + 12Ψ/64; 2Ψ + 14Ψ/64; 16Ψ/64 (Rajbhandari et al. 2020, figure 1)
    expect(states(7.5e9, 0)).toBeCloseTo(120, 6);
    expect(states(7.5e9, 1)).toBeCloseTo(30 + 90 / 64, 6);
    expect(states(7.5e9, 2)).toBeCloseTo(15 + 105 / 64, 6);
    expect(states(7.5e9, 3)).toBeCloseTo(120 / 64, 6);
    expect([31.4, 16.6, 1.9].map((x, i) => Math.abs(states(7.5e9, (i + 1) as 1 | 2 | 3) - x) < 0.05)).toEqual([true, true, true]);
  });

  it('keeps a float32 master copy and no moments for SGD: K = 4', () => {
    const m = fineTuningMemory(new Psi(1000), dims, { method: 'full', optimizer: 'sgd', tokens: 1, batch: 1 });
    expect([m.weights, m.gradients, m.optimizerState]).toEqual([2000, 2000, 4000]);
  });

  it('trains LoRA’s 4,194,304 adapters of Llama-2-7B in float32 beside the frozen bfloat16 model', () => {
    const llama2 = modelFromConfig({ ...LLAMA_7B, model_type: 'llama', intermediate_size: 11008, num_key_value_heads: 32 });
    const n = countParameters(llama2, { trainableOnly: false });
    const adapters = 4_194_304; // r = 8 on q_proj and v_proj: 32 layers · 2 · 8 · (4096 + 4096)
    const options = { optimizer: 'adamw', tokens: 512, batch: 1, lora: { r: 8, targetModules: ['q_proj', 'v_proj'] } } as const;
    const lora = fineTuningMemory(llama2, dims, { method: 'lora', ...options });
    expect([lora.weights, lora.gradients, lora.optimizerState]).toEqual([2 * n + 4 * adapters, 4 * adapters, 8 * adapters]);
    const qlora = fineTuningMemory(llama2, dims, { method: 'qlora', ...options });
    expect(qlora.weights).toBe(weightFormatMemory(llama2, 'nf4').bytes + 4 * adapters);
    expect(qlora.activations).toBe(lora.activations);
  });
});

describe('will it fit', () => {
  it('reads a size as written: GB decimal, GiB binary, a bare number as GiB', () => {
    expect(parseMemorySize('80 GB')).toBe(80e9);
    expect(parseMemorySize('24GiB')).toBe(24 * GIB);
    expect(parseMemorySize('24')).toBe(24 * GIB);
    expect(parseMemorySize('1.5 TB')).toBe(1.5e12);
    expect(['', 'lots', '0', '-4 GB', '24 XB', '2 PB'].map(parseMemorySize)).toEqual([null, null, null, null, null, null]);
  });

  it('fits Llama-2-7B in bfloat16 with 4,096 tokens on a 24 GB card, and says 18,145 tokens is the most', () => {
    const llama2 = modelFromConfig({ ...LLAMA_7B, model_type: 'llama', intermediate_size: 11008, num_key_value_heads: 32 });
    const dims = transformerDims({ ...LLAMA_7B, model_type: 'llama', intermediate_size: 11008 });
    const capacity = 24 * GIB;
    const fit = inferenceFit(llama2, dims, { format: 'bfloat16', tokens: 4096, batch: 1, kvDtype: 'bfloat16', capacity });
    const weights = 2 * 6_738_415_616;
    const activations = 2048 * (4 * 4096 + 3 * 11008) * 2 + 32000 * 4; // a 2,048-token prefill chunk, and the logits
    const reserved = 0.1 * capacity;
    expect(fit.bytes).toBe(weights + 4096 * 524_288 + activations + reserved);
    expect(fit.fits).toBe(true);
    expect(fit.longestContext).toBe(Math.floor((capacity - weights - activations - reserved) / 524_288));
    expect(fit.longestContext).toBe(18145);
  });

  it('needs memory for every expert of a mixture, not only the active ones', () => {
    const mixtral = modelFromConfig({ ...LLAMA_7B, model_type: 'mixtral', intermediate_size: 14336, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2 });
    const dims = transformerDims({ ...LLAMA_7B, model_type: 'mixtral', intermediate_size: 14336, num_local_experts: 8, num_experts_per_tok: 2 });
    const fit = inferenceFit(mixtral, dims, { format: 'bfloat16', tokens: 1, batch: 1, kvDtype: 'bfloat16', capacity: 80 * GIB });
    expect(fit.weights).toBe(2 * countParameters(mixtral, { trainableOnly: false }));
    expect(fit.fits).toBe(false);
    expect(fit.longestContext).toBe(0);
  });
});
