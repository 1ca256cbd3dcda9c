// What the page says about the reader's checkpoint files: tables per file, dtype and module, the
// quantised tensors flagged, what the shards and their index disagree on, and, given the config's
// model, the tensor-by-tensor comparison (a GGUF file's tensors under their Hugging Face names).
import type { Module } from 'lib';
import type { CheckpointError } from '../checkpoint/checkpoint-error.ts';
import { compareWithModel } from '../checkpoint/compare.ts';
import { ggufAsHuggingFace, isGgufOnly } from '../checkpoint/gguf-names.ts';
import type { FileHeader } from '../checkpoint/read-files.ts';
import { combineShards, type ShardIndex, type ShardProblem } from '../checkpoint/shards.ts';
import { modulePattern, tally, type TensorInfo } from '../checkpoint/tensor-info.ts';
import { fill } from '../i18n/fill-template.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import type { ReportSection } from './report-table.ts';

export interface CheckpointFiles {
  headers: readonly FileHeader[];
  index?: ShardIndex;
}

/** The model the config builds, and its `model_type`, which says how a GGUF file names its tensors. */
export interface ComparedModel {
  name: string;
  module: Module;
  modelType: string;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const sum = (tensors: readonly TensorInfo[]) => tensors.reduce((total, t) => total + t.elements, 0);
// Long lists are cut: the first few names say enough, the count says the rest.
const SHOWN = 12;
const list = (names: readonly string[]) => (names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')} … (+${names.length - SHOWN})` : names.join(', '));
const listShaped = (tensors: Iterable<{ name: string; shape: readonly number[] }>) => list([...tensors].map((t) => `${t.name} ${shapeText(t.shape)}`));

export function errorText(error: CheckpointError, text: CountText): string {
  return fill(text[`error.${error.problem}`], { file: error.file, ...error.details });
}

function shardText(problem: ShardProblem, text: CountText): string {
  const values = problem.problem === 'duplicate' ? { ...problem, first: problem.files[0], second: problem.files[1] } : problem;
  return fill(text[`shard.${problem.problem}`], values);
}

export function checkpointSections(
  { headers, index }: CheckpointFiles,
  model: ComparedModel | null,
  text: CountText,
  format: NumberFormats,
): ReportSection[] {
  if (headers.length === 0) return [];
  const { tensors, problems } = combineShards(headers, index);
  const ggufFiles = new Set(headers.filter((h) => h.format === 'gguf').map((h) => h.file));
  const fromGguf = (t: TensorInfo) => ggufFiles.has(t.file);
  // llama.cpp's RoPE factors are counted apart: no parameter, though the file stores them.
  const ggufOnly = new Set(tensors.filter((t) => fromGguf(t) && isGgufOnly(t.name)));
  const plain = tensors.filter((t) => !t.quantised && !ggufOnly.has(t));
  const quantised = tensors.filter((t) => t.quantised);
  const count = format.count;
  const tallyRows = (key: (t: TensorInfo) => string) =>
    tally(tensors, key).map((row) => [row.key, count(row.tensors), count(row.elements)]);

  const notes = [fill(text.checkpointTotal, { parameters: count(sum(plain)), short: format.short(sum(plain)), tensors: count(plain.length) })];
  if (quantised.length > 0) notes.push(fill(text.quantisedNote, { tensors: count(quantised.length), elements: count(sum(quantised)) }));
  if (ggufFiles.size > 0) notes.push(text.ggufNote);
  if (ggufOnly.size > 0) notes.push(fill(text.ggufOnly, { list: listShaped(ggufOnly) }));
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
  if (model) {
    // A GGUF file's tensors are compared as the Hugging Face checkpoint names and shapes them.
    const gguf = tensors.filter(fromGguf);
    const compared = [...tensors.filter((t) => !fromGguf(t)), ...ggufAsHuggingFace(gguf, model.modelType)];
    sections.push(comparisonSection(compared, gguf.length > 0, model, text, format));
  }
  return sections;
}

function comparisonSection(
  tensors: readonly TensorInfo[],
  translated: boolean,
  model: ComparedModel,
  text: CountText,
  format: NumberFormats,
): ReportSection {
  const comparison = compareWithModel(tensors, model.module);
  const expected = model.module.stateDict().size;
  const findings: string[] = [];
  if (comparison.missing.length > 0) findings.push(fill(text.missing, { list: listShaped(comparison.missing) }));
  if (comparison.extra.length > 0) findings.push(fill(text.extra, { list: listShaped(comparison.extra) }));
  for (const { name, expected: shape, actual } of comparison.misShaped.slice(0, SHOWN)) {
    findings.push(fill(text.misShaped, { name, expected: shapeText(shape), actual: shapeText(actual) }));
  }
  for (const tied of comparison.tied) findings.push(fill(text.tied, tied));
  if (comparison.quantised.length > 0) {
    findings.push(fill(text.quantisedWeight, { list: list(comparison.quantised.map((q) => `${q.name} → ${q.storedAs}`)) }));
  }
  if (findings.length === 0 && comparison.matching === expected) findings.push(text.compareNone);
  const notes = [fill(text.compareSummary, { matching: format.count(comparison.matching), expected: format.count(expected), model: model.name })];
  if (translated) notes.push(text.ggufCompared);
  return { title: fill(text.compareTitle, { model: model.name }), notes: [...notes, ...findings], tables: [] };
}
