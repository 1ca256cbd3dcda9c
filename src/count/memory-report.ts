// What the page says about memory, every figure computed by lib: the weights per format, the KV
// cache by attention kind, and whether serving and fine-tuning fit on the chosen GPU, in words, in
// a table and in a picture.
import {
  type DType,
  type FineTuningOptions,
  fineTuningMemories,
  type InferenceFit,
  GGUF_MIXES,
  ggmlBlock,
  GIB,
  gpuById,
  inferenceFit,
  type KVCacheGroupMemory,
  kvCacheMemory,
  MAX_CONTEXT,
  type Module,
  type OptimizerName,
  parseMemorySize,
  type Recomputation,
  type TrainingBreakdown,
  type TransformerDims,
  transformerDims,
  type WeightFormat,
  WEIGHT_FORMATS,
  type WeightFormatMemory,
  weightFormatMemories,
  type ZeroStage,
} from 'lib';
import { fill } from '../i18n/fill-template.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import { CUSTOM_GPU, type CountState } from './count-state.ts';
import { type ChartBar, chartSvg, SEGMENTS, type Segment } from './memory-chart.ts';
import type { ReportSection, ReportTable } from './report-table.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';

/** Bytes in GB, or in MB below a tenth of a GB, so that a small cache does not read as 0 GB. */
const size = (bytes: number, format: NumberFormats) => (bytes >= 1e8 || bytes === 0 ? format.gigabytes(bytes) : `${format.decimal(bytes / 1e6)} MB`);

/** A format's name as the page shows it: GGUF types without the prefix lib uses to tell them apart. */
export const formatName = (format: string) => (format.startsWith('gguf:') ? `GGUF ${format.slice(5)}` : format);

function formatDescription(format: WeightFormat, text: CountText): string {
  if (!format.startsWith('gguf:')) return text[`format.${format as Exclude<WeightFormat, `gguf:${string}`>}`];
  const type = format.slice(5);
  if ((GGUF_MIXES as readonly string[]).includes(type)) return fill(text['format.ggufMix'], { base: type.replace('_M', '') });
  const block = ggmlBlock(type)!;
  return fill(text['format.gguf'], { type, bytes: block.blockBytes, weights: block.blockElements });
}

function weightsTable(memories: readonly WeightFormatMemory[], text: CountText, format: NumberFormats): ReportTable {
  return {
    caption: text.formatsCaption,
    head: [text.format, text.bytes, text.counts],
    rows: memories.map((m) => [formatName(m.format), format.gigabytes(m.bytes), formatDescription(m.format, text)]),
    numeric: [1],
  };
}

function kindLabel(group: KVCacheGroupMemory, text: CountText, format: NumberFormats): string {
  const values = format.count(group.kind === 'linear' ? group.valuesPerSequence! : group.valuesPerToken);
  return fill(text[`kv.${group.kind}`], { values, window: format.count(group.window ?? 0) });
}

function kvPart(model: Module, state: CountState, text: CountText, format: NumberFormats): { tables: ReportTable[]; notes: string[] } {
  let kv: ReturnType<typeof kvCacheMemory>;
  try {
    kv = kvCacheMemory(model, { tokens: state.tokens, batch: state.batch, dtype: state.kvDtype as DType });
  } catch {
    return { tables: [], notes: [text.kvNone] };
  }
  const bytes = (n: number) => `${format.count(n)} B`;
  const rows = kv.groups.map((g) => [kindLabel(g, text, format), format.count(g.layers), bytes(g.bytesPerToken), size(g.bytes, format)]);
  if (kv.groups.length > 1) rows.push([text.total, format.count(kv.groups.reduce((n, g) => n + g.layers, 0)), bytes(kv.bytesPerToken), size(kv.bytes, format)]);
  const notes = [text.kvNote];
  for (const g of kv.groups) {
    if (g.decompressedBytes !== undefined) {
      notes.push(fill(text.kvLatentNote, { bytes: format.gigabytes(g.decompressedBytes), ratio: format.decimal(g.decompressedBytes / g.bytes) }));
    }
  }
  const cached = kv.bytes - kv.groups.reduce((n, g) => n + (g.kind === 'linear' ? g.bytes : 0), 0);
  if (kv.allFullBytes > cached && cached > 0) {
    notes.push(fill(text.kvAllFullNote, { bytes: format.gigabytes(kv.allFullBytes), ratio: format.decimal(kv.allFullBytes / cached) }));
  }
  const caption = fill(text.kvCaption, { batch: format.count(state.batch), tokens: format.count(state.tokens), dtype: state.kvDtype });
  return { tables: [{ caption, head: [text.kvKind, text.layers, text.kvPerToken, text.kvTotal], rows, numeric: [1, 2, 3] }], notes };
}

