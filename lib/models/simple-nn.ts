import { ReLU } from '../layers/activation.ts';
import { Linear } from '../layers/linear.ts';
import { Module } from '../module.ts';
import { pinName } from '../names.ts';
import { checkSize, type Shape } from '../shape.ts';
import type { Tensor } from '../tensor.ts';

/**
 * The network of the lessons, field for field the PyTorch original:
 *
 * ```python
 * class SimpleNN(nn.Module):
 *     def __init__(self, input_size, hidden_size, output_size):
 *         super().__init__()
 *         self.hidden = nn.Linear(input_size, hidden_size)
 *         self.relu = nn.ReLU()
 *         self.output = nn.Linear(hidden_size, output_size)
 *     def forward(self, x):
 *         return self.output(self.relu(self.hidden(x)))
 * ```
 *
 * `new SimpleNN(3, 5, 2)` has (3·5 + 5) + (5·2 + 2) = 32 parameters.
 */
export class SimpleNN extends Module {
  static {
    pinName(this, 'SimpleNN');
  }

  hidden: Linear;
  relu: ReLU;
  output: Linear;

  constructor(inputSize: number, hiddenSize: number, outputSize: number) {
    super();
    checkSize(inputSize, 'SimpleNN: inputSize');
    checkSize(hiddenSize, 'SimpleNN: hiddenSize');
    checkSize(outputSize, 'SimpleNN: outputSize');
    this.hidden = new Linear(inputSize, hiddenSize);
    this.relu = new ReLU();
    this.output = new Linear(hiddenSize, outputSize);
  }

  forward(x: Tensor): Tensor {
    return this.output.call(this.relu.call(this.hidden.call(x)));
  }

  override outputShape(input: Shape): Shape {
    return this.output.callShape(this.relu.callShape(this.hidden.callShape(input)));
  }
}
