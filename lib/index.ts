// The public API of the library: what lesson cells, components and tests import as "lib".
export { countParameters } from './count.ts';
export { type Initializer, uniform } from './init.ts';
export { ReLU } from './layers/activation.ts';
export { Linear } from './layers/linear.ts';
export { Sequential } from './layers/sequential.ts';
export { SimpleNN } from './models/simple-nn.ts';
export { Module } from './module.ts';
export { Parameter } from './parameter.ts';
export { DEFAULT_SEED, manualSeed, RandomGenerator } from './random.ts';
export { type NestedArray, Tensor, tensor, zeros } from './tensor.ts';
