// summary() against the figures of the tables torchinfo printed for its own test models
// (tests/fixtures/torchinfo-figures.json): every row's depth, label and cells, and every total.
import { Bottleneck, type ColumnName, Conv1d, Conv2d, Linear, Module, type ModelSummary, ResNet, resnet18, resnet50, type Shape, summary, type SummaryOptions } from 'lib';
import { describe, expect, it } from 'vitest';
import figures from '../fixtures/torchinfo-figures.json';
import { resnet18FirstThirtyFrozen } from '../support/pytorch-twins.ts';
import * as models from '../support/torchinfo-models.ts';

type Figure = number | number[] | string | null;
type Row = { depth: number; layer: string } & Partial<Record<ColumnName, Figure>>;
type Scaled = { value: number; unit: string };
type Totals = Record<string, number | Scaled>;
interface Table {
  test: string;
  table: number;
  columns: ColumnName[];
  rows: Row[];
  totals: Totals;
}
const tables = figures.tables as unknown as Table[];

function transcribed(file: string, index: number): Table {
  const table = tables.find((t) => t.test === `test_${file}` && t.table === index);
  if (!table) throw new Error(`no figures for test_${file}, table ${index}`);
  return table;
}

// A cell as the fixture holds it: nothing (--) is null, counts are numbers, shapes arrays.
function figure(cell: string): Figure {
  const text = cell.trim();
  if (text === '--') return null;
  if (/^[\d,]+$/.test(text)) return Number(text.replaceAll(',', ''));
  if (/^\[[\d, ]*\]$/.test(text)) return JSON.parse(text) as number[];
  return text;
}

const UNITS: [string, number][] = [
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];
// torchinfo's rule: the largest unit that keeps the figure at 1 or more, two decimals.
function inUnit(n: number, unit: string): Scaled {
  const factor = UNITS.find(([u]) => unit.startsWith(u))?.[1] ?? 1;
  return { value: Number((n / factor).toFixed(2)), unit };
}
const unitOf = (n: number, bytes: boolean) => `${UNITS.find(([, factor]) => n >= factor)?.[0] ?? ''}${bytes && n >= 1e3 ? 'B' : ''}`;

/** Our figures in the fixture's form; the totals in `units` when given (an older torchinfo's), else in ours. */
function figuresOf(result: ModelSummary, columns: readonly ColumnName[], units?: Totals): { rows: Row[]; totals: Totals } {
  const rows = result.shownRows.map((row) => {
    const cells = result.cells(row);
    return { depth: row.depth, layer: result.layerName(row), ...Object.fromEntries(columns.map((c) => [c, figure(cells[c])])) };
  });
  const scaled = (label: string, n: number, bytes: boolean) => {
    const theirs = units?.[label];
    return inUnit(n, typeof theirs === 'object' ? theirs.unit : unitOf(n, bytes));
  };
  const totals = {
    'Total params': result.totalParams,
    'Trainable params': result.trainableParams,
    'Non-trainable params': result.nonTrainableParams,
    'Total mult-adds': scaled('Total mult-adds', result.totalMultAdds, false),
    'Input size': scaled('Input size', result.inputBytes, true),
    'Forward/backward pass size': scaled('Forward/backward pass size', result.forwardBackwardBytes, true),
    'Params size': scaled('Params size', result.paramBytes, true),
    'Estimated Total Size': scaled('Estimated Total Size', result.inputBytes + result.forwardBackwardBytes + result.paramBytes, true),
  };
  return { rows, totals };
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

// [torchinfo's test (its output file), which of its tables, model, options]: every table torchinfo
// printed for a model this library builds, compared in full.
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

const tableName = (file: string, index: number) => `${file}${index > 0 ? ` (table ${index + 1})` : ''}`;

describe("summary() against torchinfo's figures", () => {
  it.each(identical.map(([file, index, build, options]) => [tableName(file, index), file, index, build, options] as const))(
    "matches torchinfo's %s table: rows, counts, mult-adds and sizes",
    (_, file, index, build, options) => {
      const { columns, rows, totals } = transcribed(file, index);
      expect(figuresOf(summary(build(), options), columns)).toEqual({ rows, totals });
    },
  );

  // lstm.out also lists, in verbose mode, one row per weight tensor: those were not transcribed.
  it("matches torchinfo's lstm table, but for its verbose rows: rows, counts, mult-adds and sizes", () => {
    const { columns, rows, totals } = transcribed('lstm', 0);
    expect(figuresOf(summary(new models.LSTMNet(), lstmColumns), columns)).toEqual({ rows, totals });
  });

  // lstm_custom_batch_size.out's model row shows [100, 1]: batch_dim=1 writes the batch size over
  // the output shape, so that one figure was not transcribed.
  it("matches torchinfo's lstm_custom_batch_size table, but for the model row's output shape", () => {
    const { columns, rows, totals } = transcribed('lstm_custom_batch_size', 0);
    const ours = figuresOf(summary(new models.LSTMNet(), { inputSize: [100, 1], dtypes: ['int64'] }), columns);
    expect(ours.rows[0]!.output_size).toEqual([100, 20]);
    delete ours.rows[0]!.output_size;
    expect(ours).toEqual({ rows, totals });
  });

  // Printed by an older torchinfo, which wrote mult-adds in M and sizes in MB whatever their size:
  // the rows, counts and float16 sizes still apply, compared in the file's units.
  it.each([
    ['lstm_half', 0, () => new models.LSTMNet(), lstmColumns, 'int64'],
    ['linear_model_half', 1, () => new models.LinearModel(), { inputSize: [64, 128] }, 'float16'],
    ['single_input_half', 0, () => new models.SingleInputNet(), { inputSize: [2, 1, 28, 28] }, 'float16'],
  ] as const)("matches torchinfo's %s table (index %i) in float16: rows, counts, mult-adds and sizes in its units", (file, index, build, options, inputDtype) => {
    const { columns, rows, totals } = transcribed(file, index);
    const result = summary(build(), { ...options, dtype: 'float16', dtypes: [inputDtype] });
    expect(figuresOf(result, columns, totals)).toEqual({ rows, totals });
  });

  it('has figures for exactly the tables compared here', () => {
    const compared = [...identical.map(([file, index]) => `test_${file}/${index}`), 'test_lstm/0', 'test_lstm_custom_batch_size/0'];
    compared.push('test_lstm_half/0', 'test_linear_model_half/1', 'test_single_input_half/0');
    expect(tables.map((t) => `${t.test}/${t.table}`).sort()).toEqual(compared.sort());
  });
});
