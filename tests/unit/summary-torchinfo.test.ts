// summary() against the tables torchinfo printed for its own test models
// (tests/fixtures/torchinfo/*.out): same rows, shapes, counts, mult-adds and sizes.
import { readFileSync } from 'node:fs';
import { Bottleneck, Conv1d, Conv2d, Linear, Module, ResNet, resnet18, resnet50, type Shape, summary, type SummaryOptions } from 'lib';
import { describe, expect, it } from 'vitest';
import { resnet18FirstThirtyFrozen } from '../support/pytorch-twins.ts';
import * as models from '../support/torchinfo-models.ts';

/** The tables of one torchinfo output file (some hold several): one ends where two dividers meet. */
function tablesOf(file: string): string[] {
  const text = readFileSync(new URL(`../fixtures/torchinfo/${file}.out`, import.meta.url), 'utf8').trimEnd();
  return text.split(/(?<=^=+)\n(?==+$)/m);
}

class TensorKernelSizeConv extends Module {
  conv = new Conv1d(1, 1, 3, { padding: 1 });
  readonly kernelSize = 3;
  forward(): never {
    throw new Error('shape only');
  }
  override outputShape(x: Shape): Shape {
    return this.conv.callShape(x);
  }
}

const resnet152 = () => new ResNet(Bottleneck, [3, 8, 36, 3]);
const lstmColumns: SummaryOptions = {
  inputSize: [1, 100],
  dtypes: ['int64'],
  colWidth: 20,
  colNames: ['kernel_size', 'output_size', 'num_params', 'mult_adds'],
  rowSettings: ['var_names'],
};

