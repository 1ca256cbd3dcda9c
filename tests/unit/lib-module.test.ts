import { Buffer, countParameters, Embedding, Linear, Module, Parameter, ReLU, Sequential, SimpleNN, type Tensor, tensor, zeros } from 'lib';
import { describe, expect, it } from 'vitest';
import pytorch from '../fixtures/pytorch-counts.json';
import { TiedLinears } from '../support/pytorch-twins.ts';

// The same summary scripts/generate_pytorch_fixtures.py records for each PyTorch module.
const summarize = (model: Module) => ({
  namedChildren: [...model.namedChildren()].map(([name]) => name),
  namedModules: [...model.namedModules()].map(([name]) => name),
  parameters: [...model.namedParameters()].map(([name, p]) => ({
    name,
    requiresGrad: p.requiresGrad,
    shape: [...p.shape],
  })),
  repr: model.toString(),
});

const pytorchSummary = ({ namedChildren, namedModules, parameters, repr }: (typeof pytorch)['simpleNN']) => ({
  namedChildren,
  namedModules,
  parameters,
  repr,
});

// A parameter of its own, assigned after its child, like Scaled in the fixture script.
class Scaled extends Module {
  linear: Linear;
  scale: Parameter;

  constructor() {
    super();
    this.linear = new Linear(2, 2);
    this.scale = new Parameter(tensor([1, 1]));
  }

  forward(x: Tensor): Tensor {
    return this.linear.call(x);
  }
}

// Fields and register() calls interleaved, like Registered in the fixture script.
class Registered extends Module {
  first = new Linear(2, 2);
  last: Linear;
  offset: Parameter;

  constructor() {
    super();
    this.register('middle', new ReLU());
    this.register('steps', new Buffer([1]));
    this.register('scale', new Parameter(tensor([1, 1])));
    this.last = new Linear(2, 1);
    this.offset = new Parameter([1]);
  }

  forward(x: Tensor): Tensor {
    return this.last.call(this.first.call(x));
  }
}

