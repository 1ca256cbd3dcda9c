// The one place that decides which Chromium renders diagrams and runs browser tests.
// CHROMIUM_PATH wins; otherwise Debian's /usr/bin/chromium when present; otherwise
// undefined, which lets Playwright use its own downloaded browser (as on GitHub Actions).
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
