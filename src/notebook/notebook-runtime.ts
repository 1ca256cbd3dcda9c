// The notebook, loaded when the reader first reaches for it (notebook-loader.ts): defines the
// page's cells and toolbar, and starts the kernel so that the first Run answers quickly.
import { ParamCell } from './cell-element.ts';
import { getPageKernel } from './kernel-client.ts';
import { NotebookToolbar } from './notebook-toolbar.ts';

customElements.define('param-cell', ParamCell);
customElements.define('notebook-toolbar', NotebookToolbar);
getPageKernel().warmUp();
