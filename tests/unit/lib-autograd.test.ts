// How autograd behaves, PyTorch's way: accumulation, zeroGrad, noGrad, frozen layers, modes,
// and a captured Graph that replays a training step.
import {
  Adam, add, Dropout, Graph, Linear, linear, manualSeed, matmul, mean, mseLoss, mul, noGrad, Optimizer,
  relu, Sequential, SGD, SimpleNN, sub, sum, tanh, tensor, Tensor, zeros,
} from 'lib';
import { describe, expect, it } from 'vitest';

const x = () => tensor([[1, 2, 3], [-1, 0.5, 2], [0, -3, 1], [2, 2, -2]]);
const y = () => tensor([[1, 0], [0, 1], [1, 1], [-1, 0]]);

function trainedModel(steps: number, useGraph: boolean): SimpleNN {
  manualSeed(3);
  const model = new SimpleNN(3, 5, 2);
  const optimizer = new Adam(model.parameters(), { lr: 0.05 });
  const [inputs, targets] = [x(), y()];
  const step = () => {
    optimizer.zeroGrad();
    mseLoss(model.call(inputs), targets).backward();
    optimizer.step();
  };
  if (useGraph) {
    const graph = new Graph();
    graph.capture(step);
    for (let i = 1; i < steps; i++) graph.replay();
  } else {
    for (let i = 0; i < steps; i++) step();
  }
  return model;
}

describe('backward', () => {
  it('names the operation that made each tensor, like grad_fn', () => {
    const model = new SimpleNN(3, 5, 2);
    const loss = mseLoss(model.call(x()), y());
    expect(loss.gradFn?.name).toBe('MseLossBackward');
    expect(loss.gradFn?.inputs[0]?.gradFn?.name).toBe('LinearBackward');
    expect(loss.isLeaf).toBe(false);
    expect(model.hidden.weight.isLeaf).toBe(true);
  });

  it('adds up gradients over two backward passes until they are zeroed', () => {
    const model = new SimpleNN(3, 5, 2);
    mseLoss(model.call(x()), y()).backward();
    const once = [...model.output.bias!.grad!.data];
    mseLoss(model.call(x()), y()).backward();
    for (const [i, g] of model.output.bias!.grad!.data.entries()) expect(g).toBeCloseTo(2 * once[i]!, 14);
    model.zeroGrad();
    expect(model.output.bias!.grad).toBeNull();
  });

  it('zeroes gradients in place when asked not to set them to null', () => {
    const model = new SimpleNN(3, 5, 2);
    mseLoss(model.call(x()), y()).backward();
    const grad = model.hidden.weight.grad;
    model.zeroGrad(false);
    expect(model.hidden.weight.grad).toBe(grad);
    expect([...grad!.data].every((g) => g === 0)).toBe(true);
  });

  it('gives a parameter used twice the sum of the gradients of both uses', () => {
    const layer = new Linear(2, 2);
    layer.weight.data.set([1, 2, 3, 4]);
    // sum(W(Wx + b) + b): the bias gets 1 from its second use and Wᵀ·1 (column sums) from its first.
    sum(new Sequential(layer, layer).call(tensor([[1, 2]]))).backward();
    expect([...layer.bias!.grad!.data]).toEqual([1 + (1 + 3), 1 + (2 + 4)]);
  });

  it('leaves frozen parameters without a gradient', () => {
    const model = new SimpleNN(3, 5, 2);
    model.hidden.requiresGrad_(false);
    mseLoss(model.call(x()), y()).backward();
    expect(model.hidden.weight.grad).toBeNull();
    expect(model.output.weight.grad).not.toBeNull();
  });

  it('records nothing inside noGrad, so there is nothing to differentiate', () => {
    const model = new SimpleNN(3, 5, 2);
    const loss = noGrad(() => mseLoss(model.call(x()), y()));
    expect(loss.requiresGrad).toBe(false);
    expect(() => loss.backward()).toThrow(/does not require grad/);
  });

  it('needs an explicit gradient for a result with more than one element', () => {
    const out = new SimpleNN(3, 5, 2).call(x());
    expect(() => out.backward()).toThrow(/only for a scalar/);
    out.backward(new Tensor(out.shape, new Float64Array(8).fill(1)));
  });

  it('reads one number out of a one-element tensor and refuses others', () => {
    expect(tensor([[2.5]]).item()).toBe(2.5);
    expect(() => zeros([2]).item()).toThrow(/one-element/);
  });
});

