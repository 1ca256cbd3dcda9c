// The models of torchinfo's tests (tests/fixtures/models.py and genotype.py in its repository),
// rebuilt with the library, module for module, so their summaries can be compared with the tables
// torchinfo printed for them. Functional calls (F.relu, F.max_pool2d, view) add no rows there,
// so here they work out shapes with `outputShape`, which reports to no summary.
import {
  BatchNorm2d,
  Conv1d,
  Conv2d,
  Dropout,
  Elementwise,
  Embedding,
  Linear,
  LSTM,
  MaxPool2d,
  Module,
  ModuleDict,
  ModuleList,
  Parameter,
  ReLU,
  Sequential,
  type Shape,
  Tanh,
} from 'lib';

const notComputed = (): never => {
  throw new Error('shape only');
};
const maxPool2 = (shape: Shape) => new MaxPool2d(2).outputShape(shape);

/** `nn.Dropout2d`: the same shape, no parameters. */
export class Dropout2d extends Elementwise {
  forward = notComputed;
}

/** `nn.Identity`. */
export class Identity extends Elementwise {
  forward = notComputed;
}

/** `nn.MaxPool1d(1)`: a window of one keeps the shape. */
export class MaxPool1d extends Elementwise {
  readonly kernelSize: number;
  constructor(kernelSize: number) {
    super();
    this.kernelSize = kernelSize;
  }
  forward = notComputed;
}

export class SingleInputNet extends Module {
  conv1 = new Conv2d(1, 10, 5);
  conv2 = new Conv2d(10, 20, 5);
  conv2_drop = new Dropout2d();
  fc1 = new Linear(320, 50);
  fc2 = new Linear(50, 10);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    const a = maxPool2(this.conv1.callShape(x));
    const b = maxPool2(this.conv2_drop.callShape(this.conv2.callShape(a)));
    return this.fc2.callShape(this.fc1.callShape([b[0]!, 320]));
  }
}

export class MultipleInputNetDifferentDtypes extends Module {
  fc1a = new Linear(300, 50);
  fc1b = new Linear(50, 10);
  fc2a = new Linear(300, 50);
  fc2b = new Linear(50, 10);
  forward = notComputed;
  override outputShape(x1: Shape, x2: Shape): Shape {
    const a = this.fc1b.callShape(this.fc1a.callShape(x1));
    const b = this.fc2b.callShape(this.fc2a.callShape(x2));
    return [a[0]! + b[0]!, a[1]!]; // torch.cat((x1, x2), 0)
  }
}

export class LSTMNet extends Module {
  embedding = new Embedding(20, 300);
  encoder = new LSTM(300, 512, { numLayers: 2 });
  decoder = new Linear(512, 20);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    const out = this.decoder.callShape(this.encoder.callShape(this.embedding.callShape(x)));
    return [out[0]! * out[1]!, out[2]!]; // out.view(-1, out.size(2))
  }
}

export class RecursiveNet extends Module {
  conv1 = new Conv2d(64, 64, 3, { padding: 1 });
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    let out = x;
    for (let i = 0; i < 3; i++) out = this.conv1.callShape(this.conv1.callShape(out));
    return out;
  }
}

export class SiameseNets extends Module {
  conv1 = new Conv2d(1, 64, 10);
  conv2 = new Conv2d(64, 128, 7);
  conv3 = new Conv2d(128, 128, 4);
  conv4 = new Conv2d(128, 256, 4);
  pooling = new MaxPool2d(2, { stride: 2 });
  fc1 = new Linear(256, 4096);
  fc2 = new Linear(4096, 1);
  dropout = new Dropout(0.5);
  forward = notComputed;
  override outputShape(x1: Shape, x2: Shape): Shape {
    const tower = (x: Shape) => {
      for (const conv of [this.conv1, this.conv2, this.conv3, this.conv4]) x = this.pooling.callShape(conv.callShape(x));
      return [x[0]!, x.slice(1).reduce((a, b) => a * b, 1)];
    };
    const a = tower(x1);
    const b = tower(x2);
    this.fc1.callShape(a);
    return this.fc2.callShape(this.dropout.callShape(this.fc1.callShape(b)));
  }
}

