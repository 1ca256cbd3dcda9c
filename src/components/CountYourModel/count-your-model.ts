// <count-your-model>: counts the model a config describes with the library, reads the headers
// of the reader's checkpoint files or model folder in the browser (nothing is uploaded) and, when
// the reader chose or gave the config, compares the two; keeps every input in the address, and
// copies the tables as Markdown or the calculation as a link.
import { ConfigError } from 'lib';
import type { CheckpointError } from '../../checkpoint/checkpoint-error.ts';
import { readFiles } from '../../checkpoint/read-files.ts';
import { fill } from '../../i18n/fill-template.ts';
import { type CheckpointContext, type CheckpointFiles, checkpointSections, errorText } from '../../count/checkpoint-report.ts';
import { configErrorText } from '../../count/config-error-text.ts';
import { COUNT_FIELDS, type CountField, type ReadInputs, readInputs } from '../../count/count-inputs.ts';
import { type CountState, CUSTOM_GPU, DEFAULT_STATE, stateFromHash, stateToHash } from '../../count/count-state.ts';
import { type ModelReport, modelReport } from '../../count/model-report.ts';
import { type NumberFormats, numberFormats } from '../../i18n/number-format.ts';
import { presetById } from '../../count/presets.ts';
import { loraTargetsHtml, type ReportSection, sectionHtml, sectionMarkdown } from '../../count/report-table.ts';
import type { CountText } from './ui-strings.ts';
import { modelMapHtml } from '../ParamMap/param-map.ts';
import type { MapText } from '../ParamMap/ui-strings.ts';

/** A Hub repository id: `owner/name`, or a bare legacy name such as `gpt2`. */
const REPO_ID = /^[\w.-]+(\/[\w.-]+)?$/;
const TYPING_PAUSE_MS = 250;
/** The memory and fine-tuning inputs, by their data-part. */
const INPUTS = ['batch', 'tokens', 'kv', 'format', 'gpu', 'memory', 'optimizer', 'recompute', 'gpus', 'rank'] as const;

class CountYourModel extends HTMLElement {
  #text!: CountText;
  #mapText!: MapText;
  #format!: NumberFormats;
  #state: CountState = { ...DEFAULT_STATE };
  #report: ModelReport | null = null;
  #files: CheckpointFiles = { headers: [] };
  #checkpoint: ReportSection[] = [];
  /** Whether the reader chose or gave the config: only then is a checkpoint compared with it. */
  #chosen = false;
  #context: CheckpointContext = {};
  #typing = 0;

