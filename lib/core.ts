// The library's core: tensors, modules and layers, counting, training. It is what most cells
// import, so the page's kernel loads it first and the rest of the library (index.ts: model
// families, summaries, memory and cost) only when a cell imports from there.
export type { GradFn } from './autograd/grad-fn.ts';
export { isGradEnabled, noGrad } from './autograd/grad-mode.ts';
export { Buffer } from './buffer.ts';
export { countParameters } from './analysis/count.ts';
export { type SineDataOptions, type Split, sineData, sineTarget } from './data/sine.ts';
export { freeze } from './freeze.ts';
export { constant, fanInUniform, type Initializer, normal, uniform } from './init.ts';
export { Elementwise, GELU, ReLU, ReLU6, Sigmoid, SiLU, Tanh } from './layers/activation.ts';
export { ModuleDict, ModuleList } from './layers/containers.ts';
export { Conv1d, Conv2d, type ConvOptions, ConvTranspose2d, type ConvTransposeOptions } from './layers/conv.ts';
export { Dropout } from './layers/dropout.ts';
export { Embedding } from './layers/embedding.ts';
export { Flatten } from './layers/flatten.ts';
export { Linear } from './layers/linear.ts';
export {
  BatchNorm1d,
  BatchNorm2d,
  type BatchNormOptions,
  LayerNorm,
  type LayerNormOptions,
} from './layers/normalization.ts';
export { MSELoss } from './layers/loss.ts';
export { AdaptiveAvgPool2d, AvgPool2d, MaxPool2d, type MaxPoolOptions, type PoolOptions } from './layers/pooling.ts';
export { GRU, LSTM, RNN, type RNNOptions } from './layers/recurrent.ts';
export { Sequential } from './layers/sequential.ts';
export { SimpleNN } from './models/simple-nn.ts';
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
export { type NestedArray, Tensor, tensor, zeros } from './tensor.ts';
