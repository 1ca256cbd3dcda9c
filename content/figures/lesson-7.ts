// Lesson 7's figures, computed by the library from the models' published config.json sizes. Both
// languages' pages and tests/unit/lesson7-claims.test.ts import them, so a number cannot differ
// between the English and the Chinese page, and each one is checked where it is computed.
import { builtModel, countActiveParameters, countParameters, kvCacheMemory, type Module, modelFromConfig, weightMemory } from 'lib';
import { PRESETS } from '../../src/count/presets.ts';
import { mixtralConfig, sumOf } from './lesson-6.ts';

const preset = (id: string) => {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new RangeError(`lesson 7: no preset ${id}`);
  return found.config;
};

export const deepseekV3Config = preset('deepseek-v3') as {
  hidden_size: number; intermediate_size: number; moe_intermediate_size: number; num_hidden_layers: number;
  num_attention_heads: number; n_routed_experts: number; n_shared_experts: number; num_experts_per_tok: number;
  first_k_dense_replace: number; q_lora_rank: number; kv_lora_rank: number; qk_nope_head_dim: number;
  qk_rope_head_dim: number; v_head_dim: number; vocab_size: number; num_nextn_predict_layers: number;
};
export const gptOss20bConfig = preset('gpt-oss-20b') as {
  hidden_size: number; intermediate_size: number; num_hidden_layers: number; num_attention_heads: number;
  num_key_value_heads: number; head_dim: number; num_local_experts: number; num_experts_per_tok: number;
  sliding_window: number; vocab_size: number;
};

export const deepseek = modelFromConfig(deepseekV3Config);
export const gptOss = modelFromConfig(gptOss20bConfig);

/**
 * The parameters of the module named `name` (`model.layers.3.mlp`), found by name: listing every
 * parameter of DeepSeek-V3 would walk its 44,544 expert matrices one name at a time.
 */
const under = (model: Module, name: string) => {
  const found = new Map(model.namedModules()).get(name);
  if (!found) throw new RangeError(`lesson 7: ${model.constructor.name} has no module ${name}`);
  return countParameters(found);
};
/** The parameters of every module whose name matches. */
const modulesMatching = (model: Module, pattern: RegExp) =>
  [...model.namedModules()].filter(([name]) => pattern.test(name)).reduce((sum, [, m]) => sum + countParameters(m), 0);

// DeepSeek-V3 by hand: the sizes of its config, named as the table names them.
const c = deepseekV3Config;
const d = c.hidden_size;
const qkHead = c.qk_nope_head_dim + c.qk_rope_head_dim;
const mla = {
  q_a_proj: d * c.q_lora_rank,
  q_a_layernorm: c.q_lora_rank,
  q_b_proj: c.q_lora_rank * c.num_attention_heads * qkHead,
  kv_a_proj_with_mqa: d * (c.kv_lora_rank + c.qk_rope_head_dim),
  kv_a_layernorm: c.kv_lora_rank,
  kv_b_proj: c.kv_lora_rank * c.num_attention_heads * (c.qk_nope_head_dim + c.v_head_dim),
  o_proj: c.num_attention_heads * c.v_head_dim * d,
};
const mlaTotal = Object.values(mla).reduce((a, b) => a + b, 0);
/** Multi-head attention with the same 128 heads of 192 (queries, keys) and 128 (values), without the low-rank steps. */
const fullAttention = d * c.num_attention_heads * (2 * qkHead + c.v_head_dim) + c.num_attention_heads * c.v_head_dim * d;
const expert = 3 * d * c.moe_intermediate_size;
const moeLayers = c.num_hidden_layers - c.first_k_dense_replace;

export const deepseekFigures = {
  total: countParameters(deepseek),
  mla,
  attention: mlaTotal,
  /** What the library counts under layer 0's self_attn: the same sum. */
  attentionByLibrary: under(deepseek, 'model.layers.0.self_attn'),
  fullAttention,
  denseMlp: 3 * d * c.intermediate_size,
  expert,
  routedExperts: c.n_routed_experts * expert,
  sharedExpert: c.n_shared_experts * expert,
  router: c.n_routed_experts * d,
  layerNorms: 2 * d,
  embedding: c.vocab_size * d,
  head: d * c.vocab_size,
  finalNorm: d,
  moeLayers,
  /** The MoE block of one layer as the library counts it: experts, router and shared expert. */
  moeBlockByLibrary: under(deepseek, 'model.layers.3.mlp'),
  expertsShare: modulesMatching(deepseek, /\.mlp\.experts$/) / countParameters(deepseek),
};
const f = deepseekFigures;
export const deepseekByHand = {
  attention: c.num_hidden_layers * f.attention,
  dense: c.first_k_dense_replace * f.denseMlp,
  routed: moeLayers * f.routedExperts,
  shared: moeLayers * f.sharedExpert,
  router: moeLayers * f.router,
  norms: c.num_hidden_layers * f.layerNorms + f.finalNorm,
  embedding: f.embedding,
  head: f.head,
};
export const deepseekByHandTotal = Object.values(deepseekByHand).reduce((a, b) => a + b, 0);

/** Active counts under the three conventions vendors use. */
const activeOf = (model: Module) => ({
  withInputEmbedding: countActiveParameters(model),
  withoutInputEmbedding: countActiveParameters(model, { inputEmbedding: false }),
  withoutInputEmbeddingOrHead: countActiveParameters(model, { inputEmbedding: false, outputHead: false }),
});
export const deepseekActive = activeOf(deepseek);

