// A Chromium driven over a bare DevTools-protocol connection, for timing the kernel's start.
// Playwright (and Puppeteer) attach to every new worker and hold it paused until they have set it
// up (Target.setAutoAttach with waitForDebuggerOnStart), which adds their round trips to a
// worker's start: no reader's browser does that. Here nothing attaches to workers; a page is
// opened, given a script to run from its first moment, navigated and asked for a result.
import * as chromeLauncher from 'chrome-launcher';
import { chromiumPath } from '../scripts/chromium-path.mjs';

type Params = Record<string, unknown>;

export interface BarePage {
  /** Evaluates `expression` in the page, awaiting a promise, and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface BareBrowser {
  /** Opens `url` in a fresh browser context (empty cache), with `initScript` run before the page's own. */
  open(url: string, initScript: string): Promise<BarePage>;
  close(): Promise<void>;
}

export async function launchBareBrowser(): Promise<BareBrowser> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1280,800'],
  });
  const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json();
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });

  let nextId = 1;
  const pending = new Map<number, { resolve(value: Params): void; reject(error: Error): void }>();
  socket.addEventListener('message', ({ data }) => {
    const message = JSON.parse(String(data));
    const waiting = pending.get(message.id);
    if (!waiting) return; // an event: nothing here listens to any
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${message.error.message} (${message.error.code})`));
    else waiting.resolve(message.result);
  });
  const send = (method: string, params: Params = {}, sessionId?: string): Promise<Params> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });

  return {
    async open(url, initScript) {
      const { browserContextId } = await send('Target.createBrowserContext');
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      await send('Page.enable', {}, sessionId);
      await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
      await send('Page.navigate', { url }, sessionId);
      return {
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = (await send(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
            sessionId,
          )) as { result: { value: T }; exceptionDetails?: { text: string } };
          if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
          return result.value;
        },
        async close() {
          await send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    async close() {
      socket.close();
      chrome.kill();
    },
  };
}
