// Everything the reader set, in the address: `#count?preset=…&batch=…`, so a shared link opens
// the same calculation. A pasted config travels as base64url UTF-8 text. (Files cannot: they
// stay on the reader's machine.)

export const STATE_PREFIX = '#count?';

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
  return STATE_PREFIX + params.toString();
}

const positive = (text: string | null, fallback: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

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
    tokens: positive(params.get('tokens'), DEFAULT_STATE.tokens),
    kvDtype: params.get('kv') ?? DEFAULT_STATE.kvDtype,
    rank: positive(params.get('r'), DEFAULT_STATE.rank),
    targets: params.has('targets') ? params.get('targets')!.split(',').filter(Boolean) : [...DEFAULT_STATE.targets],
  };
}