describe('Module', () => {
  it('prints SimpleNN exactly as PyTorch prints it', () => {
    expect(new SimpleNN(3, 5, 2).toString()).toBe(pytorch.simpleNN.repr);
    expect(String(new SimpleNN(3, 5, 2))).toBe(
      [
        'SimpleNN(',
        '  (hidden): Linear(in_features=3, out_features=5, bias=True)',
        '  (relu): ReLU()',
        '  (output): Linear(in_features=5, out_features=2, bias=True)',
        ')',
      ].join('\n'),
    );
  });

  it('names, orders and lists the parameters and submodules of SimpleNN as PyTorch does', () => {
    expect(summarize(new SimpleNN(3, 5, 2))).toEqual(pytorchSummary(pytorch.simpleNN));
  });

  it('matches PyTorch for a frozen hidden layer', () => {
    const model = new SimpleNN(3, 5, 2);
    model.hidden.requiresGrad_(false);
    expect(summarize(model)).toEqual(pytorchSummary(pytorch.frozenHidden));
  });

  it('matches PyTorch for a Linear without bias, skipping the null bias', () => {
    const layer = new Linear(3, 5, { bias: false });
    expect(layer.bias).toBeNull();
    expect(summarize(layer)).toEqual(pytorchSummary(pytorch.linearNoBias));
  });

  it('lists a shared layer once among parameters, children and modules but twice when printed', () => {
    const shared = new Linear(3, 3);
    expect(summarize(new Sequential(shared, new ReLU(), shared))).toEqual(
      pytorchSummary(pytorch.sharedInSequential),
    );
  });

  it('gives a tied weight the name of its first owner, as PyTorch does', () => {
    expect(summarize(new TiedLinears())).toEqual(pytorchSummary(pytorch.tiedWeight));
  });

  it('names nested modules with dotted paths and indents them when printed', () => {
    const model = new Sequential(new SimpleNN(3, 5, 2), new ReLU(), new Linear(2, 1));
    expect(summarize(model)).toEqual(pytorchSummary(pytorch.nestedSequential));
  });

  it("yields a module's own parameters before its children's, as PyTorch does", () => {
    expect(summarize(new Scaled())).toEqual(pytorchSummary(pytorch.ownParameterAfterChild));
  });

  it('orders registered and assigned children, parameters and buffers as PyTorch does', () => {
    const model = new Registered();
    expect(summarize(model)).toEqual(pytorchSummary(pytorch.registeredAmongFields));
    expect([...model.stateDict().keys()]).toEqual(pytorch.registeredAmongFields.stateDict);
  });

  it('replaces a registered value in its place, and refuses what PyTorch refuses', () => {
    const model = new Registered();
    const middle = model.register('middle', new Linear(2, 2));
    expect([...model.namedChildren()].map(([name, child]) => [name, child === middle])).toEqual([
      ['first', false],
      ['middle', true],
      ['last', false],
    ]);
    expect(() => model.register('', new ReLU())).toThrow(/must be non-empty and without "\."/);
    expect(() => model.register('a.b', new ReLU())).toThrow(/got "a\.b"/);
    expect(() => model.register('training', new ReLU())).toThrow(/"training" would hide the property/);
    expect(() => model.register('forward', new ReLU())).toThrow(/would hide/);
    expect(() => model.register('scale', new ReLU())).toThrow(/"scale" would hide/);
    expect(() => model.register('x', zeros([1]) as Parameter)).toThrow(/must be a Module, a Parameter or a Buffer/);
  });

  it('registers only Module and Parameter fields, not numbers, plain tensors, nulls or arrays', () => {
    class Mixed extends Module {
      size = 3;
      label = 'mixed';
      buffer = zeros([4]);
      missing = null;
      layers = [new Linear(2, 2)]; // a plain array is not registered, as a Python list is not
      layer = new Linear(2, 1);

      forward(x: Tensor): Tensor {
        return this.layer.call(x);
      }
    }
    const model = new Mixed();
    expect([...model.namedParameters()].map(([name]) => name)).toEqual(['layer.weight', 'layer.bias']);
    expect([...model.namedChildren()].map(([name]) => name)).toEqual(['layer']);
    expect(model.toString()).toBe('Mixed(\n  (layer): Linear(in_features=2, out_features=1, bias=True)\n)');
  });

  it('yields each parameter object once from parameters()', () => {
    const model = new TiedLinears();
    const parameters = [...model.parameters()];
    expect(parameters).toEqual([model.encoder.weight, model.encoder.bias, model.decoder.bias]);
    expect(parameters[0]).toBe(model.decoder.weight);
  });

  it('yields only its own parameters when recurse is false', () => {
    const model = new Scaled();
    expect([...model.parameters(false)]).toEqual([model.scale]);
    expect([...model.namedParameters('', false)].map(([name]) => name)).toEqual(['scale']);
    expect([...new SimpleNN(3, 5, 2).parameters(false)]).toEqual([]);
  });

  it('puts a prefix in front of every parameter name', () => {
    const names = [...new SimpleNN(3, 5, 2).namedParameters('model')].map(([name]) => name);
    expect(names).toEqual([
      'model.hidden.weight',
      'model.hidden.bias',
      'model.output.weight',
      'model.output.bias',
    ]);
  });

  it('walks children and modules depth-first, starting with itself', () => {
    const model = new SimpleNN(3, 5, 2);
    expect([...model.children()]).toEqual([model.hidden, model.relu, model.output]);
    expect([...model.modules()]).toEqual([model, model.hidden, model.relu, model.output]);
    expect([...model.namedModules('net')].map(([name]) => name)).toEqual([
      'net',
      'net.hidden',
      'net.relu',
      'net.output',
    ]);
  });

  it('freezes and unfreezes every parameter with requiresGrad_, returning itself', () => {
    const model = new SimpleNN(3, 5, 2);
    expect(model.requiresGrad_(false)).toBe(model);
    expect([...model.parameters()].map((p) => p.requiresGrad)).toEqual([false, false, false, false]);
    model.output.requiresGrad_();
    expect([...model.parameters()].map((p) => p.requiresGrad)).toEqual([false, false, true, true]);
  });

  it('prints a module without children or extra text as its bare name', () => {
    expect(new ReLU().toString()).toBe('ReLU()');
    expect(new Sequential().toString()).toBe('Sequential()');
  });

  it('prints a multi-line extraRepr on its own lines, as PyTorch does', () => {
    class Noted extends Module {
      relu = new ReLU();
      override extraRepr() {
        return 'first=1,\nsecond=2';
      }
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    expect(new Noted().toString()).toBe('Noted(\n  first=1,\n  second=2\n  (relu): ReLU()\n)');
  });
});

describe('a parameter field', () => {
  // PyTorch 1.13: "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None
  // expected)", in the library's type names.
  const refusal = (type: string, name: string) => `cannot assign '${type}' as parameter '${name}' (Parameter or null expected)`;

  it("refuses a plain tensor with PyTorch's message, and the count stays at 20", () => {
    const linear = new Linear(3, 5);
    const weight = linear.weight;
    // @ts-expect-error a Tensor is not a Parameter, so this does not type-check either
    expect(() => (linear.weight = zeros([5, 3]))).toThrow(new TypeError(refusal('Tensor', 'weight')));
    expect(linear.weight).toBe(weight);
    expect(countParameters(linear)).toBe(20);
  });

  it('refuses a buffer, a module or a number the same way, even where only the run time sees it', () => {
    const linear = new Linear(3, 5) as unknown as Record<string, unknown>;
    expect(() => (linear.bias = new Buffer([5]))).toThrow(refusal('Buffer', 'bias'));
    expect(() => (linear.bias = new ReLU())).toThrow(refusal('ReLU', 'bias'));
    expect(() => (linear.weight = 0)).toThrow(refusal('number', 'weight'));
    expect(countParameters(linear as unknown as Module)).toBe(20);
  });

  it("guards the parameter fields of a module's own class, and names registered at run time", () => {
    const model = new Registered();
    expect(() => Object.assign(model, { offset: zeros([1]) })).toThrow(refusal('Tensor', 'offset'));
    expect(() => Object.assign(model, { scale: zeros([2]) })).toThrow(refusal('Tensor', 'scale'));
    expect(countParameters(model)).toBe(6 + 3 + 2 + 1);
  });

  it('takes another Parameter, or null, and counts what it then holds', () => {
    const linear = new Linear(3, 5);
    linear.weight = new Parameter([5, 4]);
    expect(countParameters(linear)).toBe(20 + 5);
    linear.bias = null;
    expect(countParameters(linear)).toBe(20);
    expect([...linear.namedParameters()].map(([name]) => name)).toEqual(['weight']);
  });

  it('ties two layers with one Parameter, as a language model ties its embedding and output head', () => {
    const embed = new Embedding(8, 4);
    const lm_head = new Linear(4, 8, { bias: false });
    lm_head.weight = embed.weight;
    expect(lm_head.weight).toBe(embed.weight);
    expect(countParameters(new Sequential(embed, lm_head))).toBe(32);
  });

  it('leaves fields that hold no Parameter free, as PyTorch leaves plain attributes', () => {
    const linear = new Linear(3, 5);
    linear.training = false;
    Object.assign(linear, { note: zeros([2]) });
    expect(countParameters(linear)).toBe(20);
  });
});

describe('Sequential', () => {
  it('indexes its modules like a Python list, negative indices included', () => {
    const first = new Linear(3, 4);
    const relu = new ReLU();
    const last = new Linear(4, 2);
    const model = new Sequential(first, relu, last);
    expect(model.length).toBe(3);
    expect(model[0]).toBe(first);
    expect(model.get(1)).toBe(relu);
    expect(model.get(-1)).toBe(last);
  });
});
