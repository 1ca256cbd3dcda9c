// The public API of the library: what lesson cells, components and tests import as "lib".
// Its core (core.ts) first; then model families, summaries and the analyses of memory and cost.
export * from './core.ts';
export { Graph } from './graph-capture.ts';
export {
  type AdaptsWithLoRA,
  adaptsWithLoRA,
  type CachesKeysAndValues,
  cachesKeysAndValues,
  type CountsItsParameters,
  countsItsParameters,
  type EmbedsTokens,
  embedsTokens,
  type KVCacheSpec,
  type LoraMatrix,
  type RoutesTokens,
  routesTokens,
} from './capabilities.ts';
export { type ActiveOptions, countActiveParameters } from './analysis/active.ts';
export { type ParameterParts, parameterParts, partOf } from './analysis/parts.ts';
export { isGroup, type ParameterGroup, type ParameterLeaf, type ParameterPart, type ParameterTree, parameterTree } from './analysis/parameter-tree.ts';
export { MultiheadAttention, type MultiheadAttentionOptions, NonDynamicallyQuantizableLinear } from './layers/attention.ts';
export { GatedMLP } from './layers/gated-mlp.ts';
export { GatedDeltaNet, type GatedDeltaNetConfig } from './layers/gated-delta-net.ts';
export { GroupedQueryAttention, type GroupedQueryAttentionOptions } from './layers/grouped-query-attention.ts';
export { type ExpertProjection, ExpertList, type ExpertStore, MixtureOfExperts, StackedExperts } from './layers/mixture-of-experts.ts';
export { FusedGatedMLP, FusedQKVAttention } from './layers/fused.ts';
export { type LatentAttentionConfig, MultiHeadLatentAttention } from './layers/latent-attention.ts';
export { TopKRouter, type TopKRouterOptions } from './layers/router.ts';
export { RMSNorm } from './layers/rms-norm.ts';
export { RotaryEmbedding } from './layers/rotary.ts';
export { TransformerEncoder, TransformerEncoderLayer, type TransformerEncoderLayerOptions } from './layers/transformer.ts';
export { AlexNet } from './models/alexnet.ts';
export { type BuiltModel, builtModel, type HFConfig, modelFromConfig, SUPPORTED_MODEL_TYPES } from './models/from-config.ts';
export { MAX_LAYERS, MAX_SIZE } from './models/config-reader.ts';
export { type ActiveConvention, type CheckpointExtras, type Family, type GgufLayout, type Part, PARTS } from './models/families/family.ts';
export { FAMILIES, familyOf } from './models/families/index.ts';
export { ConfigError, type ConfigProblem } from './models/config-error.ts';
export { BertModel } from './models/hf/bert.ts';
export { CausalLM, DecoderLayer, DecoderModel } from './models/hf/decoder.ts';
export { Conv1D, GPT2LMHeadModel } from './models/hf/gpt2.ts';
export { Block, CausalSelfAttention, GPT2, GPT2_SMALL, type GPT2Config, MLP } from './models/gpt2.ts';
export { LeNet5 } from './models/lenet.ts';
export { Conv2dNormActivation, InvertedResidual, MobileNetV2 } from './models/mobilenet.ts';
export { BasicBlock, Bottleneck, ResNet, resnet18, resnet50 } from './models/resnet.ts';
export { VGG } from './models/vgg.ts';
export { type LoraCount, type LoraOptions, loraParameters } from './analysis/lora.ts';
export { bytesOf, type DType, DTYPE_BITS } from './analysis/dtype.ts';
export { formatBytes, type MemoryEstimate, type TrainingMemory, trainingMemory, type TrainingSetup, weightMemory } from './analysis/memory.ts';
export {
  type KVCacheGroup,
  type KVCacheGroupMemory,
  type KVCacheKind,
  type KVCacheMemory,
  kvCacheLayout,
  kvCacheMemory,
  sizeKVCache,
} from './analysis/kv-cache.ts';
export { GGML_TYPES, ggmlBlock } from './analysis/ggml-types.ts';
export {
  GGUF_MIXES,
  GGUF_TYPES,
  HF_FORMATS,
  type WeightFormat,
  type WeightFormatMemory,
  WEIGHT_FORMATS,
  weightFormatMemories,
  weightFormatMemory,
} from './analysis/weight-formats.ts';
export {
  inferenceActivationBytes,
  layerActivationBytes,
  PREFILL_CHUNK,
  type Recomputation,
  type TransformerDims,
  trainingActivationBytes,
  transformerDims,
} from './analysis/activations.ts';
export { type FineTuning, type FineTuningOptions, fineTuningMemories, fineTuningMemory, type OptimizerName, type TrainingBreakdown, type ZeroStage } from './analysis/training.ts';
export { GIB, type Gpu, gpuById, GPUS, type InferenceFit, inferenceFit, type InferenceOptions, MAX_CONTEXT, parseMemorySize, RESERVED_SHARE } from './analysis/fit.ts';
export { type ColumnName, ModelSummary, type RowSetting, type SummaryOptions, type SummaryRow, summary } from './analysis/summary/summary.ts';
