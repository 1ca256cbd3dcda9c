// What the page says about the reader's checkpoint files: tables per file, dtype and module, the
// quantised tensors flagged, what the shards and their index disagree on, and, given the config's
// model, the tensor-by-tensor comparison.
import type { Module } from 'lib';
import type { CheckpointError } from '../../checkpoint/checkpoint-error.ts';
import { compareWithModel } from '../../checkpoint/compare.ts';
import type { FileHeader } from '../../checkpoint/read-files.ts';
import { combineShards, type ShardIndex, type ShardProblem } from '../../checkpoint/shards.ts';
import { modulePattern, tally, type TensorInfo } from '../../checkpoint/tensor-info.ts';
import { fill } from '../../i18n/fill-template.ts';
import type { CountText } from './ui-strings.ts';
import type { NumberFormats } from './number-format.ts';
import type { ReportSection } from './report-table.ts';

export interface CheckpointFiles {
  headers: readonly FileHeader[];
  index?: ShardIndex;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const sum = (tensors: readonly TensorInfo[]) => tensors.reduce((total, t) => total + t.elements, 0);
// Long lists are cut: the first few names say enough, the count says the rest.
const SHOWN = 12;
const list = (names: readonly string[]) => (names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')} … (+${names.length - SHOWN})` : names.join(', '));

export function errorText(error: CheckpointError, text: CountText): string {
  return fill(text[`error.${error.problem}`], { file: error.file, ...error.details });
}

function shardText(problem: ShardProblem, text: CountText): string {
  const values = problem.problem === 'duplicate' ? { ...problem, first: problem.files[0], second: problem.files[1] } : problem;
  return fill(text[`shard.${problem.problem}`], values);
}

export function checkpointSections(
  { headers, index }: CheckpointFiles,
  model: { name: string; module: Module } | null,
  text: CountText,
  format: NumberFormats,
): ReportSection[] {
  if (headers.length === 0) return [];
  const { tensors, problems } = combineShards(headers, index);
  const plain = tensors.filter((t) => !t.quantised);
  const quantised = tensors.filter((t) => t.quantised);
  const count = format.count;
  const tallyRows = (key: (t: TensorInfo) => string) =>
    tally(tensors, key).map((row) => [row.key, count(row.tensors), count(row.elements)]);

  const notes = [fill(text.checkpointTotal, { parameters: count(sum(plain)), short: format.short(sum(plain)), tensors: count(plain.length) })];
  if (quantised.length > 0) notes.push(fill(text.quantisedNote, { tensors: count(quantised.length), elements: count(sum(quantised)) }));
  if (headers.some((h) => h.format === 'gguf')) notes.push(text.ggufNote);
  if (index) notes.push(fill(text.indexNote, { file: index.file, tensors: count(index.weightMap.size) }));
  notes.push(...problems.map((problem) => shardText(problem, text)));

  const sections: ReportSection[] = [
    {
      title: text.checkpointTitle,
      notes,
      tables: [
        {
          caption: text.filesCaption,
          head: [text.file, text.format, text.size, text.tensors, text.elements],
          rows: headers.map((h) => [h.file, h.format, format.gigabytes(h.bytes), count(h.tensors.length), count(sum(h.tensors))]),
          numeric: [2, 3, 4],
        },
        { caption: text.dtypeCaption, head: [text.dtype, text.tensors, text.elements], rows: tallyRows((t) => t.dtype), numeric: [1, 2] },
        { caption: text.moduleCaption, head: [text.module, text.tensors, text.elements], rows: tallyRows((t) => modulePattern(t.name)), numeric: [1, 2] },
      ],
    },
  ];
  if (model) sections.push(comparisonSection(tensors, model, text, format));
  return sections;
}

function comparisonSection(
  tensors: readonly TensorInfo[],
  model: { name: string; module: Module },
  text: CountText,
  format: NumberFormats,
): ReportSection {
  const comparison = compareWithModel(tensors, model.module);
  const expected = model.module.stateDict().size;
  const notes = [fill(text.compareSummary, { matching: format.count(comparison.matching), expected: format.count(expected), model: model.name })];
  if (comparison.missing.length > 0) notes.push(fill(text.missing, { list: list(comparison.missing.map((m) => `${m.name} ${shapeText(m.shape)}`)) }));
  if (comparison.extra.length > 0) notes.push(fill(text.extra, { list: list(comparison.extra.map((m) => `${m.name} ${shapeText(m.shape)}`)) }));
  for (const { name, expected: shape, actual } of comparison.misShaped.slice(0, SHOWN)) {
    notes.push(fill(text.misShaped, { name, expected: shapeText(shape), actual: shapeText(actual) }));
  }
  for (const tied of comparison.tied) notes.push(fill(text.tied, tied));
  if (comparison.quantised.length > 0) {
    notes.push(fill(text.quantisedWeight, { list: list(comparison.quantised.map((q) => `${q.name} → ${q.storedAs}`)) }));
  }
  if (notes.length === 1 && comparison.matching === expected) notes.push(text.compareNone);
  return { title: fill(text.compareTitle, { model: model.name }), notes, tables: [] };
}