// [file, which table, model, options]: every table torchinfo printed for a model this library builds.
const identical: [string, number, () => Module, SummaryOptions][] = [
  ['string_result', 0, () => new models.SingleInputNet(), { inputSize: [16, 1, 28, 28] }],
  ['single_input', 0, () => new models.SingleInputNet(), { inputSize: [2, 1, 28, 28] }],
  ['input_tensor', 0, () => new models.SingleInputNet(), { inputSize: [5, 1, 28, 28] }],
  ['device', 0, () => new models.SingleInputNet(), { inputSize: [5, 1, 28, 28] }],
  ['row_settings', 0, () => new models.SingleInputNet(), { inputSize: [16, 1, 28, 28], rowSettings: ['var_names'] }],
  [
    'single_input_all_cols',
    0,
    () => new models.SingleInputNet(),
    {
      inputSize: [7, 1, 28, 28],
      depth: 1,
      colWidth: 20,
      colNames: ['kernel_size', 'groups', 'input_size', 'output_size', 'num_params', 'params_percent', 'mult_adds', 'trainable'],
    },
  ],
  // batch_dim=0 with input (1, 28, 28): a batch of one.
  [
    'single_input_batch_dim',
    0,
    () => new models.SingleInputNet(),
    { inputSize: [1, 1, 28, 28], depth: 1, colWidth: 20, colNames: ['kernel_size', 'input_size', 'output_size', 'num_params', 'mult_adds'] },
  ],
  ['linear', 0, () => new Linear(8, 64), { inputSize: [32, 16, 8], depth: 1, colWidth: 20, colNames: ['input_size', 'output_size', 'num_params', 'mult_adds'] }],
  [
    'groups',
    0,
    () => new Conv2d(16, 32, 3, { groups: 4 }),
    { inputSize: [7, 16, 28, 28], depth: 1, colWidth: 20, colNames: ['kernel_size', 'groups', 'input_size', 'output_size', 'num_params', 'mult_adds'] },
  ],
  ['training_mode', 0, () => new Linear(2, 5), { inputSize: [1, 2] }],
  ['single_linear_layer', 1, () => new Linear(2, 5), { inputSize: [1, 2] }],
  ['recursive', 0, () => new models.RecursiveNet(), { inputSize: [1, 64, 28, 28] }],
  ['model_with_args', 0, () => new models.RecursiveNet(), { inputSize: [1, 64, 28, 28] }],
  ['siamese_net', 0, () => new models.SiameseNets(), { inputSize: [[1, 1, 88, 88], [1, 1, 88, 88]] }],
  ['container', 0, () => new models.ContainerModule(), { inputSize: [1, 5], depth: 4 }],
  ['container', 1, () => new models.ContainerModule(), { inputSize: [5] }],
  ['multiple_input_types', 0, () => new models.MultipleInputNetDifferentDtypes(), { inputSize: [[1, 300], [1, 300]], dtypes: ['float32', 'int64'] }],
  ['multiple_input_tensor_list', 0, () => new models.MultipleInputNetDifferentDtypes(), { inputSize: [[1, 300], [1, 300]], dtypes: ['float32', 'int64'] }],
  [
    'frozen_layers',
    0,
    resnet18FirstThirtyFrozen,
    { inputSize: [1, 3, 64, 64], colNames: ['output_size', 'num_params', 'kernel_size', 'mult_adds'] },
  ],
  ['ascii_only', 0, resnet18, { inputSize: [1, 3, 64, 64], rowSettings: ['ascii_only'] }],
  ['resnet18_depth_consistency', 0, resnet18, { inputSize: [1, 3, 64, 64], depth: 1, colNames: ['output_size', 'num_params', 'params_percent'] }],
  ['resnet18_depth_consistency', 1, resnet18, { inputSize: [1, 3, 64, 64], depth: 2, colNames: ['output_size', 'num_params', 'params_percent'] }],
  ['resnet50', 0, resnet50, { inputSize: [2, 3, 224, 224] }],
  ['resnet152', 0, resnet152, { inputSize: [1, 3, 224, 224] }],
  ['eval_order_doesnt_matter', 0, resnet18, { inputSize: [1, 3, 224, 224] }],
  ['too_many_linear', 0, () => new models.ReuseLinear(), { inputSize: [2, 10] }],
  ['too_many_linear_plus_existing_hooks', 0, () => new models.ReuseLinearExtended(), { inputSize: [2, 10] }],
  ['shared_module_in_nested_list', 0, () => new models.SharedModuleInNestedList(), { inputSize: [1, 4], depth: 4 }],
  ['nested_leftover_params', 0, () => new models.InsideModel(), { inputSize: [100, 2], rowSettings: ['var_names'] }],
  [
    'recursive_with_missing_layers',
    0,
    () => new models.RecursiveWithMissingLayers(),
    { inputSize: [2, 3, 128, 128], rowSettings: ['depth', 'var_names'] },
  ],
  ['custom_parameter', 0, () => new models.CustomParameter(8, 4), { inputSize: [1] }],
  ['input_size_possibilities', 0, () => new models.CustomParameter(2, 3), { inputSize: [[2]] }],
  ['input_size_possibilities', 3, () => new models.CustomParameter(2, 3), { inputSize: [2] }],
  ['trainable_column', 0, () => new models.MixedTrainable(), { inputSize: [1, 1, 1], colNames: ['kernel_size', 'input_size', 'output_size', 'trainable'] }],
  ['cnn_module_list', 0, () => new models.CNNModuleList(), { inputSize: [1, 1, 10] }],
  ['scalar_tensor_input_size', 0, () => new models.ScalarTensorInputNet(), { inputSize: [[1, 10], []] }],
  ['tensor_kernel_size', 0, () => new TensorKernelSizeConv(), { inputSize: [1, 1, 16] }],
  ['batch_size_optimization', 0, () => new models.SingleInputNet(), { inputSize: [1, 1, 28, 28] }],
  ['dict_input', 0, () => new models.MultipleInputNetDifferentDtypes(), { inputSize: [[1, 300], [1, 300]], dtypes: ['float32', 'int64'] }],
  ['multiple_input_tensor_dict', 0, () => new models.MultipleInputNetDifferentDtypes(), { inputSize: [[1, 300], [1, 300]], dtypes: ['float32', 'int64'] }],
  ['highly_nested_dict_model', 0, () => new models.HighlyNestedDictModel(), { inputSize: [10] }],
  ['normal_distribution_output', 0, () => new models.NormalOutputModel(), { inputSize: [1, 10] }],
  ['categorical_distribution_output', 0, () => new models.CategoricalOutputModel(), { inputSize: [1, 10] }],
  ['module_dict', 0, () => new models.ModuleDictModel('conv', 'lrelu'), { inputSize: [1, 10, 3, 3] }],
  ['module_dict', 1, () => new models.ModuleDictModel('pool', 'prelu'), { inputSize: [1, 10, 3, 3] }],
  ['too_many_relus', 0, () => new models.ReuseReLU(), { inputSize: [4, 4, 64, 64] }],
  ['hide_recursive_layers', 0, () => new models.SimpleRNN(), { inputSize: [2, 3] }],
  ['hide_recursive_layers', 1, () => new models.SimpleRNN(), { inputSize: [2, 3], rowSettings: ['depth', 'hide_recursive_layers'] }],
  ['hide_recursive_layers_outside_loop', 0, () => new models.SimpleRNN(true), { inputSize: [2, 3] }],
  [
    'hide_recursive_layers_outside_loop',
    1,
    () => new models.SimpleRNN(true),
    { inputSize: [2, 3], rowSettings: ['depth', 'hide_recursive_layers'] },
  ],
  ['autoencoder', 0, () => new models.AutoEncoder(), { inputSize: [1, 3, 64, 64], colNames: ['output_size', 'num_params', 'kernel_size'] }],
  // The model's forward returns nothing: its row shows `--`.
  ['genotype', 0, () => new models.GenotypeNetwork(), { inputSize: [2, 3, 32, 32] }],
  ['genotype', 1, () => new models.GenotypeNetwork(), { inputSize: [2, 3, 32, 32], depth: 7 }],
];

