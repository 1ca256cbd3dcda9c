// <overfit-lab>: the controls, the URL hash and the live charts of the overfitting lab. Training
// runs in a worker (train.worker.ts); Stop terminates it.
import { lossCaption, sweepCaption } from './captions.ts';
import { type LabData, labData, labParameters, type Losses, lowestValidation, type SweepPoint } from './experiment.ts';
import type { LabProgress, LabRequest } from './messages.ts';
import { fitChart, lossChart, sweepChart } from './plot.ts';
import {
  clampSetting, CONTROLS, type Control, DEFAULT_SETTINGS, type LabSettings, settingsFromHash, settingsToHash,
} from './settings.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

class OverfitLab extends HTMLElement {
  #worker: Worker | null = null;
  /** The charts and captions built into the page, which Reset brings back. */
  #builtIn = new Map<Element, string>();
  #history: Losses[] = [];
  #curve: number[] | null = null;
  #sweep: SweepPoint[] = [];
  /** The kind, settings and data of the run on screen. */
  #run: { type: LabRequest['type']; settings: LabSettings; data: LabData } | null = null;
  #frame = 0;

  connectedCallback() {
    for (const part of this.querySelectorAll('[data-plot], [data-caption]')) this.#builtIn.set(part, part.innerHTML);
    this.#part('form').hidden = false;
    this.#part('form').addEventListener('input', () => this.#settingsChanged());
    this.#part('form').addEventListener('submit', (event) => event.preventDefault());
    this.#button('train').addEventListener('click', () => this.#start('train'));
    this.#button('sweep').addEventListener('click', () => this.#start('sweep'));
    this.#button('stop').addEventListener('click', () => this.#stop());
    this.#button('reset').addEventListener('click', () => this.#reset());
    addEventListener('hashchange', () => this.#restoreFromHash());
    if (this.#restoreFromHash()) this.scrollIntoView();
    else this.#show(DEFAULT_SETTINGS);
  }

  disconnectedCallback() {
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
    this.#status('Settings restored from the link: press Train or Sweep widths.');
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
    this.#part('.lab-count').textContent =
      `${parameters.toLocaleString('en-US')} parameters for ${settings.points} training points ` +
      `(${(parameters / settings.points).toFixed(1)} per point)`;
  }

  #start(type: LabRequest['type']) {
    this.#stop();
    const settings = this.#settings;
    this.#run = { type, settings, data: labData(settings) };
    if (type === 'train') {
      this.#history = [];
      this.#curve = null;
      this.#status(`Training ${settings.epochs} epochs…`);
    } else {
      this.#sweep = [];
      this.#status('Training one model per width…');
    }
    this.#render();
    this.#worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
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
      this.#status(
        `Epoch ${this.#history.length} of ${this.#run!.settings.epochs}: training loss ${last.train.toPrecision(3)}, ` +
          `validation loss ${last.validation.toPrecision(3)}`,
      );
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
    if (this.#run!.type === 'sweep') {
      const best = this.#sweep[lowestValidation(this.#sweep)]!;
      this.#status(
        `Trained ${this.#sweep.length} models in ${seconds(elapsedMs)}; the lowest validation loss, ` +
          `${best.validation.toPrecision(3)}, came from width ${best.width} (${best.parameters} parameters).`,
      );
    } else {
      this.#status(`${this.#part('.lab-status').textContent} (${this.#history.length} epochs in ${seconds(elapsedMs)})`);
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
      this.#status(`Stopped. ${this.#part('.lab-status').textContent}`);
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
      this.#plot('sweep').innerHTML = sweepChart(this.#sweep, settings.points);
      this.#part('[data-caption="sweep"]').textContent = sweepCaption(settings, this.#sweep);
    } else {
      this.#plot('loss').innerHTML = lossChart(this.#history, settings.epochs);
      this.#plot('fit').innerHTML = fitChart(data, this.#curve);
      this.#part('[data-caption="loss"]').textContent = lossCaption(settings, this.#history);
    }
  }

  #status(text: string) {
    this.#part('.lab-status').textContent = text;
  }

  #plot(name: string): HTMLElement {
    return this.#part(`[data-plot="${name}"]`);
  }

  #input(control: Control): HTMLInputElement {
    return this.#part(`[name="${control.name}"]`);
  }

  #button(action: string): HTMLButtonElement {
    return this.#part(`button[data-action="${action}"]`);
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
}

customElements.define('overfit-lab', OverfitLab);
