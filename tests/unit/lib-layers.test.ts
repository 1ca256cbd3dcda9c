// Every layer of the library against real PyTorch (tests/fixtures/pytorch-layers.json): counts,
// parameter and buffer names and shapes, state_dict keys, the printed repr and the output shape.
import {
  AdaptiveAvgPool2d,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Conv1d,
  Conv2d,
  ConvTranspose2d,
  Dropout,
  Embedding,
  Flatten,
  freeze,
  GELU,
  GRU,
  LayerNorm,
  Linear,
  LSTM,
  MaxPool2d,
  type Module,
  ModuleDict,
  ModuleList,
  MultiheadAttention,
  ReLU,
  ReLU6,
  RNN,
  Sequential,
  Sigmoid,
  Tanh,
  TransformerEncoder,
  TransformerEncoderLayer,
} from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-layers.json';
import { directCounts, totalsOf } from '../support/fixture-counts.ts';

const shared = new Linear(2, 2);

// Each fixture key is the PyTorch call; the value builds the same layer with the library.
const twins: Record<string, () => Module> = {
  'Linear(3, 5)': () => new Linear(3, 5),
  'Linear(3, 5, bias=False)': () => new Linear(3, 5, { bias: false }),
  'Conv1d(4, 8, 3)': () => new Conv1d(4, 8, 3),
  'Conv1d(4, 8, 5, stride=2, padding=2, groups=2, bias=False)': () =>
    new Conv1d(4, 8, 5, { stride: 2, padding: 2, groups: 2, bias: false }),
  'Conv2d(3, 8, 1)': () => new Conv2d(3, 8, 1),
  'Conv2d(16, 32, (3, 5), stride=(2, 1), padding=1, groups=4)': () =>
    new Conv2d(16, 32, [3, 5], { stride: [2, 1], padding: 1, groups: 4 }),
  'Conv2d(32, 32, 3, padding=2, dilation=2, groups=32, bias=False)': () =>
    new Conv2d(32, 32, 3, { padding: 2, dilation: 2, groups: 32, bias: false }),
  'ConvTranspose2d(16, 8, 4, stride=2, padding=1)': () => new ConvTranspose2d(16, 8, 4, { stride: 2, padding: 1 }),
  'ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1, groups=2, bias=False)': () =>
    new ConvTranspose2d(8, 4, 3, { stride: 2, padding: 1, outputPadding: 1, groups: 2, bias: false }),
  'BatchNorm1d(16)': () => new BatchNorm1d(16),
  'BatchNorm1d(16, affine=False)': () => new BatchNorm1d(16, { affine: false }),
  'BatchNorm1d(16, track_running_stats=False)': () => new BatchNorm1d(16, { trackRunningStats: false }),
  'BatchNorm1d(8, eps=0.001, momentum=None)': () => new BatchNorm1d(8, { eps: 0.001, momentum: null }),
  'BatchNorm2d(64)': () => new BatchNorm2d(64),
  'BatchNorm2d(32, affine=False)': () => new BatchNorm2d(32, { affine: false }),
  'frozen BatchNorm2d(64)': () => freeze(new BatchNorm2d(64)),
  'LayerNorm(16)': () => new LayerNorm(16),
  'LayerNorm((4, 16), elementwise_affine=False)': () => new LayerNorm([4, 16], { elementwiseAffine: false }),
  'LayerNorm(768, eps=1e-06)': () => new LayerNorm(768, { eps: 1e-6 }),
  'Embedding(8, 4)': () => new Embedding(8, 4),
  'Embedding(10, 3, padding_idx=0)': () => new Embedding(10, 3, { paddingIdx: 0 }),
  'Embedding(10, 3, padding_idx=-1)': () => new Embedding(10, 3, { paddingIdx: -1 }),
  'Dropout()': () => new Dropout(),
  'Dropout(p=0.1)': () => new Dropout(0.1),
  'MaxPool2d(2)': () => new MaxPool2d(2),
  'MaxPool2d(3, stride=2, padding=1)': () => new MaxPool2d(3, { stride: 2, padding: 1 }),
  'MaxPool2d(3, stride=2, ceil_mode=True)': () => new MaxPool2d(3, { stride: 2, ceilMode: true }),
  'AvgPool2d(2)': () => new AvgPool2d(2),
  'AvgPool2d((3, 2), stride=1, padding=1)': () => new AvgPool2d([3, 2], { stride: 1, padding: 1 }),
  'AdaptiveAvgPool2d((1, 1))': () => new AdaptiveAvgPool2d([1, 1]),
  'AdaptiveAvgPool2d(6)': () => new AdaptiveAvgPool2d(6),
  'Flatten()': () => new Flatten(),
  'Flatten(0, 2)': () => new Flatten(0, 2),
  'ReLU()': () => new ReLU(),
  'ReLU6(inplace=True)': () => new ReLU6(true),
  'Tanh()': () => new Tanh(),
  'Tanh() on a 4-d input': () => new Tanh(),
  'Sigmoid()': () => new Sigmoid(),
  'Sigmoid() on a batch': () => new Sigmoid(),
  'GELU()': () => new GELU(),
  "GELU(approximate='tanh')": () => new GELU('tanh'),
  'MultiheadAttention(8, 2)': () => new MultiheadAttention(8, 2),
  'MultiheadAttention(8, 2, bias=False)': () => new MultiheadAttention(8, 2, { bias: false }),
  'MultiheadAttention(8, 2, add_bias_kv=True)': () => new MultiheadAttention(8, 2, { addBiasKv: true }),
  'MultiheadAttention(8, 2, kdim=4, vdim=6)': () => new MultiheadAttention(8, 2, { kdim: 4, vdim: 6 }),
  'TransformerEncoderLayer(16, 4, dim_feedforward=32)': () => new TransformerEncoderLayer(16, 4, { dimFeedforward: 32 }),
  'TransformerEncoderLayer(512, 8)': () => new TransformerEncoderLayer(512, 8),
  "TransformerEncoderLayer(16, 4, dim_feedforward=64, activation='gelu', batch_first=True, norm_first=True)": () =>
    new TransformerEncoderLayer(16, 4, { dimFeedforward: 64, activation: 'gelu', batchFirst: true, normFirst: true }),
  'TransformerEncoder(TransformerEncoderLayer(16, 4, dim_feedforward=32), 2)': () =>
    new TransformerEncoder(new TransformerEncoderLayer(16, 4, { dimFeedforward: 32 }), 2),
  'TransformerEncoder(TransformerEncoderLayer(16, 4, dim_feedforward=32), 3, norm=LayerNorm(16))': () =>
    new TransformerEncoder(new TransformerEncoderLayer(16, 4, { dimFeedforward: 32 }), 3, { norm: new LayerNorm(16) }),
  'RNN(5, 1)': () => new RNN(5, 1),
  'RNN(10, 20, num_layers=2)': () => new RNN(10, 20, { numLayers: 2 }),
  "RNN(10, 20, nonlinearity='relu', bias=False)": () => new RNN(10, 20, { nonlinearity: 'relu', bias: false }),
  'RNN(4, 6, num_layers=2, bidirectional=True)': () => new RNN(4, 6, { numLayers: 2, bidirectional: true }),
  'LSTM(5, 1)': () => new LSTM(5, 1),
  'LSTM(10, 20, num_layers=2, bidirectional=True)': () => new LSTM(10, 20, { numLayers: 2, bidirectional: true }),
  'LSTM(10, 20, proj_size=5)': () => new LSTM(10, 20, { projSize: 5 }),
  'LSTM(8, 16, num_layers=2, batch_first=True, dropout=0.5)': () =>
    new LSTM(8, 16, { numLayers: 2, batchFirst: true, dropout: 0.5 }),
  'GRU(5, 3)': () => new GRU(5, 3),
  'GRU(10, 20, num_layers=3, bidirectional=True, bias=False)': () =>
    new GRU(10, 20, { numLayers: 3, bidirectional: true, bias: false }),
  'Sequential(Conv2d(1, 4, 3), BatchNorm2d(4), ReLU())': () =>
    new Sequential(new Conv2d(1, 4, 3), new BatchNorm2d(4), new ReLU()),
  'Sequential(Flatten(), Linear(12, 4), Tanh(), Linear(4, 1))': () =>
    new Sequential(new Flatten(), new Linear(12, 4), new Tanh(), new Linear(4, 1)),
  'ModuleList([Linear(2, 3), ReLU(), Linear(3, 1)])': () => new ModuleList([new Linear(2, 3), new ReLU(), new Linear(3, 1)]),
  'ModuleList([shared, shared]) with shared = Linear(2, 2)': () => new ModuleList([shared, shared]),
  "ModuleDict({'encoder': Linear(4, 2), 'act': Tanh()})": () => new ModuleDict({ encoder: new Linear(4, 2), act: new Tanh() }),
  "ModuleDict({'conv': Conv2d(3, 8, 1), 'bn': BatchNorm2d(8)})": () =>
    new ModuleDict({ conv: new Conv2d(3, 8, 1), bn: new BatchNorm2d(8) }),
};

