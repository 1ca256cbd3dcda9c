// <overfit-lab>: the controls, the URL hash and the live charts of the overfitting lab. Training
// runs in a worker (src/lab/train.worker.ts); Stop terminates it.
import { formatCount } from '../../i18n/number-format.ts';
import { fill } from '../../i18n/fill-template.ts';
import { type LabData, labData, labParameters, type Losses, lowestValidation, type SweepPoint } from '../../lab/experiment.ts';
import type { LabProgress, LabRequest } from '../../lab/messages.ts';
import {
  clampSetting, CONTROLS, type Control, DEFAULT_SETTINGS, type LabSettings, settingsFromHash, settingsToHash,
} from '../../lab/settings.ts';
import { lossCaption, sweepCaption } from './captions.ts';
import { fitChart, lossChart, sweepChart } from './plot.ts';
import type { LabText } from './ui-strings.ts';

/** The charts and captions drawn at build time, which the lab redraws live and Reset brings back. */
const BUILT_IN_PARTS = ['loss-plot', 'loss-caption', 'fit-plot', 'sweep-plot', 'sweep-caption'];

class OverfitLab extends HTMLElement {
  /** The lab's words in the page's language (data-labels, from OverfitLab.astro). */
  #text!: LabText;
  /** The page's language, which writes the numbers. */
  #lang = document.documentElement.lang;
  #worker: Worker | null = null;
  /** The markup of BUILT_IN_PARTS as built into the page. */
  #builtIn = new Map<Element, string>();
  #history: Losses[] = [];
  #curve: number[] | null = null;
  #sweep: SweepPoint[] = [];
  /** The kind, settings and data of the run on screen. */
  #run: { type: LabRequest['type']; settings: LabSettings; data: LabData } | null = null;
  #frame = 0;
  /** Ends the element's listeners on window when it leaves the page. */
  #windowListeners: AbortController | undefined;

  connectedCallback() {
    this.#text = JSON.parse(this.dataset.labels ?? '{}');
    for (const name of BUILT_IN_PARTS) this.#builtIn.set(this.#part(name), this.#part(name).innerHTML);
    const form = this.#part('form');
    form.hidden = false;
    form.addEventListener('input', () => this.#settingsChanged());
    form.addEventListener('submit', (event) => event.preventDefault());
    this.#button('train').addEventListener('click', () => this.#start('train'));
    this.#button('sweep').addEventListener('click', () => this.#start('sweep'));
    this.#button('stop').addEventListener('click', () => this.#stop());
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#windowListeners = new AbortController();
    addEventListener('hashchange', () => this.#restoreFromHash(), { signal: this.#windowListeners.signal });
    if (this.#restoreFromHash()) this.scrollIntoView();
    else this.#show(DEFAULT_SETTINGS);
  }

  disconnectedCallback() {
    this.#windowListeners?.abort();
    this.#worker?.terminate();
  }

  /** The settings the controls show. */
  get #settings(): LabSettings {
    const settings = { ...DEFAULT_SETTINGS };
    for (const control of CONTROLS) {
      const input = this.#input(control);
      const value = Number(input.value);
      settings[control.name] = control.values ? control.values[value]! : clampSetting(control, value);
    }
    return settings;
  }

  #restoreFromHash(): boolean {
    const settings = settingsFromHash(location.hash);
    if (!settings) return false;
    this.#show(settings);
    this.#status(this.#text.restored);
    return true;
  }

  /** Puts `settings` into the controls and their readouts. */
  #show(settings: LabSettings) {
    for (const control of CONTROLS) {
      const value = settings[control.name];
      this.#input(control).value = String(control.values ? control.values.indexOf(value) : value);
    }
    this.#updateReadouts(settings);
  }

