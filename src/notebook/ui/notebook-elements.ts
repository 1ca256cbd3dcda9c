// The notebook: the page's cells and toolbar as elements, and its kernel. The loader
// (notebook-loader.ts) fetches this module once the page is idle, and defines the notebook when
// the reader first reaches for it.
import { getPageKernel } from '../runtime/kernel-client.ts';
import { NotebookToolbar } from './notebook-toolbar.ts';
import { ParamCell } from './param-cell.ts';

/** Brings the page's cells and toolbar to life, and starts the kernel so the first Run answers quickly. */
export function defineNotebook(): void {
  customElements.define('param-cell', ParamCell);
  customElements.define('notebook-toolbar', NotebookToolbar);
  getPageKernel().warmUp();
}