/**
 * What DeepSeek-V3's checkpoint holds beyond the model: the MTP layer `model.layers.61.*` (its own
 * embedding, two norms, eh_proj [d, 2d], a MoE decoder layer and shared_head's norm and head), a
 * 256-value e_score_correction_bias in each MoE layer (the MTP layer's too), and the FP8 scales.
 * DeepSeek's FP8 checkpoint stores each matrix of a layer's self_attn and mlp (not the router's) in
 * 8 bits with one float32 `weight_scale_inv` per block of 128 × 128 (its quantization_config).
 */
export const mtpLayer = f.embedding + 2 * d + 2 * d * d + under(deepseek, 'model.layers.3') + d + f.head;
export const eScoreCorrectionBias = (moeLayers + c.num_nextn_predict_layers) * c.n_routed_experts;
const fp8Scales = (pattern: RegExp) =>
  [...deepseek.namedParameters()]
    .filter(([name, p]) => pattern.test(name) && p.shape.length === 2 && !name.endsWith('.mlp.gate.weight'))
    .reduce((sum, [, p]) => sum + Math.ceil(p.shape[0] / 128) * Math.ceil(p.shape[1] / 128), 0);
/** The scales of the model's layers, and of the MTP layer's decoder part, shaped as layer 3 (its eh_proj stays bfloat16). */
export const fp8ScaleInv = fp8Scales(/\.(self_attn|mlp)\./) + fp8Scales(/^model\.layers\.3\.(self_attn|mlp)\./);
export const hubTotal = f.total + mtpLayer + eScoreCorrectionBias + fp8ScaleInv;

// gpt-oss-20b.
export const gptOssFigures = {
  total: countParameters(gptOss),
  active: activeOf(gptOss),
  experts: under(gptOss, 'model.layers.0.mlp.experts'),
  router: under(gptOss, 'model.layers.0.mlp.router'),
  sinks: sumOf(gptOss, /^model\.layers\.0\.self_attn\.sinks$/),
  slidingLayers: (kvCacheMemory(gptOss, { tokens: 1 }).groups.find((group) => group.kind === 'sliding')?.layers) ?? 0,
  expertsShare: modulesMatching(gptOss, /\.mlp\.experts$/) / countParameters(gptOss),
};

/** The share of its parameters one token passes through, for each model under its vendor's own convention. */
export const shareConfigs = [
  ['Mixtral 8x7B', mixtralConfig],
  ['Qwen3-30B-A3B', preset('qwen3-30b-a3b')],
  ['gpt-oss-20b', gptOss20bConfig],
  ['Llama-4-Scout-17B-16E', preset('llama-4-scout-17b-16e')],
  ['GLM-4.5-Air', preset('glm-4.5-air')],
  ['DeepSeek-V3', deepseekV3Config],
  ['Kimi K2', preset('kimi-k2')],
] as const;
export const shares = shareConfigs.map(([name, config]) => {
  const model = name === 'DeepSeek-V3' ? deepseek : name === 'gpt-oss-20b' ? gptOss : modelFromConfig(config);
  const convention = builtModel(model)!.family.active;
  const total = countParameters(model);
  const active = countActiveParameters(model, { inputEmbedding: convention.inputEmbedding, outputHead: convention.outputHead });
  return { name, vendor: convention.vendor, convention, total, active, share: active / total };
});
const shareOf = (name: string) => shares.find((s) => s.name === name)!;

// Memory: every parameter is loaded, whatever a token uses.
export const memory = {
  bfloat16: weightMemory(deepseek, 'bfloat16').bytes,
  float8: weightMemory(deepseek, 'float8_e4m3fn').bytes,
  /** The mistake: sizing the weights by the active count. */
  activeOnlyBfloat16: 2 * deepseekActive.withoutInputEmbedding,
  kv: kvCacheMemory(deepseek, { tokens: 1, dtype: 'bfloat16' }),
  /** Per layer and token: MLA's latent vector and rope key, against the keys and values it stands for. */
  latentValues: c.kv_lora_rank + c.qk_rope_head_dim,
  decompressedValues: c.num_attention_heads * (qkHead + c.v_head_dim),
};

export const exercises = {
  kvBProj: { right: mla.kv_b_proj, keysOnly: c.kv_lora_rank * c.num_attention_heads * c.qk_nope_head_dim, fullWidth: d * c.num_attention_heads * (c.qk_nope_head_dim + c.v_head_dim) },
  moeLayer: { right: f.routedExperts + f.sharedExpert + f.router, noShared: f.routedExperts + f.router, activeOnly: (c.num_experts_per_tok + c.n_shared_experts) * expert + f.router },
  memory: { right: f.total, activeOnly: deepseekActive.withoutInputEmbedding, hub: hubTotal },
  gptOssActive: {
    right: gptOssFigures.active.withoutInputEmbedding,
    withEmbedding: gptOssFigures.active.withInputEmbedding,
    noHead: gptOssFigures.active.withoutInputEmbeddingOrHead,
  },
};

export const headline = { mixtral: shareOf('Mixtral 8x7B'), deepseek: shareOf('DeepSeek-V3') };
