// The events between the page's inline scripts, which run while it parses, and the notebook's
// modules, which run after: they share no globals.

/**
 * Dispatched on `window` by the notebook's loader (notebook-loader.ts) once it runs, with an
 * `EarlyClicks` function as `detail`: the inline script of NotebookToolbar.astro hands it the
 * clicks it held until then, and the kernel worker it started as the page parsed (unless it failed).
 */
export const EARLY_CLICKS_EVENT = 'notebook:early-clicks';

/**
 * Dispatched on `window` by the script right after each twin's <noscript> as the page parses
 * (`document.currentScript` is that script), and by cell-tabs.ts with the <noscript> as `detail`:
 * the restore script of CellTabs.astro then puts the twin into the page when PyTorch is shown.
 */
export const TWIN_EVENT = 'notebook:twin';

/** What the loader does with the clicks held while the page parsed, and the worker the page started. */
export type EarlyClicks = (clicks: EventTarget[], kernelWorker: Worker | undefined) => void;