export class ContainerChildModule extends Module {
  _sequential = new Sequential(new Linear(5, 5), new Linear(5, 5));
  _between = new Linear(5, 5);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    let out = this._between.callShape(this._sequential.callShape(x));
    for (let i = 0; i < this._sequential.length; i++) out = this._sequential[i]!.callShape(out);
    out = this._sequential.callShape(x);
    for (let i = 0; i < this._sequential.length; i++) out = this._sequential[i]!.callShape(out);
    return out;
  }
}

export class ContainerModule extends Module {
  _layers = new ModuleList([new Linear(5, 5), new ContainerChildModule(), new Linear(5, 5)]);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    let out = x;
    for (const layer of this._layers) out = layer.callShape(out);
    return out;
  }
}

export class CustomParameter extends Module {
  weight: Parameter;
  constructor(inputSize: number, attentionSize: number) {
    super();
    this.weight = new Parameter([attentionSize, inputSize]);
  }
  forward = notComputed;
  override outputShape(): Shape {
    return this.weight.shape;
  }
}

export class MixedTrainable extends Module {
  fully_trainable = new Conv1d(1, 1, 1);
  partially_trainable = new Conv1d(1, 1, 1);
  non_trainable = new Conv1d(1, 1, 1);
  dropout = new Dropout();
  constructor() {
    super();
    this.partially_trainable.bias!.requiresGrad = false;
    this.non_trainable.requiresGrad_(false);
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    const steps = [this.fully_trainable, this.partially_trainable, this.non_trainable, this.dropout];
    return steps.reduce((shape, layer) => layer.callShape(shape), x);
  }
}

/** One Linear and a ReLU placed four times each in a Sequential. */
export class ReuseLinear extends Module {
  linear?: Linear;
  model: Sequential;
  constructor() {
    super();
    const linear = new Linear(10, 10);
    if (this instanceof ReuseLinearExtended) this.linear = linear;
    this.model = new Sequential(...Array.from({ length: 4 }, () => [linear, new ReLU()]).flat());
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.model.callShape(x);
  }
}

/** ReuseLinear that also registers the Linear as a field of its own. */
export class ReuseLinearExtended extends ReuseLinear {}

class Block extends Module {
  layers = new ModuleList([new Linear(4, 4), new Linear(4, 4)]);
  act: Module;
  constructor(act: Module) {
    super();
    this.act = act;
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    for (const layer of this.layers) x = this.act.callShape(layer.callShape(x));
    return x;
  }
}

export class SharedModuleInNestedList extends Module {
  blocks: ModuleList;
  constructor() {
    super();
    const shared = new ReLU();
    this.blocks = new ModuleList(Array.from({ length: 3 }, () => new Block(shared)));
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    for (const block of this.blocks) x = block.callShape(x);
    return x;
  }
}

class Inside extends Module {
  l_1 = new Linear(1, 1);
  param_1 = new Parameter([1]);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.l_1.callShape(x);
  }
}

export class InsideModel extends Module {
  l_0 = new Linear(2, 1);
  param_0 = new Parameter([2]);
  inside = new Inside();
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    const out = this.inside.callShape(this.l_0.callShape(x));
    return [out[0]!, 2]; // times param_0, broadcast
  }
}

export class RecursiveWithMissingLayers extends Module {
  out_conv0 = new Conv2d(3, 8, 5, { padding: 2 });
  out_bn0 = new BatchNorm2d(8);
  block0 = RecursiveWithMissingLayers.block(1, (i) => 2 ** i);
  block1 = RecursiveWithMissingLayers.block(4, (i) => 2 ** (7 - i));
  out_conv7 = new Conv2d(8, 1, 1);
  out_bn7 = new BatchNorm2d(1);

