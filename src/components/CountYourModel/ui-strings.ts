// The words of the "Count your model" tool, under `count.` in content/i18n/<lang>.json.
// CountYourModel.astro looks them up at build time and hands them to the element as JSON, since it
// writes its tables again as the reader changes things. `{{name}}` marks where a value goes.
import { type ConfigProblem, PARTS } from 'lib';
import { defineUiStrings, type UiText } from '../../i18n/ui-strings.ts';
import type { CheckpointProblem } from '../../checkpoint/checkpoint-error.ts';
import type { ModelPart } from '../../checkpoint/model-parts.ts';
import { PACKING_LAYOUTS, type PackingProblem } from '../../checkpoint/packed.ts';
import type { ShardProblem } from '../../checkpoint/shards.ts';

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
/** The training setups the memory table lists (lib's TrainingSetup values). */
export const TRAINING_SETUPS = ['sgd', 'sgd-momentum', 'adam', 'adam-mixed-precision'] as const;

export const COUNT_STRINGS = defineUiStrings('count', [
  // The config form.
  'model', 'preset', 'pasted', 'configLabel', 'configHint', 'repoLabel', 'repoFetch', 'repoFetching', 'repoFetched',
  'repoFailed', 'repoInvalid', 'configNotJson', 'configRejected', 'inputs', 'batch', 'tokens', 'kvDtype', 'loraRank',
  'loraTargets',
  // The model's tables.
  'paramsTitle', 'paramsCaption', 'quantity', 'parameters', 'short', 'total', 'trainable', 'active', 'nonEmbedding',
  'activeWithoutEmbedding', 'activeWithoutEmbeddingAndHead', 'convention.withEmbedding', 'convention.withoutEmbedding',
  'convention.withoutEmbeddingAndHead', 'notCounted',
  'estimate', 'estimateNote', 'componentsTitle', 'componentsCaption', 'component', 'share', 'tiedNote',
  ...COMPONENTS.map((component) => `component.${component}` as const),
  'memoryTitle', 'memoryNote', 'weightsCaption', 'bytes', 'kvCaption', 'kvPerToken', 'kvTotal', 'kvNone',
  'trainingCaption', 'setup', 'weights', 'gradients', 'optimizerState', 'masterWeights',
  ...TRAINING_SETUPS.map((setup) => `setup.${setup}` as const),
  'loraTitle', 'loraCaption', 'loraTrainable', 'loraTotal', 'loraPercent', 'loraNone',
  // The presets at a glance, built with the page.
  'presetsCaption', 'weightsBf16',
  // The checkpoint form and its status line.
  'files', 'chooseFiles', 'chooseFolder', 'dropFiles', 'private', 'reading', 'read', 'configFromFiles',
  // The checkpoint's tables.
  'checkpointTitle', 'filesCaption', 'file', 'format', 'size', 'tensors', 'elements', 'dtype', 'module',
  'dtypeCaption', 'moduleCaption', 'checkpointTotal', 'ggufNote', 'ggufOnly', 'indexNote', 'skipped', 'storedTwice',
  'quantisationData', 'packedCaption', 'packing', 'bits',
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
