import type { Module } from '../../module.ts';
import { pinName } from '../../names.ts';
import type { Parameter } from '../../parameter.ts';
import { formatShape, type Shape, shapeNumel } from '../../shape.ts';
import { callTree } from './call-tree.ts';
import { bytesOf, type DType } from '../dtype.ts';
import { countFormula } from './formula.ts';
import { torchinfoMultAdds } from './mult-adds.ts';
import { groupDigits, scaled } from './units.ts';

/**
 * torchinfo's columns (`col_names`), in the order given, plus two of this library's: `formula`,
 * each row's count written out (`16 · 6 · 5 · 5 + 16 = 2,416`), and `flops`, 2 per mult-add.
 */
export type ColumnName =
  | 'input_size'
  | 'output_size'
  | 'num_params'
  | 'params_percent'
  | 'kernel_size'
  | 'groups'
  | 'mult_adds'
  | 'trainable'
  | 'formula'
  | 'flops';

/** torchinfo's `row_settings`. */
export type RowSetting = 'depth' | 'var_names' | 'ascii_only' | 'hide_recursive_layers';

const HEADERS: Record<ColumnName, string> = {
  kernel_size: 'Kernel Shape',
  groups: 'Groups',
  input_size: 'Input Shape',
  output_size: 'Output Shape',
  num_params: 'Param #',
  params_percent: 'Param %',
  mult_adds: 'Mult-Adds',
  trainable: 'Trainable',
  formula: 'Param # written out',
  flops: 'FLOPs',
};

// torchinfo's layout: a name column of 40 characters (rounded up to a multiple of 5 when a name
// needs more), then one column of colWidth per column.
const NAME_WIDTH = 40;
const INDENT = 5;
// torchinfo measures the input with Python's sys.getsizeof, which adds the 56 bytes of the
// storage object's header to each input tensor's data.
const PYTHON_STORAGE_HEADER = 56;

export interface SummaryOptions {
  /** The shape of the input, batch included, e.g. `[1, 3, 224, 224]`; or one shape per input. */
  inputSize: Shape | readonly Shape[];
  /** How many levels of nested modules to show, as torchinfo's `depth` (3 by default). */
  depth?: number;
  /** The columns, torchinfo's `col_names`: `['output_size', 'num_params']` by default. */
  colNames?: readonly ColumnName[];
  /** torchinfo's `col_width`: 25 by default. */
  colWidth?: number;
  /** torchinfo's `row_settings`: `['depth']` by default. */
  rowSettings?: readonly RowSetting[];
  /** The dtype of each input, torchinfo's `dtypes` (`'int64'` for token ids): float32 by default. */
  dtypes?: readonly DType[];
  /** The dtype of the model's parameters and activations: float32 (PyTorch's default) by default. */
  dtype?: DType;
}

/** One row: a call of a module during the shape pass, or a container listed above its calls. */
export interface SummaryRow {
  module: Module;
  className: string;
  /** The field the module is registered under (`conv1`), or the model's class name for the model. */
  varName: string;
  depth: number;
  /** The `1` of `Conv2d: 2-1`: the row's number among the rows of its depth. */
  depthIndex: number;
  inputShape: Shape | null;
  /** `null` for a container listed but not called there, or a shape pass that returned nothing. */
  outputShape: Shape | null;
  /** The module's parameters, its submodules' included, each once. */
  params: number;
  trainableParams: number;
  /** No submodules: a layer rather than a container. */
  isLeaf: boolean;
  /** Already counted on an earlier row: the module was called before, or all its parameters are another's. */
  isRecursive: boolean;
  /** For tied weights: the module whose row counts them (`transformer.wte`). */
  sharedWith: string | null;
  /** torchinfo's multiply-adds for this call: each weight once per output position. */
  multAdds: number;
  /** Multiply-adds the module does itself, outside its layers: attention's QKᵀ and AV, say. */
  ownMultAdds: number;
  /** The count written out with the numbers plugged in, e.g. `2 · 768 = 1,536`; `''` for none. */
  formula: string;
  /** How `ownMultAdds` was counted, e.g. `QKᵀ and AV: 2 · 1 · 12 · 1,024 · 1,024 · 64 = 1,610,612,736`. */
  ownMultAddsFormulas: string[];
}

function countOf(parameters: Iterable<Parameter>): { params: number; trainableParams: number } {
  let params = 0;
  let trainableParams = 0;
  for (const p of parameters) {
    params += p.numel();
    if (p.requiresGrad) trainableParams += p.numel();
  }
  return { params, trainableParams };
}

const shapeOrDashes = (shape: Shape | null) => (shape && shape.length > 0 ? formatShape(shape) : '--');

