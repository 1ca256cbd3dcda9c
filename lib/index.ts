// The public API of the library: what lesson cells, components and tests import as "lib".
export type { GradFn } from './autograd/grad-fn.ts';
export { isGradEnabled, noGrad } from './autograd/grad-mode.ts';
export { Graph } from './graph-capture.ts';
export { Buffer } from './buffer.ts';
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
export { countParameters } from './analysis/count.ts';
export { type SineDataOptions, type Split, sineData, sineTarget } from './data/sine.ts';
export { freeze } from './freeze.ts';
export { constant, fanInUniform, type Initializer, normal, uniform } from './init.ts';
export { Elementwise, GELU, ReLU, ReLU6, Sigmoid, SiLU, Tanh } from './layers/activation.ts';
export { MultiheadAttention, type MultiheadAttentionOptions, NonDynamicallyQuantizableLinear } from './layers/attention.ts';
export { ModuleDict, ModuleList } from './layers/containers.ts';
export { Conv1d, Conv2d, type ConvOptions, ConvTranspose2d, type ConvTransposeOptions } from './layers/conv.ts';
export { Dropout } from './layers/dropout.ts';
export { Embedding } from './layers/embedding.ts';
export { Flatten } from './layers/flatten.ts';
export { GatedMLP } from './layers/gated-mlp.ts';
export { GatedDeltaNet, type GatedDeltaNetConfig } from './layers/gated-delta-net.ts';
export { GroupedQueryAttention, type GroupedQueryAttentionOptions } from './layers/grouped-query-attention.ts';
export { Linear } from './layers/linear.ts';
export { MSELoss } from './layers/loss.ts';
export { type ExpertProjection, ExpertList, type ExpertStore, MixtureOfExperts, StackedExperts } from './layers/mixture-of-experts.ts';
export { FusedGatedMLP, FusedQKVAttention } from './layers/fused.ts';
export { type LatentAttentionConfig, MultiHeadLatentAttention } from './layers/latent-attention.ts';
export { TopKRouter, type TopKRouterOptions } from './layers/router.ts';
export {
  BatchNorm1d,
  BatchNorm2d,
  type BatchNormOptions,
  LayerNorm,
  type LayerNormOptions,
} from './layers/normalization.ts';
export { RMSNorm } from './layers/rms-norm.ts';
export { RotaryEmbedding } from './layers/rotary.ts';
export { AdaptiveAvgPool2d, AvgPool2d, MaxPool2d, type MaxPoolOptions, type PoolOptions } from './layers/pooling.ts';
export { GRU, LSTM, RNN, type RNNOptions } from './layers/recurrent.ts';
export { Sequential } from './layers/sequential.ts';
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
export { SimpleNN } from './models/simple-nn.ts';
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
export { type FineTuning, type FineTuningOptions, fineTuningMemory, type OptimizerName, type TrainingBreakdown, type ZeroStage } from './analysis/training.ts';
export { GIB, type Gpu, gpuById, GPUS, type InferenceFit, inferenceFit, type InferenceOptions, MAX_CONTEXT, parseMemorySize, RESERVED_SHARE } from './analysis/fit.ts';
export { Module } from './module.ts';
export { relu, tanh } from './ops/activation.ts';
export { dropout } from './ops/dropout.ts';
export { add, mul, sub } from './ops/elementwise.ts';
export { linear, matmul } from './ops/linear.ts';
export { mseLoss } from './ops/loss.ts';
export { mean, sum } from './ops/reduce.ts';
export { Adam, type AdamOptions, AdamW } from './optim/adam.ts';
export { Optimizer } from './optim/optimizer.ts';
export { SGD, type SGDOptions } from './optim/sgd.ts';
export { Parameter } from './parameter.ts';
export { DEFAULT_SEED, manualSeed, RandomGenerator } from './random.ts';
export type { Shape } from './shape.ts';
export { type ColumnName, ModelSummary, type RowSetting, type SummaryOptions, type SummaryRow, summary } from './analysis/summary/summary.ts';
export { type NestedArray, Tensor, tensor, zeros } from './tensor.ts';
