// Serves the built site with `astro preview` for a benchmark, on a port of its own.
import { spawn } from 'node:child_process';
import { basePath } from '../site.config.ts';

export interface PreviewServer {
  /** The site's address, base path included, e.g. http://127.0.0.1:4399/param-notebook/. */
  url: string;
  stop(): void;
}

// Up to a minute: on a machine shared by many builds, astro preview took more than 20 s to answer.
async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

export async function startPreview(port: number): Promise<PreviewServer> {
  // --ignore-lock: a developer's own preview server may be running; this one lives beside it.
  const server = spawn('astro', ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}${basePath()}`;
  try {
    await waitForServer(url);
  } catch (error) {
    server.kill();
    throw error;
  }
  return { url, stop: () => server.kill() };
}