/**
 * A model's layers, shapes and counts in torchinfo's format: the twin of
 * `torchinfo.summary(model, input_size=...)`. The shapes come from `callShape`, a pass that reads
 * sizes only, so even GPT-2 is summarised without allocating a single weight.
 */
export class ModelSummary {
  static {
    pinName(this, 'ModelSummary');
  }

  readonly rows: readonly SummaryRow[];
  readonly depth: number;
  readonly inputShapes: readonly Shape[];
  readonly colNames: readonly ColumnName[];
  readonly colWidth: number;
  readonly rowSettings: readonly RowSetting[];
  readonly dtype: DType;
  readonly dtypes: readonly DType[];
  /** Each parameter once, tied ones included, as `parameters()` yields them. */
  readonly totalParams: number;
  readonly trainableParams: number;

  constructor(
    model: Module,
    {
      inputSize,
      depth = 3,
      colNames = ['output_size', 'num_params'],
      colWidth = 25,
      rowSettings = ['depth'],
      dtypes,
      dtype = 'float32',
    }: SummaryOptions,
  ) {
    this.depth = depth;
    this.inputShapes = typeof inputSize[0] === 'number' || inputSize.length === 0 ? [inputSize as Shape] : (inputSize as readonly Shape[]);
    this.colNames = colNames;
    this.colWidth = colWidth;
    this.rowSettings = rowSettings;
    this.dtype = dtype;
    this.dtypes = dtypes ?? this.inputShapes.map(() => 'float32');
    for (const each of [dtype, ...this.dtypes]) bytesOf(1, each);
    for (const column of colNames) {
      if (!(column in HEADERS)) throw new RangeError(`summary: unknown column "${column}"; expected one of ${Object.keys(HEADERS).join(', ')}`);
    }

    const names = new Map<Module, string>();
    for (const [name, module] of model.namedModules()) names.set(module, name);
    const calls = callTree(model, this.inputShapes);
    // Numbered by position within each depth; a row listed twice keeps its last number, as in torchinfo.
    const perDepth = new Map<number, number>();
    const numbers = new Map<object, number>();
    for (const call of calls) {
      const n = (perDepth.get(call.depth) ?? 0) + 1;
      perDepth.set(call.depth, n);
      numbers.set(call, n);
    }
    // A row whose own parameters were all counted by an earlier row is recursive: the same module
    // called again, or a tied weight, which is attributed to the row that counted it.
    const countedBy = new Map<Parameter, Module>();
    this.rows = calls.map((call) => {
      const { module } = call;
      const depthIndex = numbers.get(call)!;
      const own = [...module.parameters(false)];
      const fresh = own.filter((p) => !countedBy.has(p));
      for (const p of fresh) countedBy.set(p, module);
      const tiedTo = fresh.length === 0 && own.some((p) => p.numel() > 0) ? countedBy.get(own[0]!)! : null;
      return {
        module,
        className: module.constructor.name,
        varName: call.registration.name,
        depth: call.depth,
        depthIndex,
        inputShape: call.inputShape,
        outputShape: call.outputShape,
        ...countOf(module.parameters()),
        isLeaf: module.children().next().done === true,
        isRecursive: call.isRecursive || tiedTo !== null,
        sharedWith: tiedTo && tiedTo !== module ? (names.get(tiedTo) ?? tiedTo.constructor.name) : null,
        multAdds: call.outputShape ? torchinfoMultAdds(module, call.outputShape) : 0,
        ownMultAdds: call.ownMultAdds.reduce((sum, m) => sum + m.count, 0),
        formula: countFormula(module),
        ownMultAddsFormulas: call.ownMultAdds.map((m) => m.formula),
      };
    });
    const totals = countOf(model.parameters());
    this.totalParams = totals.params;
    this.trainableParams = totals.trainableParams;
  }

  get nonTrainableParams(): number {
    return this.totalParams - this.trainableParams;
  }

  /** torchinfo's total: the layers' multiply-adds, each weight once per output position. */
  get layerMultAdds(): number {
    return this.rows.filter((r) => r.isLeaf).reduce((sum, r) => sum + r.multAdds, 0);
  }

  /** What modules compute outside their layers (attention's QKᵀ and AV), which torchinfo leaves out. */
  get attentionMultAdds(): number {
    return this.rows.reduce((sum, r) => sum + r.ownMultAdds, 0);
  }

  /** Every multiply-add of the forward pass that this library counts: layers and attention. */
  get totalMultAdds(): number {
    return this.layerMultAdds + this.attentionMultAdds;
  }