  connectedCallback() {
    this.#text = JSON.parse(this.dataset.labels ?? '{}');
    this.#mapText = JSON.parse(this.dataset.mapLabels ?? '{}');
    this.#format = numberFormats(document.documentElement.lang || 'en');
    this.#part('preset').addEventListener('change', () => this.#choosePreset(this.#value('preset')));
    this.#part('config').addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = window.setTimeout(() => this.#pasted(this.#value('config'), ''), TYPING_PAUSE_MS);
    });
    this.#part('config-form').addEventListener('submit', (event) => event.preventDefault());
    this.#part('config-form').addEventListener('change', (event) => {
      const target = event.target as Element;
      if (!target.matches(`${INPUTS.map((part) => `[data-part="${part}"]`).join(', ')}, [name="target"]`)) return;
      // A size typed for the card means a card of that size.
      if (target.matches('[data-part="memory"]') && this.#value('memory').trim()) this.#setValue('gpu', CUSTOM_GPU);
      this.#inputsChanged();
    });
    this.#action('fetch-config').addEventListener('click', () => void this.#fetchConfig());
    const files = this.#part<HTMLInputElement>('files');
    files.addEventListener('change', () => void this.#read([...(files.files ?? [])]));
    const folder = this.#part<HTMLInputElement>('folder');
    folder.addEventListener('change', () => void this.#read(topLevel([...(folder.files ?? [])])));
    this.#action('copy-markdown').addEventListener('click', () => void this.#copy(this.#markdown(), this.#text.copiedMarkdown));
    this.#action('copy-link').addEventListener('click', () => void this.#copy(location.href, this.#text.copiedLink));
    addEventListener('hashchange', () => this.#restore());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) button.disabled = false;

    this.#restore();
    // Files chosen before this code arrived.
    if (files.files?.length) void this.#read([...files.files]);
    this.dataset.ready = '';
  }

  /** Takes the state from the address (the defaults without one) into the form and the tables. */
  #restore() {
    const shared = stateFromHash(location.hash);
    const state = shared ?? { ...DEFAULT_STATE };
    // A link that names a model chose it; the default preset alone is no one's choice.
    this.#chosen = shared !== null && (shared.config !== '' || shared.preset !== DEFAULT_STATE.preset);
    const preset = presetById(state.preset);
    if (!state.config && !preset) state.preset = DEFAULT_STATE.preset;
    this.#state = state;
    this.#setValue('preset', state.config ? '' : state.preset);
    this.#setValue('config', state.config ? pretty(state.config) : JSON.stringify(presetById(state.preset)!.config, null, 2));
    this.#setValue('repo', state.repo);
    const values: Record<(typeof INPUTS)[number], string> = {
      batch: String(state.batch),
      tokens: String(state.tokens),
      kv: state.kvDtype,
      format: state.format,
      gpu: state.gpu,
      memory: state.memory,
      optimizer: state.optimizer,
      recompute: state.recompute,
      gpus: String(state.gpus),
      rank: String(state.rank),
    };
    for (const part of INPUTS) this.#setValue(part, values[part]);
    this.#showInputProblems([]);
    this.#count();
  }

  #choosePreset(id: string) {
    const preset = presetById(id);
    if (!preset) return; // "pasted config" is chosen by pasting
    this.#chosen = true;
    this.#state = { ...this.#state, preset: id, config: '', repo: '' };
    this.#setValue('config', JSON.stringify(preset.config, null, 2));
    this.#setValue('repo', '');
    this.#count();
  }

  #pasted(text: string, repo: string) {
    let config = text;
    try {
      config = JSON.stringify(JSON.parse(text));
    } catch {
      // Kept as typed: #count names the problem.
    }
    this.#chosen = true;
    this.#state = { ...this.#state, preset: '', config, repo };
    this.#setValue('preset', '');
    this.#count();
  }

  #inputsChanged() {
    const raw = {
      ...(Object.fromEntries(INPUTS.map((part) => [part, this.#value(part)])) as Record<(typeof INPUTS)[number], string>),
      targets: [...this.querySelectorAll<HTMLInputElement>('[name="target"]:checked')].map((box) => box.value),
    };
    const { state, problems } = readInputs(raw, this.#state, this.#text, this.#format);
    this.#state = state;
    this.#showInputProblems(problems);
    this.#count();
  }

  /** Names each refused value, and marks its field, until the reader corrects it. */
  #showInputProblems(problems: ReadInputs['problems']) {
    const list = this.#part('input-errors');
    list.replaceChildren(
      ...problems.map(({ message }) => {
        const line = document.createElement('p');
        line.textContent = message;
        return line;
      }),
    );
    list.hidden = problems.length === 0;
    for (const field of Object.keys(COUNT_FIELDS) as CountField[]) {
      const input = this.#part(field);
      if (problems.some((problem) => problem.field === field)) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  /** Builds the model from the state and writes its tables; a bad config keeps the last good ones. */
  #count() {
    history.replaceState(history.state, '', stateToHash(this.#state));
    const preset = presetById(this.#state.preset);
    let config: Record<string, unknown> | undefined;
    let report: ModelReport;
    try {
      config = preset ? preset.config : parseConfig(this.#state.config, this.#text);
      report = modelReport(config, preset?.name ?? (this.#state.repo || modelName(config) || this.#text.pasted), this.#state, this.#text, this.#format);
    } catch (error) {
      this.#configError(error instanceof ConfigError ? configErrorText(error, this.#text) : (error as Error).message);
      // A config the library cannot build still says how its checkpoint is quantised.
      this.#context = this.#chosen && isRecord(config) ? { config } : {};
      this.#renderCheckpoint();
      return;
    }
    this.#configError('');
    this.#report = report;
    this.#context = this.#chosen ? { config, model: { name: report.name, module: report.model, modelType: report.modelType } } : {};
    this.#part('model').innerHTML = report.sections.map(sectionHtml).join('');
    // Measured, so a bench can read how long the map of a trillion parameters takes to redraw.
    const mapStart = performance.now();
    this.#part('map').innerHTML = modelMapHtml(report.model, report.name, this.#mapText, this.#format);
    performance.measure('count:map', { start: mapStart });
    this.#part('targets').innerHTML = loraTargetsHtml(report.loraTargets, this.#state.targets);
    this.#renderCheckpoint();
  }

  #configError(message: string) {
    const box = this.#part('config-error');
    box.textContent = message && fill(this.#text.configRejected, { message });
    box.hidden = !message;
  }

  /** The repo's config.json from the Hugging Face Hub: the one request the page makes, and only on this button. */
  async #fetchConfig() {
    const repo = this.#value('repo').trim();
    if (!REPO_ID.test(repo)) {
      this.#configError(fill(this.#text.repoInvalid, { repo }));
      return;
    }
    const url = `https://huggingface.co/${repo}/resolve/main/config.json`;
    this.#status(fill(this.#text.repoFetching, { url }));
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      this.#setValue('config', pretty(text));
      this.#pasted(text, repo);
      this.#status(fill(this.#text.repoFetched, { repo }));
    } catch (error) {
      this.#status('');
      this.#configError(fill(this.#text.repoFailed, { url, reason: (error as Error).message }));
    }
  }

  async #read(files: File[]) {
    if (files.length === 0) return;
    this.#status(fill(this.#text.reading, { files: files.map((file) => file.name).join(', ') }));
    const started = performance.now();
    const read = await readFiles(files);
    const milliseconds = performance.now() - started;
    // A choice of which nothing could be read leaves the previous checkpoint on screen.
    if (read.headers.length > 0) this.#files = { headers: read.headers, index: read.index, skipped: read.skipped };
    else if (read.index) this.#files = { ...this.#files, index: read.index };
    this.#showErrors(read.errors);
    const done = fill(this.#text.read, { files: this.#format.count(files.length - read.errors.length - read.skipped.length), ms: this.#format.decimal(milliseconds) });
    if (read.config) {
      // The folder's own config: counted like a pasted one, and the checkpoint compared with it.
      this.#setValue('config', pretty(read.config.text));
      this.#setValue('repo', '');
      this.#pasted(read.config.text, '');
      this.#status(`${done} ${fill(this.#text.configFromFiles, { file: read.config.file })}`);
    } else {
      this.#status(done);
      this.#renderCheckpoint();
    }
  }

  #renderCheckpoint() {
    this.#checkpoint = checkpointSections(this.#files, this.#context, this.#text, this.#format);
    this.#part('checkpoint').innerHTML = this.#checkpoint.map(sectionHtml).join('');
  }

  #showErrors(errors: readonly CheckpointError[]) {
    const list = this.#part('errors');
    list.replaceChildren(
      ...errors.map((error) => {
        const item = document.createElement('li');
        item.textContent = errorText(error, this.#text);
        return item;
      }),
    );
    list.hidden = errors.length === 0;
  }

  #markdown(): string {
    return [...(this.#report?.sections ?? []), ...this.#checkpoint].map(sectionMarkdown).join('\n\n');
  }

  async #copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.#status(done);
    } catch {
      this.#status(this.#text.copyFailed);
    }
  }

  #status(message: string) {
    this.#part('status').textContent = message;
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-part="${name}"]`)!;
  }

  #value(part: string): string {
    return this.#part<HTMLInputElement>(part).value;
  }

  #setValue(part: string, value: string) {
    this.#part<HTMLInputElement>(part).value = value;
  }

  #action(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
  }
}

function parseConfig(text: string, labels: CountText): Record<string, unknown> {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(fill(labels.configNotJson, { reason: (error as Error).message }));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A chosen folder's own files: its subfolders (a repo's original/ weights, say) are another checkpoint. */
const topLevel = (files: File[]) => files.filter((file) => file.webkitRelativePath.split('/').length <= 2);

/** The name a config gives itself, if any (`_name_or_path`, then `model_type`). */
function modelName(config: Record<string, unknown>): string {
  const name = config._name_or_path ?? config.model_type;
  return typeof name === 'string' ? name : '';
}

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

customElements.define('count-your-model', CountYourModel);
