// The memory and fine-tuning inputs as the reader typed them, read into the state. A value that is
// not one the page can use keeps the last good one and is named in a message, so the tables go on
// showing a calculation that makes sense.
import { MAX_CONTEXT, parseMemorySize } from 'lib';
import { fill } from '../i18n/fill-template.ts';
import type { NumberFormats } from '../i18n/number-format.ts';
import { type CountState, CUSTOM_GPU, MAX_COUNT } from './count-state.ts';
import type { CountText } from '../components/CountYourModel/ui-strings.ts';

/** The fields typed as text, and the label each message names. */
export const COUNT_FIELDS = { batch: 'batch', tokens: 'tokens', rank: 'loraRank', gpus: 'gpus', memory: 'gpuMemory' } as const;
export type CountField = keyof typeof COUNT_FIELDS;

export type RawInputs = Record<CountField | 'kv' | 'gpu' | 'format' | 'optimizer' | 'recompute', string> & { targets: string[] };

export interface ReadInputs {
  state: CountState;
  /** The fields whose values were refused, each with its message. */
  problems: { field: CountField; message: string }[];
}

const LIMITS: Record<Exclude<CountField, 'memory'>, number> = { batch: MAX_COUNT, tokens: MAX_CONTEXT, rank: MAX_COUNT, gpus: MAX_COUNT };

export function readInputs(raw: RawInputs, previous: CountState, text: CountText, format: NumberFormats): ReadInputs {
  const problems: ReadInputs['problems'] = [];
  const count = (field: Exclude<CountField, 'memory'>, kept: number) => {
    const typed = raw[field].trim();
    const value = Number(typed);
    if (typed !== '' && Number.isInteger(value) && value >= 1 && value <= LIMITS[field]) return value;
    const values = { field: text[COUNT_FIELDS[field]], value: raw[field], max: format.count(LIMITS[field]), kept: format.count(kept) };
    problems.push({ field, message: fill(text.badCount, values) });
    return kept;
  };
  const state: CountState = {
    ...previous,
    batch: count('batch', previous.batch),
    tokens: count('tokens', previous.tokens),
    rank: count('rank', previous.rank),
    gpus: count('gpus', previous.gpus),
    kvDtype: raw.kv,
    gpu: raw.gpu,
    format: raw.format,
    optimizer: raw.optimizer,
    recompute: raw.recompute,
    targets: raw.targets,
  };
  // A custom card with no size yet asks for one in the fit section, without a message here.
  const memory = raw.memory.trim();
  if (raw.gpu === CUSTOM_GPU && (memory === '' || parseMemorySize(memory) !== null)) state.memory = memory;
  else if (raw.gpu === CUSTOM_GPU) problems.push({ field: 'memory', message: fill(text.badMemory, { field: text.gpuMemory, value: raw.memory }) });
  return { state, problems };
}
