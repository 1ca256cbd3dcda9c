// The notebook, loaded when the reader first reaches for it (notebook-loader.ts): defines the
// page's cells and toolbar, and starts the kernel so that the first Run answers quickly.
import { getPageKernel } from '../runtime/kernel-client.ts';
import { NotebookToolbar } from './notebook-toolbar.ts';
import { ParamCell } from './param-cell.ts';

customElements.define('param-cell', ParamCell);
customElements.define('notebook-toolbar', NotebookToolbar);
getPageKernel().warmUp();
