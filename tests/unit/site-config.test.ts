// The site's settings: numbers written the way each of the site's languages writes them, and a
// base path and build folder that follow the environment like the deploy workflow sets it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { basePath, LANGUAGES, LOCALES, outDir } from '../../site.config.ts';
import { formatCount } from '../../src/i18n/number-format.ts';

afterEach(() => vi.unstubAllEnvs());

describe('formatCount', () => {
  it('groups the digits of a count in English and in Chinese', () => {
    expect(formatCount(124_439_808, LANGUAGES.root.lang)).toBe('124,439,808');
    expect(formatCount(1153, LANGUAGES['zh-cn'].lang)).toBe('1,153');
  });

  it('follows the language it is given', () => {
    expect(formatCount(1153, 'de')).toBe('1.153');
  });
});

describe('the site config', () => {
  it('lists English at the root first', () => {
    expect(LOCALES[0]).toBe('root');
    expect(LANGUAGES.root.lang).toBe('en');
  });

  it('takes the base path and the build folder from the environment, with defaults', () => {
    vi.stubEnv('BASE_PATH', undefined);
    expect(basePath()).toBe('/param-notebook/');
    vi.stubEnv('BASE_PATH', '/');
    vi.stubEnv('OUT_DIR', './dist-4404');
    expect(basePath()).toBe('/');
    expect(outDir()).toBe('./dist-4404');
  });
});
