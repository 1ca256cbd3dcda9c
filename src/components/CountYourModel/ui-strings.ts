// The words of the "Count your model" tool, under `count.` in content/i18n/<lang>.json.
// CountYourModel.astro looks them up at build time and hands them to the element as JSON, since it
// writes its tables again as the reader changes things. `{{name}}` marks where a value goes.
import { type ConfigProblem, type OptimizerName, PARTS, type Recomputation } from 'lib';
import { defineUiStrings, type UiText } from '../../i18n/ui-strings.ts';
import type { CheckpointProblem } from '../../checkpoint/checkpoint-error.ts';
import type { ModelPart } from '../../checkpoint/model-parts.ts';
import { PACKING_LAYOUTS, type PackingProblem } from '../../checkpoint/packed.ts';
import type { ShardProblem } from '../../checkpoint/shards.ts';
import { SEGMENTS } from '../../count/memory-chart.ts';

const CHECKPOINT_PROBLEMS: readonly CheckpointProblem[] = [
  'tooShort', 'headerTooLarge', 'headerBeyondFile', 'headerNotJson', 'headerNotObject', 'badMetadata', 'badEntry',
  'unknownDtype', 'sizeMismatch', 'outsideData', 'overlap', 'uncovered', 'notGguf', 'unsupportedVersion', 'truncated',
  'badValue', 'unknownGgmlType', 'indexNotJson', 'indexNoWeightMap',
];
const CONFIG_PROBLEMS: readonly (ConfigProblem['problem'] | 'noModelType')[] = [
  'notAnObject', 'noModelType', 'unsupportedModelType', 'missing', 'notPositiveInteger', 'notBoolean', 'notPositiveNumber',
  'addsParameters', 'mustDivide', 'cannotExceed', 'tooLarge', 'notExact', 'notAList', 'wrongLength', 'notOneOf',
];
const SHARD_PROBLEMS: readonly ShardProblem['problem'][] = ['duplicate', 'shardMissing', 'notInIndex', 'elsewhere', 'missingFromShard'];
const PACKING_PROBLEMS: readonly PackingProblem['problem'][] = ['shapesDisagree', 'bitsUnknown'];
const MODEL_PARTS: readonly ModelPart[] = ['mtp', 'vision'];
const COMPARED = ['matching', 'missing', 'extra', 'misShaped', 'tied', 'packed', 'mtp', 'vision'] as const;

/** The parts lib's family records sort parameters into. */
export const COMPONENTS = PARTS;
/** The Hugging Face weight formats each have a sentence on what they count; GGUF's share two. */
const HF_FORMATS = ['float32', 'bfloat16', 'float8', 'int8', 'gptq-4bit', 'awq-4bit', 'mxfp4', 'nf4'] as const;
const KV_KINDS = ['full', 'sliding', 'latent', 'linear'] as const;
/** The optimizers and recomputations the form offers, the first the default. */
export const OPTIMIZERS = ['adamw', 'adam', 'sgd'] as const satisfies readonly OptimizerName[];
export const RECOMPUTATIONS = ['none', 'selective', 'full'] as const satisfies readonly Recomputation[];
const SCENARIOS = ['inference', 'full', 'zero', 'lora', 'qlora'] as const;

export const COUNT_STRINGS = defineUiStrings('count', [
  // The config form.
  'model', 'preset', 'pasted', 'configLabel', 'configHint', 'repoLabel', 'repoFetch', 'repoFetching', 'repoFetched',
  'repoFailed', 'repoInvalid', 'configNotJson', 'configRejected', 'inputs', 'batch', 'tokens', 'kvDtype', 'loraRank',
  'loraTargets', 'gpu', 'customGpu', 'gpuMemory', 'gpuMemoryHint', 'weightFormat', 'optimizer', 'recompute', 'gpus',
  'badCount', 'badMemory',
  // The model's tables.
  'paramsTitle', 'paramsCaption', 'quantity', 'parameters', 'short', 'total', 'trainable', 'active', 'nonEmbedding',
  'activeWithoutEmbedding', 'activeWithoutEmbeddingAndHead', 'convention.withEmbedding', 'convention.withoutEmbedding',
  'convention.withoutEmbeddingAndHead', 'notCounted',
  'estimate', 'estimateNote', 'componentsTitle', 'componentsCaption', 'component', 'share', 'tiedNote',
  ...COMPONENTS.map((component) => `component.${component}` as const),
  'memoryTitle', 'memoryNote', 'formatsCaption', 'counts', 'bytes',
  ...HF_FORMATS.map((format) => `format.${format}` as const), 'format.gguf', 'format.ggufMix',
  'kvCaption', 'kvKind', 'layers', 'kvPerToken', 'kvTotal', 'kvNone', 'kvNote', 'kvLatentNote', 'kvAllFullNote',
  ...KV_KINDS.map((kind) => `kv.${kind}` as const),
  // Will it fit.
  'fitTitle', 'fitTitleNoGpu', 'fitNoMemory', 'fitNoDims', 'customGpuName', 'fitFits', 'fitNotFits', 'fitLongest',
  'fitLongestNone', 'fitLongestAll', 'gpuSource', 'fitUnified', 'fitAssumptions', 'fitTraining', 'chartCaption',
  'scenario', 'fits', 'yes', 'no',
  ...SEGMENTS.map((segment) => `segment.${segment}` as const),
  ...SCENARIOS.map((scenario) => `scenario.${scenario}` as const),
  ...OPTIMIZERS.map((optimizer) => `optimizer.${optimizer}` as const),
  ...RECOMPUTATIONS.map((recompute) => `recompute.${recompute}` as const),
  'loraTitle', 'loraCaption', 'loraTrainable', 'loraTotal', 'loraPercent', 'loraNone',
  // The presets at a glance, built with the page.
  'presetsCaption', 'weightsBf16',
  // The checkpoint form and its status line.
  'files', 'chooseFiles', 'chooseFolder', 'dropFiles', 'private', 'reading', 'read', 'configFromFiles',
  // The checkpoint's tables.
  'checkpointTitle', 'filesCaption', 'file', 'format', 'size', 'tensors', 'elements', 'dtype', 'module',
  'dtypeCaption', 'moduleCaption', 'checkpointTotal', 'ggufNote', 'ggufOnly', 'indexNote', 'skipped', 'storedTwice',
  'quantisationData', 'quantisationCaption', 'quantisationKind', 'packedCaption', 'packing', 'bits',
  ...PACKING_LAYOUTS.map((layout) => `layout.${layout}` as const),
  ...MODEL_PARTS.map((part) => `part.${part}` as const),
  // A checkpoint against the config's model.
  'compareTitle', 'compareSummary', 'compareNoConfig', 'ggufCompared', 'compareNone', 'compareCaption', 'compareKind',
  ...COMPARED.map((kind) => `compare.${kind}` as const),
  'missing', 'extra', 'misShaped', 'misShapedItem', 'tied', 'packedWeights', 'mtpTensors', 'visionTensors', 'listMore',
  // Copy and share.
  'copyMarkdown', 'copiedMarkdown', 'copyLink', 'copiedLink', 'copyFailed',
  // What is wrong with a config.
  ...CONFIG_PROBLEMS.map((problem) => `config.${problem}` as const),
  // What went wrong with a file, or between shards.
  ...CHECKPOINT_PROBLEMS.map((problem) => `error.${problem}` as const),
  ...SHARD_PROBLEMS.map((problem) => `shard.${problem}` as const),
  ...PACKING_PROBLEMS.map((problem) => `packing.${problem}` as const),
]);

export type CountText = UiText<typeof COUNT_STRINGS>;
