// Runs the pages' PyTorch twins in Debian's Python (tests/support/run_twins.py): one process,
// one fresh scope per page, twins in page order.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian's python3, where `apt-get install python3-torch` puts PyTorch. */
export const PYTHON = '/usr/bin/python3';
export const INSTALL_HINT = 'apt-get install python3-torch';
const SCRIPT = fileURLToPath(new URL('./run_twins.py', import.meta.url));
const NO_TORCH = 3; // run_twins.py's exit status when torch cannot be imported

export interface TwinError {
  type: string;
  message: string;
  /** Line in the twin's code, when the error happened in it. */
  line: number | null;
}

export interface TwinResult {
  stdout: string;
  error: TwinError | null;
  /** Packages the twin needs that are not installed: then it did not run. */
  missing: string[];
}

/** What run_twins.py needs of a twin. */
export interface TwinSource {
  source: string;
  needs: string[];
}

export type TwinRun =
  | { ran: true; pages: TwinResult[][] }
  | { ran: false; reason: string };

/** Runs each page's twins, page by page, and says what each printed. */
export function runTwins(pages: TwinSource[][]): Promise<TwinRun> {
  return new Promise((resolve, reject) => {
    const python = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    python.stdout.on('data', (chunk) => (stdout += chunk));
    python.stderr.on('data', (chunk) => (stderr += chunk));
    python.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') resolve({ ran: false, reason: `${PYTHON} is missing` });
      else reject(error);
    });
    python.on('close', (status) => {
      if (status === NO_TORCH) resolve({ ran: false, reason: stderr.trim() });
      else if (status === 0) resolve({ ran: true, pages: JSON.parse(stdout) });
      else reject(new Error(`${SCRIPT} failed (exit status ${status}):\n${stderr}`));
    });
    python.stdin.end(JSON.stringify(pages.map((twins) => ({ twins }))));
  });
}
