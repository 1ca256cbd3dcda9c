// A small model's parameters one by one: each tensor a grid of cells in its own shape, so that
// SimpleNN(3, 5, 2)'s "32 parameters" are 32 things a reader can point at. Each tensor is a table
// (a screen reader reads its rows and columns) whose cells are reachable by keyboard.
import type { Module } from 'lib';
import { escapeHtml } from '../../count/report-table.ts';
import { fill } from '../../i18n/fill-template.ts';
import type { NumberFormats } from '../../i18n/number-format.ts';
import type { MapText } from './ui-strings.ts';

/** Every parameter of `model` as a cell, tensor by tensor, coloured by tensor. */
export function parameterCellsHtml(model: Module, text: MapText, format: NumberFormats): string {
  const tensors = [...model.namedParameters()].map(([name, p], t) => {
    // A vector is drawn as a column, as a bias sits beside its weight's rows.
    const [rows, columns] = p.shape.length === 1 ? [p.shape[0]!, 1] : [p.shape[0]!, p.numel() / p.shape[0]!];
    const cells = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const index = p.shape.length === 1 ? `${r}` : `${r}, ${c}`;
        const label = fill(text.cell, { name, index });
        return `<td tabindex="0" data-colour="${t}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${escapeHtml(index)}</td>`;
      }).join(''),
    );
    return (
      `<table class="cells-tensor"><caption><code>${escapeHtml(name)}</code> [${p.shape.join(', ')}]: ${format.count(p.numel())}</caption>` +
      `<tbody>${cells.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`
    );
  });
  return `<figure class="param-cells not-content"><figcaption>${escapeHtml(text.cellsTitle)}</figcaption><div class="cells-grid">${tensors.join('')}</div></figure>`;
}
