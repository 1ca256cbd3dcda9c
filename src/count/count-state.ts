// Everything the reader set, in the address: `#count?preset=…&batch=…`, so a shared link opens
// the same calculation. A pasted config travels as base64url UTF-8 text. (Files cannot: they
// stay on the reader's machine.)
import { GPUS, MAX_CONTEXT, WEIGHT_FORMATS } from 'lib';
import { OPTIMIZERS, RECOMPUTATIONS } from '../components/CountYourModel/ui-strings.ts';
import { STATE_PREFIX } from './state-prefix.ts';


/** The choices of the memory inputs: a link with anything else gets the default. */
export const KV_DTYPES = ['bfloat16', 'float32', 'float8_e4m3fn', 'float8_e5m2'] as const;
/** A GPU preset's id, or this for a size the reader types. */
export const CUSTOM_GPU = 'custom';
/** The largest batch, LoRA rank and number of GPUs the page takes; the longest context is lib's MAX_CONTEXT. */
export const MAX_COUNT = 65_536;

export interface CountState {
  /** A preset's id, or '' when the config is pasted. */
  preset: string;
  /** The pasted config.json text, '' with a preset. */
  config: string;
  /** The Hugging Face repo the config was fetched from, if it was. */
  repo: string;
  batch: number;
  tokens: number;
  kvDtype: string;
  rank: number;
  targets: string[];
  /** A GPU preset's id or CUSTOM_GPU, and the size typed for a custom one ("24 GB"). */
  gpu: string;
  memory: string;
  /** The weight format served (lib's WeightFormat), the optimizer and recomputation of training, the GPUs ZeRO shares. */
  format: string;
  optimizer: string;
  recompute: string;
  gpus: number;
}

export const DEFAULT_STATE: Readonly<CountState> = {
  preset: 'llama-2-7b',
  config: '',
  repo: '',
  batch: 1,
  tokens: 4096,
  kvDtype: 'bfloat16',
  rank: 8,
  targets: ['q_proj', 'v_proj'],
  gpu: 'rtx-4090',
  memory: '',
  format: 'bfloat16',
  optimizer: 'adamw',
  recompute: 'none',
  gpus: 8,
};

const toBase64Url = (text: string) =>
  btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function stateToHash(state: CountState): string {
  const params = new URLSearchParams();
  if (state.config) params.set('config', toBase64Url(state.config));
  else params.set('preset', state.preset);
  if (state.repo) params.set('repo', state.repo);
  params.set('batch', String(state.batch));
  params.set('tokens', String(state.tokens));
  params.set('kv', state.kvDtype);
  params.set('r', String(state.rank));
  params.set('targets', state.targets.join(','));
  params.set('gpu', state.gpu);
  if (state.gpu === CUSTOM_GPU) params.set('mem', state.memory);
  params.set('format', state.format);
  params.set('opt', state.optimizer);
  params.set('recompute', state.recompute);
  params.set('gpus', String(state.gpus));
  return STATE_PREFIX + params.toString();
}

const positive = (text: string | null, fallback: number, max = MAX_COUNT) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 && value <= max ? value : fallback;
};

const oneOf = (text: string | null, choices: readonly string[], fallback: string) => (text !== null && choices.includes(text) ? text : fallback);

const GPU_IDS = [...GPUS.map((gpu) => gpu.id), CUSTOM_GPU];

/** The state a hash describes (defaults for what it leaves out or gets wrong), or null if it is not this tool's. */
export function stateFromHash(hash: string): CountState | null {
  if (!hash.startsWith(STATE_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(STATE_PREFIX.length));
  let config = '';
  try {
    config = params.has('config') ? fromBase64Url(params.get('config')!) : '';
  } catch {
    // A damaged link: fall back to the preset.
  }
  return {
    preset: config ? '' : (params.get('preset') ?? DEFAULT_STATE.preset),
    config,
    repo: params.get('repo') ?? '',
    batch: positive(params.get('batch'), DEFAULT_STATE.batch),
    tokens: positive(params.get('tokens'), DEFAULT_STATE.tokens, MAX_CONTEXT),
    kvDtype: oneOf(params.get('kv'), KV_DTYPES, DEFAULT_STATE.kvDtype),
    rank: positive(params.get('r'), DEFAULT_STATE.rank),
    targets: params.has('targets') ? params.get('targets')!.split(',').filter(Boolean) : [...DEFAULT_STATE.targets],
    gpu: oneOf(params.get('gpu'), GPU_IDS, DEFAULT_STATE.gpu),
    memory: params.get('mem') ?? '',
    format: oneOf(params.get('format'), WEIGHT_FORMATS, DEFAULT_STATE.format),
    optimizer: oneOf(params.get('opt'), OPTIMIZERS, DEFAULT_STATE.optimizer),
    recompute: oneOf(params.get('recompute'), RECOMPUTATIONS, DEFAULT_STATE.recompute),
    gpus: positive(params.get('gpus'), DEFAULT_STATE.gpus),
  };
}
