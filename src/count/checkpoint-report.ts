// What the page says about the reader's checkpoint files: tables per file, dtype and module, the
// packed weights counted as the parameters they stand for and the quantisation data beside them,
// what the shards and their index disagree on, and, given a config the reader chose, the
// tensor-by-tensor comparison with the model it builds (a GGUF file's tensors under their Hugging
// Face names): counts first, then the first few names of each kind, the rest behind a disclosure.
import { builtModel, type CheckpointExtras, type Module } from 'lib';
import type { CheckpointError } from '../checkpoint/checkpoint-error.ts';
import { type Comparison, compareWithModel } from '../checkpoint/compare.ts';
import { ggufAsHuggingFace, isGgufOnly } from '../checkpoint/gguf-names.ts';
import { type ModelPart, modelPartOf } from '../checkpoint/model-parts.ts';
import { type PackingProblem, quantisationOf, type Unpacked, unpack } from '../checkpoint/packed.ts';
import type { FileHeader } from '../checkpoint/read-files.ts';
import { combineShards, type ShardIndex, type ShardProblem } from '../checkpoint/shards.ts';
import { modulePattern, tally, type TensorInfo } from '../checkpoint/tensor-info.ts';
import { fill } from '../i18n/fill-template.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import type { ReportList, ReportSection, ReportTable } from './report-table.ts';

export interface CheckpointFiles {
  headers: readonly FileHeader[];
  index?: ShardIndex;
  /** Files of a folder that are no checkpoint, index or config. */
  skipped?: readonly string[];
}

/** The model the config builds, and its `model_type`, which says how a GGUF file names its tensors. */
export interface ComparedModel {
  name: string;
  module: Module;
  modelType: string;
}

