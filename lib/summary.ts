import type { Module } from './module.ts';
import { pinName } from './names.ts';
import { withShapeHook } from './shape-hooks.ts';
import { formatShape, type Shape, shapeNumel } from './shape.ts';

// torchinfo's layout: a 40-character name column (wider if a name needs it) and 25 per column.
const NAME_WIDTH = 40;
const COLUMN_WIDTH = 25;
const INDENT = 5;
// PyTorch's default dtype is float32: torchinfo's sizes assume 4 bytes a number.
const BYTES_PER_NUMBER = 4;

export interface SummaryOptions {
  /** The shape of the input, batch included, e.g. `[1, 3, 224, 224]`; or one shape per input. */
  inputSize: Shape | readonly Shape[];
  /** How many levels of nested modules to show, as torchinfo's `depth` (3 by default). */
  depth?: number;
}

/** One row: one call of a module during the shape pass, in the order the calls happened. */
export interface SummaryRow {
  module: Module;
  className: string;
  depth: number;
  /** The `1` of `Conv2d: 2-1`: the call's number among the rows of its depth. */
  depthIndex: number;
  /** `null` for a container that is never called itself, only its modules. */
  outputShape: Shape | null;
  /** The module's parameters, its submodules' included, each once. */
  params: number;
  trainableParams: number;
  /** No submodules: a layer rather than a container. */
  isLeaf: boolean;
  /** The same module already had a row (it is called twice). */
  isRecursive: boolean;
  /** torchinfo's multiply-adds estimate for this call. */
  multAdds: number;
}

const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function countOf(module: Module): { params: number; trainableParams: number } {
  let params = 0;
  let trainableParams = 0;
  for (const p of module.parameters()) {
    params += p.numel();
    if (p.requiresGrad) trainableParams += p.numel();
  }
  return { params, trainableParams };
}

// torchinfo's estimate: every weight or bias number once per output position (convolutions) or
// per sample (everything else), and per step too for recurrent weights such as `weightIhL0`.
function multAddsOf(module: Module, output: Shape): number {
  const convolution = module.constructor.name.includes('Conv');
  let total = 0;
  for (const [name, p] of module.namedParameters()) {
    if (name === 'weight' || name === 'bias') {
      total += p.numel() * (convolution ? shapeNumel([output[0]!, ...output.slice(2)]) : output[0]!);
    } else if (/weight|bias/i.test(name)) {
      total += p.numel() * shapeNumel(output.slice(0, 2));
    }
  }
  return total;
}