  #settingsChanged() {
    const settings = this.#settings;
    this.#updateReadouts(settings);
    history.replaceState(history.state, '', settingsToHash(settings));
  }

  #updateReadouts(settings: LabSettings) {
    for (const control of CONTROLS) {
      const input = this.#input(control);
      const value = String(settings[control.name]);
      // A slider over a list of values moves through positions 0, 1, …: say the value instead.
      input.setAttribute('aria-valuetext', value);
      const output = this.querySelector<HTMLOutputElement>(`output[for="${input.id}"]`);
      if (output) output.value = value;
    }
    const parameters = labParameters(settings.width);
    this.#part('count').textContent = fill(this.#text.count, {
      parameters: formatCount(parameters, this.#lang),
      points: settings.points,
      perPoint: (parameters / settings.points).toFixed(1),
    });
  }

  #start(type: LabRequest['type']) {
    this.#stop();
    const settings = this.#settings;
    this.#run = { type, settings, data: labData(settings) };
    if (type === 'train') {
      this.#history = [];
      this.#curve = null;
      this.#status(fill(this.#text.training, { epochs: settings.epochs }));
    } else {
      this.#sweep = [];
      this.#status(this.#text.sweeping);
    }
    this.#render();
    this.#worker = new Worker(new URL('../../lab/train.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', ({ data }: MessageEvent<LabProgress>) => this.#progress(data));
    this.#worker.postMessage({ type, settings } satisfies LabRequest);
    this.#button('stop').disabled = false;
    this.dataset.state = 'running';
  }

  #progress(message: LabProgress) {
    if (message.type === 'epochs') {
      this.#history.push(...message.losses);
      this.#curve = message.curve;
      const last = this.#history.at(-1)!;
      this.#status(fill(this.#text.progress, {
        epoch: this.#history.length,
        epochs: this.#run!.settings.epochs,
        train: last.train.toPrecision(3),
        validation: last.validation.toPrecision(3),
      }));
    } else if (message.type === 'sweep-point') {
      this.#sweep.push(message.point);
    } else {
      this.#finish(message.elapsedMs);
    }
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#render());
  }

  #finish(elapsedMs: number) {
    this.#button('stop').disabled = true;
    this.dataset.elapsedMs = elapsedMs.toFixed(1);
    const time = fill(this.#text.seconds, { seconds: (elapsedMs / 1000).toFixed(2) });
    if (this.#run!.type === 'sweep') {
      const best = this.#sweep[lowestValidation(this.#sweep)]!;
      this.#status(fill(this.#text.swept, {
        count: this.#sweep.length,
        time,
        validation: best.validation.toPrecision(3),
        width: best.width,
        parameters: best.parameters,
      }));
    } else {
      this.#status(fill(this.#text.trained, { status: this.#statusText, epochs: this.#history.length, time }));
    }
    this.dataset.state = 'done';
  }

  #stop() {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#button('stop').disabled = true;
    if (this.dataset.state === 'running') {
      this.dataset.state = 'stopped';
      this.#status(fill(this.#text.stopped, { status: this.#statusText }));
    }
  }

  #reset() {
    this.#stop();
    this.#show(DEFAULT_SETTINGS);
    history.replaceState(history.state, '', location.pathname + location.search);
    for (const [part, html] of this.#builtIn) part.innerHTML = html;
    this.#run = null;
    delete this.dataset.state;
    this.#status('');
  }

  #render() {
    if (!this.#run) return;
    const { type, settings, data } = this.#run;
    if (type === 'sweep') {
      this.#part('sweep-plot').innerHTML = sweepChart(this.#sweep, settings.points, this.#text, this.#lang);
      this.#part('sweep-caption').textContent = sweepCaption(settings, this.#sweep, this.#text, this.#lang);
    } else {
      this.#part('loss-plot').innerHTML = lossChart(this.#history, settings.epochs, this.#text, this.#lang);
      this.#part('fit-plot').innerHTML = fitChart(data, this.#curve, this.#text);
      this.#part('loss-caption').textContent = lossCaption(settings, this.#history, this.#text, this.#lang);
    }
  }

  #status(text: string) {
    this.#part('status').textContent = text;
  }

  get #statusText(): string {
    return this.#part('status').textContent ?? '';
  }

  #input(control: Control): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`input[name="${control.name}"]`)!;
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  #part(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  }
}

customElements.define('overfit-lab', OverfitLab);
