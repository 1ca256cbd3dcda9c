// What the page says about the model a config describes, every figure computed by the library:
// total, trainable and active parameters, the parameters by component, the 12 · L · d² estimate
// beside the exact count, memory and whether it fits (memory-report.ts), and LoRA's count.
import { Conv1D, countActiveParameters, countParameters, Embedding, Linear, loraParameters, type Module, modelFromConfig } from 'lib';
import { fill } from '../i18n/fill-template.ts';
import type { CountState } from './count-state.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import type { ReportSection } from './report-table.ts';
import type { COMPONENTS, CountText } from '../components/CountYourModel/ui-strings.ts';
import { fitSection, memorySection } from './memory-report.ts';

export interface ModelReport {
  name: string;
  model: Module;
  /** The config's `model_type`, which says how a GGUF file names this model's tensors. */
  modelType: string;
  sections: ReportSection[];
  /** The names LoRA can target in this model (the last part of each Linear's name), in order. */
  loraTargets: string[];
}

type Component = (typeof COMPONENTS)[number];

/** Which part of a transformer a parameter belongs to, from its Hugging Face name. */
export function componentOf(name: string, module: Module): Component {
  const owner = name.split('.').at(-2) ?? '';
  if (module instanceof Embedding) return 'embeddings';
  if (/norm|^ln_/i.test(owner)) return 'norms';
  if (/\.experts\./.test(name)) return 'experts';
  if (/block_sparse_moe\.gate\./.test(name)) return 'router';
  if (/self_attn|\.attn\.|\.attention\./.test(name)) return 'attention';
  if (/\.mlp\.|\.intermediate\.|encoder\.layer\.\d+\.output\./.test(name)) return 'mlp';
  if (/^lm_head\.|^pooler\./.test(name)) return 'head';
  return 'other';
}

/** Each parameter once with the module that holds it, and the names under which a tied one appears again. */
function parametersByModule(model: Module) {
  const owned: { name: string; module: Module; numel: number }[] = [];
  const seen = new Map<unknown, string>();
  const tied: { name: string; storedAs: string }[] = [];
  for (const [prefix, module] of model.namedModules()) {
    for (const [local, parameter] of module.namedParameters('', false)) {
      const name = prefix ? `${prefix}.${local}` : local;
      const first = seen.get(parameter);
      if (first) tied.push({ name, storedAs: first });
      else {
        seen.set(parameter, name);
        owned.push({ name, module, numel: parameter.numel() });
      }
    }
  }
  return { owned, tied };
}

const sizeOf = (config: Readonly<Record<string, unknown>>, ...keys: string[]) => {
  for (const key of keys) if (typeof config[key] === 'number') return config[key] as number;
  return undefined;
};

/** The last part of each adaptable layer's name, as PEFT's target_modules takes them. */
function loraTargetsOf(model: Module): string[] {
  const names = new Set<string>();
  for (const [name, module] of model.namedModules()) {
    if (module instanceof Linear || module instanceof Conv1D) names.add(name.split('.').at(-1)!);
  }
  return [...names];
}

export function modelReport(
  config: Readonly<Record<string, unknown>>,
  name: string,
  state: CountState,
  text: CountText,
  format: NumberFormats,
): ModelReport {
  const model = modelFromConfig({ ...config });
  const { count, short } = format;
  const total = countParameters(model, { trainableOnly: false });
  const active = countActiveParameters(model);
  const { owned, tied } = parametersByModule(model);

  const byComponent = new Map<Component, number>();
  for (const { name: parameter, module, numel } of owned) {
    const component = componentOf(parameter, module);
    byComponent.set(component, (byComponent.get(component) ?? 0) + numel);
  }
  const embeddings = byComponent.get('embeddings') ?? 0;
  const layers = sizeOf(config, 'num_hidden_layers', 'n_layer');
  const width = sizeOf(config, 'hidden_size', 'n_embd');
  const row = (label: string, n: number) => [label, count(n), short(n)];
  const parameterRows = [
    row(text.total, total),
    row(text.trainable, countParameters(model)),
    row(text.active, active),
    row(text.nonEmbedding, total - embeddings),
  ];
  const notes: string[] = [];
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
    fitSection(model, config, state, text, format),
    loraSection(model, state, text, format),
  ];
  // modelFromConfig has built it, so model_type is one of the strings it knows.
  return { name, model, modelType: String(config.model_type), sections, loraTargets: loraTargetsOf(model) };
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