type LayerFixture = (typeof pytorch.layers)[keyof typeof pytorch.layers] & { inputShape?: number[]; outputShape?: number[] };
const fixtures = Object.entries(pytorch.layers) as [string, LayerFixture][];

describe('layers against PyTorch', () => {
  it('has a library twin for every layer configuration PyTorch recorded, and no other', () => {
    expect(Object.keys(twins).sort()).toEqual(fixtures.map(([key]) => key).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(fixtures)('%s', (key, expected) => {
    const layer = twins[key]!();

    it('counts the same total, trainable and buffer numbers', () => {
      expect(totalsOf(layer)).toEqual({ total: expected.total, trainable: expected.trainable, bufferTotal: expected.bufferTotal });
    });

    it('names and shapes its parameters and buffers as PyTorch does, in order', () => {
      expect([...layer.namedParameters()].map(([name, p]) => ({ name, requiresGrad: p.requiresGrad, shape: [...p.shape] }))).toEqual(
        expected.parameters,
      );
      expect([...layer.namedBuffers()].map(([name, b]) => ({ name, shape: [...b.shape] }))).toEqual(
        expected.buffers,
      );
    });

    it('lists the same stateDict keys and the same modules with their direct counts', () => {
      expect([...layer.stateDict().keys()]).toEqual(expected.stateDict);
      expect(directCounts(layer)).toEqual(expected.modules);
    });

    it('prints the same repr', () => {
      expect(layer.toString()).toBe(expected.repr);
    });

    if (expected.inputShape) {
      it(`infers the output shape PyTorch computes for input ${JSON.stringify(expected.inputShape)}`, () => {
        expect(layer.callShape(expected.inputShape!)).toEqual(expected.outputShape);
      });
    }
  });
});

// PyTorch 2.1 added LayerNorm's bias=False, after the torch 1.13 that writes the fixtures: there it
// registers weight and leaves bias as None, so only the scale is learned.
describe('LayerNorm(16, bias=False)', () => {
  const layer = new LayerNorm(16, { bias: false });

  it('learns a scale but no shift: 16 parameters, all in weight', () => {
    expect([...layer.namedParameters()].map(([name, p]) => [name, [...p.shape]])).toEqual([['weight', [16]]]);
    expect(layer.bias).toBeNull();
    expect(totalsOf(layer)).toEqual({ total: 16, trainable: 16, bufferTotal: 0 });
  });

  it('has no parameters at all once elementwiseAffine is off, whatever bias says', () => {
    expect(totalsOf(new LayerNorm(16, { elementwiseAffine: false, bias: true })).total).toBe(0);
  });
});