  // padding="same" for a 3×3 kernel is the dilation.
  static block(from: number, dilation: (i: number) => number): ModuleDict {
    const modules: Record<string, Module> = {};
    for (let i = from; i < from + 3; i++) {
      modules[`in_conv${i}`] = new Conv2d(8, 8, 3, { padding: dilation(i), dilation: dilation(i) });
      modules[`in_bn${i}`] = new BatchNorm2d(8);
    }
    return new ModuleDict(modules);
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    x = this.out_bn0.callShape(this.out_conv0.callShape(x));
    for (let i = 1; i < 7; i++) {
      const block = i < 4 ? this.block0 : this.block1;
      x = block.get(`in_bn${i}`).callShape(block.get(`in_conv${i}`).callShape(x));
    }
    return this.out_bn7.callShape(this.out_conv7.callShape(x));
  }
}

class ConvLayerA extends Module {
  conv = new Conv1d(1, 1, 1);
  relu = new ReLU();
  pool = new MaxPool1d(1);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.pool.callShape(this.relu.callShape(this.conv.callShape(x)));
  }
}

export class CNNModuleList extends Module {
  ml = new ModuleList(Array.from({ length: 5 }, () => new ConvLayerA()));
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    for (const layer of this.ml) x = layer.callShape(x);
    return x;
  }
}

export class ScalarTensorInputNet extends Module {
  linear = new Linear(10, 5);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.linear.callShape(x);
  }
}

export class LinearModel extends Module {
  layers = new Sequential(new Linear(128, 128), new ReLU(), new Linear(128, 128), new ReLU(), new Linear(128, 1));
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.layers.callShape(x);
  }
}

// tests/fixtures/genotype.py: a DARTS cell whose two skip connections are IdentityModels.
class IdentityModel extends Module {
  identity = new Identity();
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.identity.callShape(x);
  }
}

class ReLUConvBN extends Module {
  op: Sequential;
  constructor(cIn: number, cOut: number) {
    super();
    this.op = new Sequential(new ReLU(), new Conv2d(cIn, cOut, 1, { bias: false }), new BatchNorm2d(cOut));
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.op.callShape(x);
  }
}

class Cell extends Module {
  preprocess0: ReLUConvBN;
  preprocess1: ReLUConvBN;
  _ops = new ModuleList([new IdentityModel(), new IdentityModel()]);
  constructor(cPrevPrev: number, cPrev: number, c: number) {
    super();
    this.preprocess0 = new ReLUConvBN(cPrevPrev, c);
    this.preprocess1 = new ReLUConvBN(cPrev, c);
  }
  forward = notComputed;
  override outputShape(s0: Shape, s1: Shape): Shape {
    const states = [this.preprocess0.callShape(s0), this.preprocess1.callShape(s1)];
    this._ops.get(0).callShape(states[1]!);
    this._ops.get(1).callShape(states[0]!);
    return states[0]!; // torch.cat of states[0] alone
  }
}

export class GenotypeNetwork extends Module {
  stem = new Sequential(new Conv2d(3, 48, 3, { padding: 1, bias: false }), new BatchNorm2d(48));
  cells = new ModuleList([new Cell(48, 48, 32)]);
  forward = notComputed;
  // Its forward ends without a return statement, so the model's output is None.
  override outputShape(input: Shape): Shape {
    let s0 = this.stem.callShape(input);
    let s1 = s0;
    for (const cell of this.cells) [s0, s1] = [s1, cell.callShape(s0, s1)];
    return undefined as unknown as Shape;
  }
}

/** `nn.LeakyReLU`, `nn.LogSoftmax`: the same shape, no parameters. */
export class LeakyReLU extends Elementwise {
  forward = notComputed;
}
export class LogSoftmax extends Elementwise {
  forward = notComputed;
}

/** `nn.PReLU()`: one learned slope. */
export class PReLU extends Elementwise {
  weight = new Parameter([1]);
  forward = notComputed;
}

/** `nn.ReflectionPad2d(p)`: p more on each side of H and W. */
export class ReflectionPad2d extends Module {
  constructor(readonly padding: number) {
    super();
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return [...x.slice(0, -2), ...x.slice(-2).map((size) => size + 2 * this.padding)];
  }
}