  /** Floating-point operations of the forward pass: a multiply-add is two (a multiply and an add). */
  get totalFlops(): number {
    return 2 * this.totalMultAdds;
  }

  /** The inputs in bytes, in their dtypes, as torchinfo measures them (with Python's object header). */
  get inputBytes(): number {
    return this.inputShapes.reduce(
      (sum, shape, i) => sum + bytesOf(shapeNumel(shape), this.dtypes[i] ?? 'float32') + PYTHON_STORAGE_HEADER,
      0,
    );
  }

  /** torchinfo's estimate of activation memory: the outputs of layers with parameters, twice (forward and backward). */
  get forwardBackwardBytes(): number {
    const outputs = this.rows.filter((r) => r.isLeaf && r.params > 0 && r.outputShape);
    return bytesOf(outputs.reduce((sum, r) => sum + 2 * shapeNumel(r.outputShape!), 0), this.dtype);
  }

  get paramBytes(): number {
    return bytesOf(this.totalParams, this.dtype);
  }

  /** The rows the table shows: down to `depth`, without recursive ones if `hide_recursive_layers`. */
  get shownRows(): SummaryRow[] {
    const hideRecursive = this.rowSettings.includes('hide_recursive_layers');
    return this.rows.filter((r) => r.depth <= this.depth && !(hideRecursive && r.isRecursive));
  }

  /** `Conv2d: 1-1`, `Conv2d (conv1)`, …: the row's name as the row settings ask for it. */
  layerName(row: SummaryRow): string {
    let name = row.className;
    if (this.rowSettings.includes('var_names') && row.varName) name += ` (${row.varName})`;
    if (this.rowSettings.includes('depth') && row.depth > 0) name += `: ${row.depth}-${row.depthIndex}`;
    return name;
  }

  /** What each column shows for `row`, exactly as torchinfo writes it. */
  cells(row: SummaryRow): Record<ColumnName, string> {
    const reachedMaxDepth = row.depth === this.depth;
    const kernel = (row.module as { kernelSize?: unknown }).kernelSize;
    const groups = (row.module as { groups?: unknown }).groups;
    const multAdds = this.#multAddsShown(row, reachedMaxDepth);
    return {
      kernel_size: Array.isArray(kernel) ? `[${kernel.join(', ')}]` : kernel ? String(kernel) : '--',
      groups: groups ? String(groups) : '--',
      input_size: shapeOrDashes(row.inputShape),
      output_size: shapeOrDashes(row.outputShape),
      num_params: this.#paramsCell(row, reachedMaxDepth),
      params_percent: this.#percentCell(row, reachedMaxDepth),
      mult_adds: multAdds > 0 ? groupDigits(multAdds) : '--',
      trainable: row.params === 0 ? '--' : row.trainableParams === 0 ? 'False' : row.trainableParams === row.params ? 'True' : 'Partial',
      formula: this.#formulaCell(row, reachedMaxDepth),
      flops: multAdds > 0 ? groupDigits(2 * multAdds) : '--',
    };
  }

  /** The table, character for character in torchinfo's format for torchinfo's columns. */
  toString(): string {
    const shown = this.shownRows;
    const longest = Math.max(...this.rows.map((r) => this.layerName(r).length + r.depth * INDENT + 1));
    const nameWidth = longest >= NAME_WIDTH ? Math.ceil(longest / INDENT) * INDENT : NAME_WIDTH;
    const cells = shown.map((r) => this.cells(r));
    // A column is widened to its longest cell (torchinfo's cells fit; a formula or a "shared with"
    // may not).
    const widths = this.colNames.map((column) => Math.max(this.colWidth, ...cells.map((c) => c[column].length + 1)));
    const line = (name: string, values: Record<ColumnName, string>) =>
      [name.padEnd(nameWidth), ...this.colNames.map((c, i) => values[c].padEnd(widths[i]!))].join(' ').trimEnd();
    const divider = '='.repeat(nameWidth + widths.reduce((a, b) => a + b, 0));
    const header = `Layer (type${this.rowSettings.includes('var_names') ? ' (var_name)' : ''}${this.rowSettings.includes('depth') ? ':depth-idx' : ''})`;
    const ascii = this.rowSettings.includes('ascii_only');
    const lines = [
      divider,
      line(header, HEADERS),
      divider,
      ...shown.map((r, i) => line(treePrefix(r.depth, ascii) + this.layerName(r), cells[i]!)),
      divider,
      `Total params: ${groupDigits(this.totalParams)}`,
      `Trainable params: ${groupDigits(this.trainableParams)}`,
      `Non-trainable params: ${groupDigits(this.nonTrainableParams)}`,
      `Total mult-adds${scaled(this.totalMultAdds, false)}`,
    ];
    if (this.attentionMultAdds > 0) {
      lines.push(
        `  in layers, torchinfo's rule${scaled(this.layerMultAdds, false)}`,
        `  inside attention, which torchinfo leaves out${scaled(this.attentionMultAdds, false)}`,
      );
    }
    if (this.colNames.includes('flops')) lines.push(`Total FLOPs, 2 per mult-add${scaled(this.totalFlops, false)}`);
    const total = this.inputBytes + this.forwardBackwardBytes + this.paramBytes;
    lines.push(
      divider,
      `Input size${scaled(this.inputBytes, true)}`,
      `Forward/backward pass size${scaled(this.forwardBackwardBytes, true)}`,
      `Params size${scaled(this.paramBytes, true)}`,
      `Estimated Total Size${scaled(total, true)}`,
      divider,
    );
    return lines.join('\n');
  }