/**
 * The memory section, then the will-it-fit section: `sizes` is the config's (a multimodal one's
 * language model's), whose widths the activations need. The weights are sized once for both.
 */
export function memorySections(model: Module, sizes: Readonly<Record<string, unknown>>, state: CountState, text: CountText, format: NumberFormats): ReportSection[] {
  const memories = weightFormatMemories(model, WEIGHT_FORMATS);
  const kv = kvPart(model, state, text, format);
  const memory = { title: text.memoryTitle, notes: [text.memoryNote, ...kv.notes], tables: [weightsTable(memories, text, format), ...kv.tables] };
  const weights = memories.find((m) => m.format === state.format)!.bytes;
  return [memory, fitSection(model, sizes, weights, state, text, format)];
}

/** The card the state chooses: its name and bytes, or null for a custom size that is not a size. */
export function chosenGpu(state: CountState, text: CountText): { name: string; capacity: number; gb?: number; source?: string; unified?: boolean } | null {
  if (state.gpu === CUSTOM_GPU) {
    const capacity = parseMemorySize(state.memory);
    return capacity === null ? null : { name: fill(text.customGpuName, { size: state.memory.trim() }), capacity };
  }
  const gpu = gpuById(state.gpu)!;
  return { name: gpu.name, capacity: gpu.gb * GIB, gb: gpu.gb, source: gpu.source, unified: gpu.unified };
}

interface Scenario {
  label: string;
  parts: Partial<Record<Segment, number>>;
}

const trainingScenario = (label: string, m: TrainingBreakdown): Scenario => ({
  label,
  parts: { weights: m.weights, gradients: m.gradients, optimizerState: m.optimizerState, activations: m.activations },
});

function scenarios(model: Module, dims: TransformerDims, state: CountState, fit: InferenceFit, text: CountText): { list: Scenario[]; loraMissing: boolean } {
  const optimizer = state.optimizer as OptimizerName;
  const optimizerName = text[`optimizer.${optimizer}`];
  const common = { optimizer, tokens: state.tokens, batch: state.batch, recompute: state.recompute as Recomputation };
  const full: [string, FineTuningOptions][] = [[fill(text['scenario.full'], { optimizer: optimizerName }), { method: 'full', ...common }]];
  if (state.gpus > 1) {
    for (const zero of [1, 2, 3] as ZeroStage[]) full.push([fill(text['scenario.zero'], { stage: zero, gpus: state.gpus }), { method: 'full', ...common, zero, gpus: state.gpus }]);
  }
  const lora = { r: state.rank, targetModules: state.targets };
  const adapters: [string, FineTuningOptions][] = [
    [fill(text['scenario.lora'], { optimizer: optimizerName }), { method: 'lora', ...common, lora }],
    [fill(text['scenario.qlora'], { optimizer: optimizerName }), { method: 'qlora', ...common, lora }],
  ];
  const sized = (list: [string, FineTuningOptions][]) => {
    const memories = fineTuningMemories(model, dims, list.map(([, options]) => options));
    return list.map(([label], i) => trainingScenario(label, memories[i]!));
  };
  let loraMissing = false;
  let adapted: Scenario[] = [];
  try {
    adapted = sized(adapters);
  } catch {
    // No layer has the target modules' names: LoRA has nothing to adapt.
    loraMissing = true;
  }
  const list: Scenario[] = [
    { label: fill(text['scenario.inference'], { format: formatName(state.format) }), parts: { weights: fit.weights, kvCache: fit.kvCache?.bytes ?? 0, activations: fit.activations } },
    ...sized(full),
    ...adapted,
  ];
  for (const scenario of list) scenario.parts.reserved = fit.reserved;
  return { list, loraMissing };
}