/** `nn.MaxUnpool2d(2, 2)`: back to twice the size (its kernel_size is a pair, as PyTorch stores it). */
export class MaxUnpool2d extends Module {
  readonly kernelSize = [2, 2];
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return [...x.slice(0, -2), ...x.slice(-2).map((size) => 2 * size)];
  }
}

/** `nn.LSTMCell(input, hidden)`: four gates, two weights and two biases; returns (h, c). */
export class LSTMCell extends Module {
  weight_ih: Parameter;
  weight_hh: Parameter;
  bias_ih: Parameter;
  bias_hh: Parameter;
  constructor(inputSize: number, readonly hiddenSize: number) {
    super();
    this.weight_ih = new Parameter([4 * hiddenSize, inputSize]);
    this.weight_hh = new Parameter([4 * hiddenSize, hiddenSize]);
    this.bias_ih = new Parameter([4 * hiddenSize]);
    this.bias_hh = new Parameter([4 * hiddenSize]);
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return [x[0]!, this.hiddenSize];
  }
}

export class SimpleRNN extends Module {
  lstm = new LSTMCell(3, 2);
  activation = new Tanh();
  projection = new Linear(2, 3);
  constructor(readonly repeatOutsideLoop = false) {
    super();
  }
  forward = notComputed;
  override outputShape(tokens: Shape): Shape {
    let hx: Shape = [tokens[0]!, 2];
    for (let i = 0; i < 4; i++) hx = this.activation.callShape(this.lstm.callShape(tokens));
    if (this.repeatOutsideLoop) hx = this.activation.callShape(this.projection.callShape(hx));
    return hx;
  }
}

/** ModuleDictModel(layerType, activationType): the forward's two string arguments, chosen up front. */
export class ModuleDictModel extends Module {
  choices = new ModuleDict({ conv: new Conv2d(10, 10, 3), pool: new MaxPool2d(3) });
  activations = new ModuleDict({ lrelu: new LeakyReLU(), prelu: new PReLU() });
  constructor(readonly layerType: string, readonly activationType: string) {
    super();
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.activations.get(this.activationType).callShape(this.choices.get(this.layerType).callShape(x));
  }
}

export class ReuseReLU extends Module {
  model: Sequential;
  constructor() {
    super();
    const activation = new ReLU();
    const layers: Module[] = [new ReflectionPad2d(3), new Conv2d(4, 1, 1), new BatchNorm2d(1), activation];
    for (const mult of [1, 2, 4]) {
      layers.push(new Conv2d(mult, mult * 2, 1, { stride: 2, padding: 1 }), new BatchNorm2d(mult * 2), activation);
    }
    this.model = new Sequential(...layers);
  }
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.model.callShape(x);
  }
}

export class AutoEncoder extends Module {
  encoder = new Sequential(new Conv2d(3, 16, 3, { padding: 1 }), new ReLU());
  pool = new MaxPool2d(2, { stride: 2 });
  unpool = new MaxUnpool2d();
  decode = new Sequential(new Conv2d(16, 3, 3, { padding: 1 }), new ReLU());
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.decode.callShape(this.unpool.callShape(this.pool.callShape(this.encoder.callShape(x))));
  }
}

/** Two Linears whose outputs become a distribution: its batch shape is what torchinfo shows. */
export class NormalOutputModel extends Module {
  mean_layer = new Linear(10, 5);
  std_layer = new Linear(10, 5);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    this.std_layer.callShape(x);
    return this.mean_layer.callShape(x);
  }
}

export class CategoricalOutputModel extends Module {
  linear = new Linear(10, 5);
  log_softmax = new LogSoftmax();
  forward = notComputed;
  // Categorical(logits) has the batch shape of the logits without their last dimension.
  override outputShape(x: Shape): Shape {
    return this.log_softmax.callShape(this.linear.callShape(x)).slice(0, -1);
  }
}

export class HighlyNestedDictModel extends Module {
  lin1 = new Linear(10, 10);
  lin2 = new Linear(10, 10);
  forward = notComputed;
  override outputShape(x: Shape): Shape {
    return this.lin2.callShape(this.lin1.callShape(x));
  }
}
