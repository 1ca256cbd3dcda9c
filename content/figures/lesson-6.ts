// Lesson 6's figures, computed by the library from the models' published config.json sizes. Both
// languages' pages and tests/unit/lesson6-claims.test.ts import them, so a number cannot differ
// between the English and the Chinese page, and each one is checked where it is computed.
import {
  countActiveParameters, countParameters, kvCacheMemory, loraParameters, type Module, modelFromConfig, trainingMemory,
  weightMemory,
} from 'lib';

/** Adds up the parameters whose names match. */
export const sumOf = (model: Module, pattern: RegExp) =>
  [...model.namedParameters()].filter(([name]) => pattern.test(name)).reduce((sum, [, p]) => sum + p.numel(), 0);

export const llama2Config = {
  model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32,
  num_attention_heads: 32, num_key_value_heads: 32, vocab_size: 32000, tie_word_embeddings: false,
};
export const llama3Config = { ...llama2Config, intermediate_size: 14336, num_key_value_heads: 8, vocab_size: 128256 };
export const mixtralConfig = { ...llama3Config, model_type: 'mixtral', vocab_size: 32000, num_local_experts: 8, num_experts_per_tok: 2 };
/** Mistral-7B-v0.1: Llama-3-8B's widths and heads with Llama-2's 32,000 tokens, and a 4,096-token window. */
export const mistralConfig = { ...llama3Config, model_type: 'mistral', vocab_size: 32000, sliding_window: 4096 };
/** Qwen2.5-0.5B: biases on q, k and v, two key/value heads, the head tied to the embedding. */
export const qwenConfig = {
  model_type: 'qwen2', hidden_size: 896, intermediate_size: 4864, num_hidden_layers: 24,
  num_attention_heads: 14, num_key_value_heads: 2, vocab_size: 151936, tie_word_embeddings: true,
};
/** BERT-base (uncased): an encoder with token, position and segment embeddings and a pooler. */
export const bertConfig = {
  model_type: 'bert', hidden_size: 768, intermediate_size: 3072, num_hidden_layers: 12, num_attention_heads: 12,
  vocab_size: 30522, max_position_embeddings: 512, type_vocab_size: 2,
};
export const gpt2Config = { model_type: 'gpt2', vocab_size: 50257, n_positions: 1024, n_embd: 768, n_layer: 12, n_head: 12 };

const EMBEDDINGS = /embed_tokens|lm_head|wte|wpe/;
const nonEmbedding = (model: Module) => countParameters(model) - sumOf(model, EMBEDDINGS);

export const models = {
  llama2: modelFromConfig(llama2Config),
  llama3: modelFromConfig(llama3Config),
  mixtral: modelFromConfig(mixtralConfig),
  mistral: modelFromConfig(mistralConfig),
  qwen: modelFromConfig(qwenConfig),
  bert: modelFromConfig(bertConfig),
  gpt2: modelFromConfig(gpt2Config),
};
const { llama2, llama3, mixtral, mistral, qwen, bert, gpt2 } = models;
const layerOf = (model: Module, pattern: RegExp) => ({
  attention: sumOf(model, new RegExp(`${pattern.source}self_attn\\.`)),
  mlp: sumOf(model, new RegExp(`${pattern.source}mlp\\.`)),
  norms: sumOf(model, new RegExp(`${pattern.source}\\w*layernorm`)),
});
const firstLayer = /^model\.layers\.0\./;

export const gpt2Figures = {
  total: countParameters(gpt2),
  biases: sumOf(gpt2, /\.bias$/),
  positions: sumOf(gpt2, /wpe/),
  nonEmbedding: nonEmbedding(gpt2),
  /** nanoGPT's count: the total without the position embedding. */
  nanoGPT: countParameters(gpt2) - sumOf(gpt2, /wpe/),
};

const llama2Layer = layerOf(llama2, firstLayer);
export const llama2Figures = {
  total: countParameters(llama2),
  embedTokens: sumOf(llama2, /embed_tokens/),
  lmHead: sumOf(llama2, /lm_head/),
  finalNorm: sumOf(llama2, /^model\.norm/),
  layer: { ...llama2Layer, total: sumOf(llama2, firstLayer) },
  mlps: sumOf(llama2, /mlp/),
  nonEmbedding: nonEmbedding(llama2),
  bfloat16Bytes: weightMemory(llama2, 'bfloat16').bytes,
  adamMixedPrecisionBytes: trainingMemory(llama2, 'adam-mixed-precision').bytes,
};