  /** The rows under `row`, shown or deeper than `depth`: those after it, until one as shallow as it. */
  rowsUnder(row: SummaryRow): SummaryRow[] {
    const start = this.rows.indexOf(row) + 1;
    let end = start;
    while (end < this.rows.length && this.rows[end]!.depth > row.depth) end++;
    return this.rows.slice(start, end);
  }

  // torchinfo's `_leftover`: the parameters of `row` that no row under it shows, each module once.
  #leftover(row: SummaryRow): number {
    const children = this.rowsUnder(row);
    const subtracted = new Set<Module>();
    let total = row.params;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.isRecursive) {
        if (!subtracted.has(child.module)) total -= child.params;
        subtracted.add(child.module);
        while (i + 1 < children.length && children[i + 1]!.depth > child.depth) i++;
        continue;
      }
      subtracted.add(child.module);
      // A container subtracts only its leftover: the rows under it follow and subtract the rest.
      total -= child.isLeaf ? child.params : this.#leftover(child);
    }
    return total;
  }

  // A layer, or a container at the deepest level shown, shows its whole count, in parentheses if
  // none of it is trainable; a container shown with its children shows only what they leave over.
  #paramsCell(row: SummaryRow, reachedMaxDepth: boolean): string {
    if (row.params === 0) return '--';
    if (row.sharedWith) return `shared with ${row.sharedWith}`;
    if (row.isRecursive) return '(recursive)';
    if (reachedMaxDepth || row.isLeaf) return row.trainableParams ? groupDigits(row.params) : `(${groupDigits(row.params)})`;
    const leftover = this.#leftover(row);
    return leftover > 0 ? groupDigits(leftover) : '--';
  }

  #percentCell(row: SummaryRow, reachedMaxDepth: boolean): string {
    const none = '     --';
    if (this.totalParams === 0) return none;
    if (row.isRecursive) return '(recursive)';
    const params = reachedMaxDepth || row.isLeaf ? row.params : this.#leftover(row);
    return params === 0 ? none : `${((100 * params) / this.totalParams).toFixed(2)}%`.padStart(7);
  }

  #formulaCell(row: SummaryRow, reachedMaxDepth: boolean): string {
    if (row.params === 0 || row.isRecursive) return '--';
    if (reachedMaxDepth || row.isLeaf) return row.formula;
    return this.#leftover(row) > 0 ? countFormula(row.module, true) || '--' : '--';
  }

  // torchinfo's `macs_to_str`, plus what the module computes itself (attention's products).
  #multAddsShown(row: SummaryRow, reachedMaxDepth: boolean): number {
    if (row.isLeaf) return row.multAdds + row.ownMultAdds;
    const below = reachedMaxDepth ? this.rowsUnder(row) : [];
    // As in torchinfo, a container that was not called shows nothing.
    if (row.multAdds <= 0) return row.ownMultAdds;
    const layers = below.filter((r) => r.isLeaf).reduce((sum, r) => sum + r.multAdds, 0);
    return layers + row.ownMultAdds + below.reduce((sum, r) => sum + r.ownMultAdds, 0);
  }
}

// ├─ for the first level, then │ plus four spaces per level and └─, as torchinfo draws the tree
// (+ and | with ascii_only).
function treePrefix(depth: number, ascii: boolean): string {
  if (depth === 0) return '';
  if (depth === 1) return ascii ? '+ ' : '├─';
  return `${(ascii ? '|    ' : '│    ').repeat(depth - 1)}${ascii ? '+ ' : '└─'}`;
}

/** Summarises `model` for an input of `inputSize`: print it to see torchinfo's table. */
export function summary(model: Module, options: SummaryOptions): ModelSummary {
  return new ModelSummary(model, options);
}