describe('train and eval modes', () => {
  it('switch every submodule, as model.train() and model.eval() do', () => {
    const model = new Sequential(new Linear(2, 2), new Dropout(0.5));
    expect([...model.modules()].every((m) => m.training)).toBe(true);
    model.eval();
    expect([...model.modules()].some((m) => m.training)).toBe(false);
    model.train();
    expect(model[1]!.training).toBe(true);
  });

  it('make Dropout zero about p of the values and scale the rest by 1/(1 − p) in training only', () => {
    manualSeed(0);
    const layer = new Dropout(0.25);
    const ones = new Tensor([4000], new Float64Array(4000).fill(1));
    const out = [...layer.call(ones).data];
    const zeroed = out.filter((v) => v === 0).length / out.length;
    expect(zeroed).toBeGreaterThan(0.22);
    expect(zeroed).toBeLessThan(0.28);
    expect(new Set(out.filter((v) => v !== 0))).toEqual(new Set([1 / 0.75]));
    layer.eval();
    expect(layer.call(ones)).toBe(ones);
  });
});

describe('optimisers', () => {
  it('take a plain SGD step of −lr · gradient', () => {
    const layer = new Linear(1, 1);
    layer.weight.data.set([2]);
    layer.bias!.data.set([0]);
    const optimizer = new SGD(layer.parameters(), { lr: 0.1 });
    mseLoss(layer.call(tensor([[1]])), tensor([[0]])).backward(); // d/dw (w·1)² = 2w = 4
    optimizer.step();
    expect(layer.weight.data[0]).toBeCloseTo(2 - 0.1 * 4, 15);
  });

  it('skip parameters that have no gradient', () => {
    const model = new SimpleNN(3, 5, 2);
    const before = [...model.hidden.weight.data];
    const optimizer = new Adam(model.parameters(), { lr: 0.1 });
    model.hidden.requiresGrad_(false);
    mseLoss(model.call(x()), y()).backward();
    optimizer.step();
    expect([...model.hidden.weight.data]).toEqual(before);
  });

  it('refuse an empty parameter list and a negative learning rate', () => {
    expect(() => new SGD([])).toThrow(/empty parameter list/);
    expect(() => new Adam(new Linear(1, 1).parameters(), { lr: -1 })).toThrow(/learning rate/);
  });
});

describe('a captured Graph', () => {
  it('trains to exactly the same parameters as the same steps run one by one', () => {
    const eager = trainedModel(50, false);
    const replayed = trainedModel(50, true);
    for (const [name, p] of eager.namedParameters()) {
      expect([...new Map(replayed.namedParameters()).get(name)!.data], name).toEqual([...p.data]);
    }
  });

  it('updates the captured loss on every replay', () => {
    const model = new SimpleNN(3, 5, 2);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const graph = new Graph();
    const loss = graph.capture(() => {
      optimizer.zeroGrad();
      const l = mseLoss(model.call(x()), y());
      l.backward();
      optimizer.step();
      return l;
    });
    const first = loss.item();
    graph.replay();
    expect(loss.item()).toBeLessThan(first);
    expect(graph.length).toBeGreaterThan(0);
  });

  it('draws a fresh dropout mask on each replay', () => {
    manualSeed(1);
    const graph = new Graph();
    const out = graph.capture(() => new Dropout(0.5).call(new Tensor([64], new Float64Array(64).fill(1))));
    const first = [...out.data];
    graph.replay();
    expect([...out.data]).not.toEqual(first);
  });

  it('replays every operation on the values written into its inputs since the capture', () => {
    const a = tensor([[1, -2], [3, 0.5]]);
    const b = tensor([[0.5, 2], [-1, 4]]);
    const bias = tensor([0.25, -0.75]);
    // Every op of the library, each result feeding the scalar the graph ends in.
    const compute = () => {
      const h = tanh(relu(add(linear(a, b, bias), mul(sub(a, b), 2))));
      return add(mseLoss(matmul(h, b), a), add(sum(h), mean(b)));
    };
    const graph = new Graph();
    const captured = graph.capture(compute);
    a.data.set([0.5, 1, -1, 2]);
    b.data.set([1, -0.5, 2, 0.25]);
    graph.replay();
    expect(captured.item()).toBe(compute().item());
  });

  it("refuses a tensor made inside a kernel, such as an optimiser's update", () => {
    class Wasteful extends Optimizer {
      protected update(): void {
        zeros([1]);
      }
    }
    const optimizer = new Wasteful(new Linear(1, 1).parameters(), 0.1);
    expect(() => optimizer.step()).toThrow(/a Tensor made inside a kernel .* a Graph replay would not make it again/);
    expect(() => zeros([1])).not.toThrow();
  });

  it('cannot capture while another capture is running', () => {
    const graph = new Graph();
    expect(() => graph.capture(() => new Graph().capture(() => 0))).toThrow(/another graph/);
  });
});
