// Buffers, stateDict() and freezing: what PyTorch keeps besides the learned parameters.
import {
  BatchNorm1d,
  Buffer,
  countParameters,
  Embedding,
  freeze,
  GPT2,
  Linear,
  Module,
  ModuleDict,
  ModuleList,
  ReLU,
  resnet18,
  Sequential,
  SimpleNN,
  type Tensor,
} from 'lib';
import { describe, expect, it } from 'vitest';

describe('buffers', () => {
  it('keeps BatchNorm1d(16) at 32 parameters with 33 buffer values beside them', () => {
    const bn = new BatchNorm1d(16);
    expect(countParameters(bn)).toBe(32);
    expect([...bn.namedBuffers()].map(([name, b]) => [name, b.numel()])).toEqual([
      ['running_mean', 16],
      ['running_var', 16],
      ['num_batches_tracked', 1],
    ]);
    expect([...bn.running_var!.data]).toEqual(new Array(16).fill(1));
    expect(bn.num_batches_tracked!.shape).toEqual([]);
  });

  it('registers a Buffer field of any module, with a dotted name, once even when shared', () => {
    class Scaler extends Module {
      scale = new Buffer([3]);
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const one = new Scaler();
    const model = new Sequential(one, new ReLU(), one);
    expect([...model.namedBuffers()].map(([name]) => name)).toEqual(['0.scale']);
    expect([...model.buffers()]).toEqual([one.scale]);
    expect([...model.namedBuffers('', false)]).toEqual([]);
    expect(countParameters(model)).toBe(0);
  });
});

describe('stateDict', () => {
  it('lists parameters then buffers of each module, by full name', () => {
    const model = new Sequential(new Linear(2, 2), new BatchNorm1d(2));
    expect([...model.stateDict().keys()]).toEqual([
      '0.weight',
      '0.bias',
      '1.weight',
      '1.bias',
      '1.running_mean',
      '1.running_var',
      '1.num_batches_tracked',
    ]);
  });

  it('lists a tied tensor under both names, where namedParameters lists it once', () => {
    const embedding = new Embedding(8, 4);
    const head = new Linear(4, 8, { bias: false });
    head.weight = embedding.weight;
    const model = new ModuleDict({ embedding, head });
    expect([...model.stateDict().keys()]).toEqual(['embedding.weight', 'head.weight']);
    expect(model.stateDict().get('head.weight')).toBe(embedding.weight);
    expect([...model.namedParameters()].map(([name]) => name)).toEqual(['embedding.weight']);
    expect(countParameters(model)).toBe(32);
  });

  it('adds a prefix to every key', () => {
    expect([...new SimpleNN(3, 5, 2).stateDict('model').keys()]).toEqual([
      'model.hidden.weight',
      'model.hidden.bias',
      'model.output.weight',
      'model.output.bias',
    ]);
  });

  it('names GPT-2 small’s tensors without allocating any of them', () => {
    const before = process.memoryUsage().arrayBuffers;
    const state = new GPT2().stateDict();
    expect(state.size).toBe(149);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });
});

describe('freeze', () => {
  it('freezes every parameter and returns the module, like requiresGrad_(false)', () => {
    const model = resnet18();
    expect(freeze(model.layer1)).toBe(model.layer1);
    expect(countParameters(model, { trainableOnly: false }) - countParameters(model)).toBe(147_968);
  });

  it('leaves buffers out of both counts', () => {
    const bn = freeze(new BatchNorm1d(16));
    expect(countParameters(bn)).toBe(0);
    expect(countParameters(bn, { trainableOnly: false })).toBe(32);
  });
});

describe('ModuleList and ModuleDict', () => {
  it('index, iterate and name their modules like their PyTorch twins', () => {
    const first = new Linear(2, 3);
    const list = new ModuleList([first]).append(new ReLU());
    expect(list.length).toBe(2);
    expect(list.get(-2)).toBe(first);
    expect([...list].map((m) => m.constructor.name)).toEqual(['Linear', 'ReLU']);
    const dict = new ModuleDict({ encoder: first });
    expect(dict.get('encoder')).toBe(first);
    expect([...dict.namedParameters()].map(([name]) => name)).toEqual(['encoder.weight', 'encoder.bias']);
  });

  it('reject what PyTorch would reject, and what JavaScript would reorder or hide', () => {
    expect(() => new ModuleList([{} as Module])).toThrow(/item 0 is not a Module/);
    expect(() => new ModuleList().get(0)).toThrow(/out of range for 0 modules/);
    expect(() => new ModuleDict({ 0: new ReLU() })).toThrow(/use a ModuleList/);
    expect(() => new ModuleDict({ get: new ReLU() })).toThrow(/would hide/);
    expect(() => new ModuleDict({}).get('missing')).toThrow(/no module named "missing"/);
    expect(() => new ModuleList().call()).toThrow(/ModuleList.forward is not implemented/);
  });
});
