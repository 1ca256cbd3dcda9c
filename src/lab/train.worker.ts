// Trains the lab's models off the main thread, so the page stays responsive; the lab stops a run
// by terminating this worker.
import { LabRun, labData, type Losses, sweep } from './experiment.ts';
import type { LabProgress, LabRequest } from './messages.ts';

/** How often a training run reports, at most: about one frame. */
const REPORT_MS = 16;

const post = (message: LabProgress) => postMessage(message);

addEventListener('message', ({ data: request }: MessageEvent<LabRequest>) => {
  const start = performance.now();
  if (request.type === 'sweep') {
    for (const point of sweep(request.settings)) post({ type: 'sweep-point', point });
  } else {
    const run = new LabRun(request.settings, labData(request.settings));
    let pending: Losses[] = [];
    let reported = performance.now();
    while (run.epoch < request.settings.epochs) {
      run.step();
      pending.push(run.losses());
      const now = performance.now();
      if (now - reported >= REPORT_MS || run.epoch === request.settings.epochs) {
        post({ type: 'epochs', losses: pending, curve: run.curve() });
        pending = [];
        reported = now;
      }
    }
  }
  post({ type: 'done', elapsedMs: performance.now() - start });
});