export const llama3Figures = {
  total: countParameters(llama3),
  layer: layerOf(llama3, firstLayer),
  kProj: sumOf(llama3, /^model\.layers\.0\.self_attn\.k_proj/),
  vocabulary: sumOf(llama3, /embed_tokens|lm_head/),
  nonEmbedding: nonEmbedding(llama3),
};

export const mixtralFigures = {
  total: countParameters(mixtral),
  active: countActiveParameters(mixtral),
  bfloat16Bytes: weightMemory(mixtral, 'bfloat16').bytes,
  /** Eight whole Mistral-7B models: the classic overestimate. */
  eightMistrals: 8 * countParameters(mistral),
};

/** Mistral-7B against a Llama built from the same sizes: the window is a rule, not a tensor. */
export const mistralFigures = {
  total: countParameters(mistral),
  sameSizedLlama: countParameters(modelFromConfig({ ...mistralConfig, model_type: 'llama' })),
  layer: layerOf(mistral, firstLayer),
};

export const qwenFigures = {
  total: countParameters(qwen),
  embedTokens: sumOf(qwen, /embed_tokens/),
  /** The q, k and v biases of one layer: 896 + 128 + 128. */
  qkvBiasesPerLayer: sumOf(qwen, /^model\.layers\.0\.self_attn\.[qkv]_proj\.bias/),
  qkvBiases: sumOf(qwen, /self_attn\.[qkv]_proj\.bias/),
  layer: { ...layerOf(qwen, firstLayer), total: sumOf(qwen, firstLayer) },
  /** What an untied head of its own would add. */
  untiedHead: qwenConfig.vocab_size * qwenConfig.hidden_size,
  embeddingShare: sumOf(qwen, /embed_tokens/) / countParameters(qwen),
};

export const bertFigures = {
  total: countParameters(bert),
  embeddings: sumOf(bert, /^embeddings\./),
  wordEmbeddings: sumOf(bert, /word_embeddings/),
  positionEmbeddings: sumOf(bert, /position_embeddings/),
  segmentEmbeddings: sumOf(bert, /token_type_embeddings/),
  layer: sumOf(bert, /^encoder\.layer\.0\./),
  pooler: sumOf(bert, /^pooler\./),
};

export const kvCache = {
  llama2: kvCacheMemory(llama2, { tokens: 4096 }),
  llama3: kvCacheMemory(llama3, { tokens: 8192 }),
};

export const lora = loraParameters(llama2, { r: 8, targetModules: ['q_proj', 'v_proj'] });

/** The counts of the page's exercises: the right one and the classic wrong ones. */
export const exercises = {
  kProj: { right: llama3Figures.kProj, llama2Sized: 4096 * 4096, withBias: llama3Figures.kProj + 1024 },
  mixtralMemory: { right: mixtralFigures.total, activeOnly: mixtralFigures.active, eightMistrals: mixtralFigures.eightMistrals },
  kvBatch: {
    right: (kvCache.llama2.bytesPerToken / 2) * 4096 * 8,
    oneSequence: (kvCache.llama2.bytesPerToken / 2) * 4096,
    noFactorTwo: (kvCache.llama2.bytesPerToken / 4) * 4096 * 8,
  },
  lora16: {
    right: loraParameters(llama3, { r: 16, targetModules: ['q_proj', 'k_proj', 'v_proj', 'o_proj'] }).trainable,
    fullKv: 32 * 4 * 16 * (4096 + 4096),
    frozenMatrices: 32 * (2 * 4096 * 4096 + 2 * 4096 * 1024),
  },
  /** Why: Mistral's sliding window changes which tokens attend to which, not what is stored. */
  slidingWindow: {
    right: mistralFigures.total - mistralFigures.sameSizedLlama,
    windowMatrix: mistralConfig.sliding_window * mistralConfig.sliding_window,
    perLayerWindow: mistralConfig.num_hidden_layers * mistralConfig.sliding_window * mistralConfig.hidden_size,
  },
};

/** Kaplan et al.'s 12 · L · d², and the 8d² of an MLP of inner width 4d, for the page's models. */
export const rules = {
  mlpEightDSquared: 8 * llama2Config.hidden_size ** 2,
  gpt2: 12 * gpt2Config.n_layer * gpt2Config.n_embd ** 2,
  llama: 12 * llama2Config.num_hidden_layers * llama2Config.hidden_size ** 2,
};