/**
 * A model's layers, output shapes and parameter counts in torchinfo's format: the twin of
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
  /** Each parameter once, tied ones included (torchinfo counts a tied weight once per layer). */
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly totalMultAdds: number;

  constructor(model: Module, { inputSize, depth = 3 }: SummaryOptions) {
    this.depth = depth;
    this.inputShapes = typeof inputSize[0] === 'number' ? [inputSize as Shape] : (inputSize as readonly Shape[]);
    const depthOf = new Map<Module, number>();
    const parentOf = new Map<Module, Module>();
    const byName = new Map<string, Module>();
    for (const [name, module] of model.namedModules()) {
      depthOf.set(module, name === '' ? 0 : name.split('.').length);
      byName.set(name, module);
      const parent = name === '' ? undefined : byName.get(name.slice(0, Math.max(0, name.lastIndexOf('.'))));
      if (parent) parentOf.set(module, parent);
    }
    const rows: SummaryRow[] = [];
    const open: SummaryRow[] = [];
    const perDepth = new Map<number, number>();
    const addRow = (module: Module): SummaryRow => {
      const rowDepth = depthOf.get(module) ?? open.length;
      const depthIndex = (perDepth.get(rowDepth) ?? 0) + 1;
      perDepth.set(rowDepth, depthIndex);
      const row: SummaryRow = {
        module,
        className: module.constructor.name,
        depth: rowDepth,
        depthIndex,
        outputShape: null,
        ...countOf(module),
        isLeaf: module.children().next().done === true,
        isRecursive: rows.some((r) => r.module === module),
        multAdds: 0,
      };
      rows.push(row);
      return row;
    };
    // A container that is never called itself (GPT-2's ModuleDict and ModuleList) still gets a
    // row, with no output shape, before the first of its modules that runs, as torchinfo lists it.
    const addUncalledContainers = (module: Module) => {
      const missing: Module[] = [];
      for (let a = parentOf.get(module); a && !rows.some((r) => r.module === a); a = parentOf.get(a)) missing.push(a);
      for (const container of missing.reverse()) addRow(container);
    };
    withShapeHook(
      {
        enter: (module) => {
          addUncalledContainers(module);
          open.push(addRow(module));
        },
        exit: (_module, output) => {
          const row = open.pop()!;
          row.outputShape = output;
          row.multAdds = multAddsOf(row.module, output);
        },
      },
      () => model.callShape(...this.inputShapes),
    );
    this.rows = rows;
    const totals = countOf(model);
    this.totalParams = totals.params;
    this.trainableParams = totals.trainableParams;
    this.totalMultAdds = rows.filter((r) => r.isLeaf).reduce((sum, r) => sum + r.multAdds, 0);
  }

  get nonTrainableParams(): number {
    return this.totalParams - this.trainableParams;
  }

  /** The input, in bytes at 4 bytes a number. */
  get inputBytes(): number {
    return this.inputShapes.reduce((sum, s) => sum + shapeNumel(s), 0) * BYTES_PER_NUMBER;
  }

  /** torchinfo's estimate of activation memory: the outputs of layers with parameters, twice (forward and backward). */
  get forwardBackwardBytes(): number {
    const outputs = this.rows.filter((r) => r.isLeaf && r.params > 0);
    return outputs.reduce((sum, r) => sum + 2 * shapeNumel(r.outputShape ?? []), 0) * BYTES_PER_NUMBER;
  }

  get paramBytes(): number {
    return this.totalParams * BYTES_PER_NUMBER;
  }

  /** The table, character for character in torchinfo's format. */
  toString(): string {
    const shown = this.rows.filter((r) => r.depth <= this.depth);
    const title = (r: SummaryRow) => (r.depth === 0 ? r.className : `${r.className}: ${r.depth}-${r.depthIndex}`);
    const longest = Math.max(...shown.map((r) => title(r).length + r.depth * INDENT + 1));
    const nameWidth = longest >= NAME_WIDTH ? Math.ceil(longest / INDENT) * INDENT : NAME_WIDTH;
    const line = (name: string, ...columns: string[]) =>
      [name.padEnd(nameWidth), ...columns.map((c) => c.padEnd(COLUMN_WIDTH))].join(' ').trimEnd();
    const divider = '='.repeat(nameWidth + 2 * COLUMN_WIDTH);
    const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2);
    return [
      divider,
      line('Layer (type:depth-idx)', 'Output Shape', 'Param #'),
      divider,
      ...shown.map((r) =>
        line(treePrefix(r.depth) + title(r), r.outputShape ? formatShape(r.outputShape) : '--', this.#paramCell(r)),
      ),
      divider,
      `Total params: ${groupDigits(this.totalParams)}`,
      `Trainable params: ${groupDigits(this.trainableParams)}`,
      `Non-trainable params: ${groupDigits(this.nonTrainableParams)}`,
      `Total mult-adds ${formatMultAdds(this.totalMultAdds)}`,
      divider,
      `Input size (MB): ${megabytes(this.inputBytes)}`,
      `Forward/backward pass size (MB): ${megabytes(this.forwardBackwardBytes)}`,
      `Params size (MB): ${megabytes(this.paramBytes)}`,
      `Estimated Total Size (MB): ${megabytes(this.inputBytes + this.forwardBackwardBytes + this.paramBytes)}`,
      divider,
    ].join('\n');
  }

  // A layer, or a container at the deepest level shown, shows its whole count, in parentheses if
  // none of it is trainable; a container shown with its children shows only what they leave over.
  #paramCell(row: SummaryRow): string {
    if (row.params === 0) return '--';
    if (row.isRecursive) return '(recursive)';
    if (row.isLeaf || row.depth === this.depth) {
      return row.trainableParams ? groupDigits(row.params) : `(${groupDigits(row.params)})`;
    }
    const leftover = this.#leftover(row);
    return leftover > 0 ? groupDigits(leftover) : '--';
  }

  #leftover(row: SummaryRow): number {
    const start = this.rows.indexOf(row) + 1;
    let end = start;
    while (end < this.rows.length && this.rows[end]!.depth > row.depth) end++;
    const descendants = this.rows.slice(start, end).filter((r) => !r.isRecursive);
    return row.params - descendants.reduce((sum, r) => sum + (r.isLeaf ? r.params : this.#leftover(r)), 0);
  }
}

// ├─ for the first level, then │ plus four spaces per level and └─, as torchinfo draws the tree.
function treePrefix(depth: number): string {
  if (depth === 0) return '';
  if (depth === 1) return '├─';
  return `${'│    '.repeat(depth - 1)}└─`;
}

function formatMultAdds(n: number): string {
  const [unit, scale] = n >= 1e12 ? ['T', 1e12] : n >= 1e9 ? ['G', 1e9] : ['M', 1e6];
  return `(${unit}): ${(n / scale).toFixed(2)}`;
}

/** Summarises `model` for an input of `inputSize`: print it to see torchinfo's table. */
export function summary(model: Module, options: SummaryOptions): ModelSummary {
  return new ModelSummary(model, options);
}
