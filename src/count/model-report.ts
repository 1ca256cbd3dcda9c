// What the page says about the model a config describes, every figure computed by the library:
// total, trainable and active parameters, the parameters by component, the 12 · L · d² estimate
// beside the exact count, memory for the weights, the KV cache and training, and LoRA's count.
import {
  builtModel,
  countActiveParameters,
  countParameters,
  type DType,
  kvCacheMemory,
  loraParameters,
  type Module,
  modelFromConfig,
  parameterParts,
  trainingMemory,
  type TrainingSetup,
  weightMemory,
} from 'lib';
import { fill } from '../i18n/fill-template.ts';
import type { CountState } from './count-state.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import type { ReportSection } from './report-table.ts';
import { type CountText, TRAINING_SETUPS } from '../components/CountYourModel/ui-strings.ts';

export interface ModelReport {
  name: string;
  model: Module;
  /** The `model_type` of the model built (a multimodal config's language model), which says how a GGUF file names its tensors. */
  modelType: string;
  sections: ReportSection[];
  /** The names LoRA is usually pointed at in this model's family (PEFT's target_modules). */
  loraTargets: readonly string[];
}

export const WEIGHT_DTYPES: readonly DType[] = ['float32', 'bfloat16', 'int8', 'int4'];
export const KV_DTYPES: readonly DType[] = ['bfloat16', 'float32', 'int8', 'int4'];

const sizeOf = (config: Readonly<Record<string, unknown>>, ...keys: string[]) => {
  for (const key of keys) if (typeof config[key] === 'number') return config[key] as number;
  return undefined;
};

export function modelReport(
  config: Readonly<Record<string, unknown>>,
  name: string,
  state: CountState,
  text: CountText,
  format: NumberFormats,
): ModelReport {
  const model = modelFromConfig({ ...config });
  // modelFromConfig has built it, so it knows its family.
  const built = builtModel(model)!;
  const { family } = built;
  const { count, short } = format;
  const total = countParameters(model, { trainableOnly: false });
  const active = countActiveParameters(model);
  const { parts: byComponent, tied } = parameterParts(model);
  const embeddings = byComponent.get('embeddings') ?? 0;
  // A multimodal config's sizes are those of its language model.
  const sizes = (config.text_config as Readonly<Record<string, unknown>> | undefined) ?? config;
  const layers = sizeOf(sizes, 'num_hidden_layers', 'n_layer');
  const width = sizeOf(sizes, 'hidden_size', 'n_embd');
  const row = (label: string, n: number) => [label, count(n), short(n)];
  const parameterRows = [row(text.total, total), row(text.trainable, countParameters(model)), row(text.active, active)];
  const notes: string[] = built.notCounted.length > 0 ? [fill(text.notCounted, { keys: built.notCounted.join(', ') })] : [];
  // A mixture of experts: the active count as its vendor states it.
  if (active < total) {
    const { vendor, inputEmbedding, outputHead } = family.active;
    parameterRows.push(row(text.activeWithoutEmbedding, countActiveParameters(model, { inputEmbedding: false })));
    if (!outputHead) parameterRows.push(row(text.activeWithoutEmbeddingAndHead, countActiveParameters(model, { inputEmbedding: false, outputHead: false })));
    const convention = !outputHead ? 'withoutEmbeddingAndHead' : inputEmbedding ? 'withEmbedding' : 'withoutEmbedding';
    notes.push(fill(text[`convention.${convention}`], { vendor }));
  }
  parameterRows.push(row(text.nonEmbedding, total - embeddings));
  if (layers !== undefined && width !== undefined) {
    const estimate = 12 * layers * width ** 2;
    parameterRows.push(row(fill(text.estimate, { layers: count(layers), width: count(width) }), estimate));
    notes.push(fill(text.estimateNote, { ratio: format.percent((100 * estimate) / (total - embeddings)) }));
  }

  const sections: ReportSection[] = [
    {
      title: fill(text.paramsTitle, { model: name }),
      notes,
      tables: [{ caption: text.paramsCaption, head: [text.quantity, text.parameters, text.short], rows: parameterRows, numeric: [1, 2] }],
    },
    {
      title: text.componentsTitle,
      notes: tied.map((t) => fill(text.tiedNote, t)),
      tables: [
        {
          caption: text.componentsCaption,
          head: [text.component, text.parameters, text.share],
          rows: [...byComponent].map(([component, n]) => [text[`component.${component}`], count(n), format.percent((100 * n) / total)]),
          numeric: [1, 2],
        },
      ],
    },
    memorySection(model, state, text, format),
    loraSection(model, state, text, format),
  ];
  return { name, model, modelType: family.modelTypes[0]!, sections, loraTargets: family.loraTargets };
}

function memorySection(model: Module, state: CountState, text: CountText, format: NumberFormats): ReportSection {
  const gb = format.gigabytes;
  const tables: ReportSection['tables'][number][] = [
    {
      caption: text.weightsCaption,
      head: [text.dtype, text.bytes],
      rows: WEIGHT_DTYPES.map((dtype) => [dtype === 'bfloat16' ? 'bfloat16 / float16' : dtype, gb(weightMemory(model, dtype).bytes)]),
      numeric: [1],
    },
  ];
  const notes = [text.memoryNote];
  try {
    const dtype = state.kvDtype as DType;
    const kv = kvCacheMemory(model, { tokens: state.tokens, batch: state.batch, dtype });
    tables.push({
      caption: fill(text.kvCaption, { batch: format.count(state.batch), tokens: format.count(state.tokens), dtype }),
      head: [text.quantity, text.bytes],
      rows: [
        [text.kvPerToken, `${format.count(kv.bytesPerToken)} B`],
        [text.kvTotal, gb(kv.bytes)],
      ],
      numeric: [1],
    });
  } catch {
    notes.push(text.kvNone);
  }
  tables.push({
    caption: text.trainingCaption,
    head: [text.setup, text.weights, text.gradients, text.optimizerState, text.masterWeights, text.total],
    rows: TRAINING_SETUPS.map((setup: TrainingSetup) => {
      const memory = trainingMemory(model, setup);
      return [text[`setup.${setup}`], ...[memory.weights, memory.gradients, memory.optimizerState, memory.masterWeights, memory.bytes].map(gb)];
    }),
    numeric: [1, 2, 3, 4, 5],
  });
  return { title: text.memoryTitle, notes, tables };
}

function loraSection(model: Module, state: CountState, text: CountText, format: NumberFormats): ReportSection {
  const targets = state.targets.join(', ');
  try {
    const lora = loraParameters(model, { r: state.rank, targetModules: state.targets });
    return {
      title: text.loraTitle,
      notes: [],
      tables: [
        {
          caption: fill(text.loraCaption, { r: format.count(state.rank), targets, matrices: format.count(lora.adapted.length) }),
          head: [text.quantity, text.parameters],
          rows: [
            [text.loraTrainable, format.count(lora.trainable)],
            [text.loraTotal, format.count(lora.total)],
            [text.loraPercent, format.percent(lora.percentage)],
          ],
          numeric: [1],
        },
      ],
    };
  } catch {
    return { title: text.loraTitle, notes: [fill(text.loraNone, { targets: targets || '—' })], tables: [] };
  }
}