const sum = (parts: Partial<Record<Segment, number>>) => SEGMENTS.reduce((n, s) => n + (parts[s] ?? 0), 0);

/** Whether serving and fine-tuning fit on the chosen card: in words, a picture, and the picture's numbers as a table. */
function fitSection(model: Module, config: Readonly<Record<string, unknown>>, weights: number, state: CountState, text: CountText, format: NumberFormats): ReportSection {
  const gpu = chosenGpu(state, text);
  if (!gpu) return { title: text.fitTitleNoGpu, notes: [text.fitNoMemory], tables: [] };
  const title = fill(text.fitTitle, { gpu: gpu.name });
  let dims: TransformerDims;
  try {
    dims = transformerDims(config);
  } catch (error) {
    return { title, notes: [fill(text.fitNoDims, { reason: (error as Error).message })], tables: [] };
  }
  const gb = format.gigabytes;
  const capacity = gb(gpu.capacity);
  const fit = inferenceFit(model, dims, { format: state.format as WeightFormat, tokens: state.tokens, batch: state.batch, kvDtype: state.kvDtype as DType, capacity: gpu.capacity, weights });
  const values = { format: formatName(state.format), batch: format.count(state.batch), tokens: format.count(state.tokens), need: gb(fit.bytes), capacity, gpu: gpu.name };
  const notes = [fill(fit.fits ? text.fitFits : text.fitNotFits, values)];
  // An encoder keeps no cache and reads its input whole: a longest context would say nothing about it.
  if (fit.longestContext === 0) notes.push(fill(text.fitLongestNone, { ...values, weights: gb(fit.weights) }));
  else if (fit.kvCache === null) notes.push(text.kvNone);
  else if (fit.longestContext === MAX_CONTEXT) notes.push(fill(text.fitLongestAll, { ...values, tokens: format.count(MAX_CONTEXT) }));
  else notes.push(fill(text.fitLongest, { ...values, tokens: format.count(fit.longestContext) }));
  if (gpu.gb !== undefined) notes.push(fill(text.gpuSource, { gpu: gpu.name, gb: format.count(gpu.gb), bytes: gb(gpu.capacity), source: gpu.source }));
  if (gpu.unified) notes.push(text.fitUnified);
  notes.push(text.fitAssumptions);
  const { list, loraMissing } = scenarios(model, dims, state, fit, text);
  notes.push(fill(text.fitTraining, { recompute: text[`recompute.${state.recompute as Recomputation}`], gpus: format.count(state.gpus) }));
  if (loraMissing) notes.push(fill(text.loraNone, { targets: state.targets.join(', ') || '—' }));

  const segmentLabels = Object.fromEntries(SEGMENTS.map((s) => [s, text[`segment.${s}`]])) as Record<Segment, string>;
  const caption = fill(text.chartCaption, { gpu: gpu.name, capacity });
  const table: ReportTable = {
    caption,
    head: [text.scenario, ...SEGMENTS.map((s) => segmentLabels[s]), text.total, text.fits],
    rows: list.map(({ label, parts }) => [label, ...SEGMENTS.map((s) => (parts[s] ? size(parts[s], format) : '—')), gb(sum(parts)), sum(parts) <= gpu.capacity ? text.yes : text.no]),
    numeric: [1, 2, 3, 4, 5, 6, 7],
  };
  const bars: ChartBar[] = list.map(({ label, parts }) => ({ label, parts }));
  const figure = chartSvg({ title: caption, bars, capacity: gpu.capacity, capacityLabel: `${gpu.name}: ${capacity}`, segmentLabels, formatBytes: gb });
  return { title, notes, figure, tables: [table] };
}
