// The lab's settings: one definition per control, from which the form is built, the URL hash is
// read and written, and values are kept in range.

export interface LabSettings {
  /** Neurons in each of the two hidden layers. */
  width: number;
  /** Training points. */
  points: number;
  /** Standard deviation of the noise on every target. */
  noise: number;
  /** AdamW's weight decay. */
  decay: number;
  /** Dropout probability after each hidden layer. */
  dropout: number;
  epochs: number;
  seed: number;
}

export type SettingName = keyof LabSettings;

/** A setting's control; its label is the lab's string under the setting's name (components/OverfitLab/ui-strings.ts). */
export interface Control {
  name: SettingName;
  /** A slider from min to max; or, with `values`, a slider over those values only. */
  min: number;
  max: number;
  step: number;
  values?: readonly number[];
}

const DECAYS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const EPOCHS = [100, 250, 500, 1000, 2000, 4000, 8000];

/** In the order the form shows them. */
export const CONTROLS: readonly Control[] = [
  { name: 'width', min: 1, max: 64, step: 1 },
  { name: 'points', min: 4, max: 80, step: 1 },
  { name: 'noise', min: 0, max: 0.5, step: 0.05 },
  { name: 'decay', min: 0, max: 1, step: 0, values: DECAYS },
  { name: 'dropout', min: 0, max: 0.5, step: 0.05 },
  { name: 'epochs', min: 100, max: 8000, step: 0, values: EPOCHS },
  { name: 'seed', min: 0, max: 9999, step: 1 },
];

/**
 * A model with far more parameters than points, no regularisation, trained long enough to fit
 * the noise; the seed is one where the sweep shows the U clearly (others show it less neatly).
 */
export const DEFAULT_SETTINGS: Readonly<LabSettings> = {
  width: 32, points: 12, noise: 0.2, decay: 0, dropout: 0, epochs: 2000, seed: 2,
};

/** The value nearest to `value` that the control allows. */
export function clampSetting(control: Control, value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SETTINGS[control.name];
  if (control.values) {
    return control.values.reduce((best, v) => (Math.abs(v - value) < Math.abs(best - value) ? v : best));
  }
  const stepped = control.min + Math.round((value - control.min) / control.step) * control.step;
  // Rounded to the step's decimals, so 0.15000000000000002 reads back as 0.15.
  const decimals = (String(control.step).split('.')[1] ?? '').length;
  return Math.min(control.max, Math.max(control.min, Number(stepped.toFixed(decimals))));
}

const HASH_PREFIX = '#lab?';

/** `#lab?width=32&points=12&…`: every setting, so a shared link reproduces the experiment. */
export function settingsToHash(settings: LabSettings): string {
  return HASH_PREFIX + new URLSearchParams(CONTROLS.map((c) => [c.name, String(settings[c.name])])).toString();
}

/** The settings a hash describes (defaults for what it leaves out), or null if it is not the lab's. */
export function settingsFromHash(hash: string): LabSettings | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(HASH_PREFIX.length));
  const settings = { ...DEFAULT_SETTINGS };
  for (const control of CONTROLS) {
    const text = params.get(control.name);
    if (text !== null && text.trim() !== '') settings[control.name] = clampSetting(control, Number(text));
  }
  return settings;
}