describe("summary() prints torchinfo's own tables", () => {
  it.each(identical)('%s.out, table %i', (file, index, build, options) => {
    expect(String(summary(build(), options))).toBe(tablesOf(file)[index]);
  });
});

describe("summary() agrees with torchinfo's tables where they show what it does not", () => {
  const lines = (text: string) => text.split('\n');

  it('lstm.out: every row and total, without the rows of verbose mode (one per weight tensor)', () => {
    const verboseRows = /^│ {4}└─(weight|bias)/;
    const expected = lines(tablesOf('lstm')[0]!).filter((line) => !verboseRows.test(line));
    expect(lines(String(summary(new models.LSTMNet(), lstmColumns)))).toEqual(expected);
  });

  it('lstm_custom_batch_size.out: all but the model row, whose [100, 1] is batch_dim=1 overwriting a size', () => {
    const ours = lines(String(summary(new models.LSTMNet(), { inputSize: [100, 1], dtypes: ['int64'] })));
    const theirs = lines(tablesOf('lstm_custom_batch_size')[0]!);
    expect(ours[3]).toContain('LSTMNet                                  [100, 20]');
    expect(theirs[3]).toContain('LSTMNet                                  [100, 1]');
    expect([...ours.slice(0, 3), ...ours.slice(4)]).toEqual([...theirs.slice(0, 3), ...theirs.slice(4)]);
  });

  // Written by an older torchinfo (mult-adds and sizes always in millions); the rows and counts still apply.
  it.each([
    ['lstm_half', 0, () => new models.LSTMNet(), lstmColumns, 'int64'],
    ['linear_model_half', 1, () => new models.LinearModel(), { inputSize: [64, 128] }, 'float16'],
    ['single_input_half', 0, () => new models.SingleInputNet(), { inputSize: [2, 1, 28, 28] }, 'float16'],
  ] as const)('%s.out, table %i: rows, counts and float16 sizes', (file, index, build, options, inputDtype) => {
    const result = summary(build(), { ...options, dtype: 'float16', dtypes: [inputDtype] });
    const theirs = lines(tablesOf(file)[index]!);
    const rowsEnd = theirs.findIndex((line) => line.startsWith('Total mult-adds'));
    expect(lines(String(result)).slice(0, rowsEnd)).toEqual(theirs.slice(0, rowsEnd));
    const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
    expect(theirs.slice(rowsEnd, rowsEnd + 6)).toEqual([
      `Total mult-adds (M): ${mb(result.totalMultAdds)}`,
      theirs[rowsEnd + 1],
      `Input size (MB): ${mb(result.inputBytes)}`,
      `Forward/backward pass size (MB): ${mb(result.forwardBackwardBytes)}`,
      `Params size (MB): ${mb(result.paramBytes)}`,
      `Estimated Total Size (MB): ${mb(result.inputBytes + result.forwardBackwardBytes + result.paramBytes)}`,
    ]);
  });
});