/** What the reader gave or chose beside the files: nothing is compared with a model they did not. */
export interface CheckpointContext {
  /** The config: its quantisation settings and layer count. */
  config?: Readonly<Record<string, unknown>>;
  /** The model it builds, when the library builds it. */
  model?: ComparedModel;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const sum = (tensors: readonly { elements: number }[]) => tensors.reduce((total, t) => total + t.elements, 0);
const shaped = (t: { name: string; shape: readonly number[] }) => `${t.name} ${shapeText(t.shape)}`;
// The first few names say what kind of difference it is; the rest wait behind a disclosure.
const SHOWN = 5;

export function errorText(error: CheckpointError, text: CountText): string {
  return fill(text[`error.${error.problem}`], { file: error.file, ...error.details });
}

function shardText(problem: ShardProblem, text: CountText): string {
  const values = problem.problem === 'duplicate' ? { ...problem, first: problem.files[0], second: problem.files[1] } : problem;
  return fill(text[`shard.${problem.problem}`], values);
}

const packingText = (problem: PackingProblem, text: CountText) =>
  fill(text[`packing.${problem.problem}`], { ...problem, layout: text[`layout.${problem.layout}`] });

const layersOf = (config: CheckpointContext['config']) =>
  Number.isInteger(config?.num_hidden_layers) ? (config!.num_hidden_layers as number) : undefined;

export function checkpointSections(
  { headers, index, skipped = [] }: CheckpointFiles,
  { config, model }: CheckpointContext,
  text: CountText,
  format: NumberFormats,
): ReportSection[] {
  if (headers.length === 0) return [];
  const { tensors, problems } = combineShards(headers, index);
  const ggufFiles = new Set(headers.filter((h) => h.format === 'gguf').map((h) => h.file));
  const fromGguf = (t: TensorInfo) => ggufFiles.has(t.file);
  // llama.cpp's RoPE factors are counted apart: no parameter, though the file stores them.
  const ggufOnly = tensors.filter((t) => fromGguf(t) && isGgufOnly(t.name));
  const gguf = tensors.filter((t) => fromGguf(t) && !isGgufOnly(t.name));
  // GGUF records each tensor's shape before quantisation; safetensors files may pack theirs.
  const unpacked = unpack(tensors.filter((t) => !fromGguf(t)), quantisationOf(config));
  const parameters = [...unpacked.parameters, ...gguf];
  const layers = layersOf(config);
  const comparison =
    model && compareWithModel([...unpacked.parameters, ...ggufAsHuggingFace(gguf, model.modelType)], model.module, { layers });
  // A tied matrix stored under both its names is one matrix.
  const twice = new Set(comparison?.storedTwice.map((t) => t.name));
  const counted = parameters.filter((t) => !twice.has(t.name));
  const count = format.count;
  const tallyRows = (key: (t: TensorInfo) => string) =>
    tally(tensors, key).map((row) => [row.key, count(row.tensors), count(row.elements)]);

  const notes = [fill(text.checkpointTotal, { parameters: count(sum(counted)), short: format.short(sum(counted)), tensors: count(counted.length) })];
  for (const { name, alsoAs } of comparison?.storedTwice ?? []) notes.push(fill(text.storedTwice, { name, alsoAs }));
  notes.push(...partNotes(counted, layers, model && builtModel(model.module)?.checkpointExtras, text, format));
  if (unpacked.quantisationData.length > 0) {
    notes.push(fill(text.quantisationData, { tensors: count(unpacked.quantisationData.length), elements: count(sum(unpacked.quantisationData)) }));
  }
  notes.push(...unpacked.problems.map((problem) => packingText(problem, text)));
  if (ggufFiles.size > 0) notes.push(text.ggufNote);
  if (ggufOnly.length > 0) notes.push(fill(text.ggufOnly, { list: ggufOnly.map(shaped).join(', ') }));
  if (index) notes.push(fill(text.indexNote, { file: index.file, tensors: count(index.weightMap.size) }));
  notes.push(...problems.map((problem) => shardText(problem, text)));
  if (skipped.length > 0) notes.push(fill(text.skipped, { list: skipped.join(', ') }));
  if (!model) notes.push(text.compareNoConfig);

  const tables: ReportTable[] = [
    {
      caption: text.filesCaption,
      head: [text.file, text.format, text.size, text.tensors, text.elements],
      rows: headers.map((h) => [h.file, h.format, format.gigabytes(h.bytes), count(h.tensors.length), count(sum(h.tensors))]),
      numeric: [2, 3, 4],
    },
  ];
  if (unpacked.packed.length > 0) tables.push(packedTable(unpacked, text, format));
  if (unpacked.quantisationData.length > 0) {
    tables.push({
      caption: text.quantisationCaption,
      head: [text.quantisationKind, text.tensors, text.elements],
      rows: tally(unpacked.quantisationData, (t) => dataKind(t.name)).map((row) => [row.key, count(row.tensors), count(row.elements)]),
      numeric: [1, 2],
    });
  }
  tables.push(
    { caption: text.dtypeCaption, head: [text.dtype, text.tensors, text.elements], rows: tallyRows((t) => t.dtype), numeric: [1, 2] },
    { caption: text.moduleCaption, head: [text.module, text.tensors, text.elements], rows: tallyRows((t) => modulePattern(t.name)), numeric: [1, 2] },
  );
  const sections: ReportSection[] = [{ title: text.checkpointTitle, notes, tables }];
  if (model && comparison) sections.push(comparisonSection(comparison, gguf.length > 0, model, text, format));
  return sections;
}

/** What a tensor of quantisation data is, by the end of its name: `qzeros`, `weight.absmax`, `*_scales`. */
function dataKind(name: string): string {
  const bitsandbytes = /\.(weight\..+)$/.exec(name)?.[1];
  if (bitsandbytes) return bitsandbytes;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last.endsWith('_scales') ? '*_scales' : last;
}

/** The packed weights by layout and width: how many, and the parameters they stand for. */
function packedTable({ packed }: Unpacked, text: CountText, format: NumberFormats): ReportTable {
  const groups = new Map<string, { layout: string; bits: number; weights: number; parameters: number }>();
  for (const weight of packed) {
    const key = `${weight.layout} ${weight.bits}`;
    const group = groups.get(key) ?? { layout: text[`layout.${weight.layout}`], bits: weight.bits, weights: 0, parameters: 0 };
    group.weights += 1;
    group.parameters += weight.elements;
    groups.set(key, group);
  }
  return {
    caption: text.packedCaption,
    head: [text.packing, text.bits, text.tensors, text.parameters],
    rows: [...groups.values()].map((g) => [g.layout, String(g.bits), format.count(g.weights), format.count(g.parameters)]),
    numeric: [1, 2, 3],
  };
}

/** How many of the counted parameters are an MTP layer or a vision tower. */
function partNotes(
  tensors: readonly TensorInfo[],
  layers: number | undefined,
  extras: CheckpointExtras | null | undefined,
  text: CountText,
  format: NumberFormats,
): string[] {
  const byPart = new Map<ModelPart, TensorInfo[]>();
  for (const tensor of tensors) {
    const part = modelPartOf(tensor.name, layers, extras);
    if (!part) continue;
    const inPart = byPart.get(part) ?? [];
    inPart.push(tensor);
    byPart.set(part, inPart);
  }
  return [...byPart].map(([part, inPart]) =>
    fill(text[`part.${part}`], { parameters: format.count(sum(inPart)), tensors: format.count(inPart.length) }),
  );
}

function comparisonSection(
  comparison: Comparison,
  translated: boolean,
  model: ComparedModel,
  text: CountText,
  format: NumberFormats,
): ReportSection {
  const expected = model.module.stateDict().size;
  const count = format.count;
  const mtp = comparison.parts.filter((p) => p.part === 'mtp');
  const vision = comparison.parts.filter((p) => p.part === 'vision');
  const kinds: [string, number][] = [
    [text['compare.matching'], comparison.matching],
    [text['compare.missing'], comparison.missing.length],
    [text['compare.extra'], comparison.extra.length],
    [text['compare.misShaped'], comparison.misShaped.length],
    [text['compare.tied'], comparison.tied.length],
    [text['compare.packed'], comparison.packed.length],
    [text['compare.mtp'], mtp.length],
    [text['compare.vision'], vision.length],
  ];
  // The first four always, so "0 missing" can be read; the rest when there are any.
  const rows = kinds.filter(([, n], i) => i < 4 || n > 0).map(([kind, n]) => [kind, count(n)]);
  const list = (title: string, items: string[]): ReportList[] =>
    items.length === 0 ? [] : [{ title: fill(title, { count: count(items.length) }), items, shown: SHOWN, more: fill(text.listMore, { count: count(items.length - SHOWN) }) }];

  const clean = comparison.missing.length + comparison.extra.length + comparison.misShaped.length === 0;
  const notes = [fill(text.compareSummary, { matching: count(comparison.matching), expected: count(expected), model: model.name })];
  if (translated) notes.push(text.ggufCompared);
  if (clean) notes.push(text.compareNone);
  for (const tied of comparison.tied) notes.push(fill(text.tied, tied));
  return {
    title: fill(text.compareTitle, { model: model.name }),
    notes,
    tables: [{ caption: text.compareCaption, head: [text.compareKind, text.tensors], rows, numeric: [1] }],
    lists: [
      ...list(text.missing, comparison.missing.map(shaped)),
      ...list(text.extra, comparison.extra.map(shaped)),
      ...list(text.misShaped, comparison.misShaped.map(({ name, expected: shape, actual }) =>
        fill(text.misShapedItem, { name, expected: shapeText(shape), actual: shapeText(actual) }))),
      ...list(text.packedWeights, comparison.packed.map(({ name, layout, storedAs }) => `${name} ← ${storedAs} (${text[`layout.${layout}`]})`)),
      ...list(text.mtpTensors, mtp.map(shaped)),
      ...list(text.visionTensors, vision.map(shaped)),
    ],
  };
}
