// The page's results as plain tables, so one description serves three readers: the HTML built
// into the page at build time, the live HTML the element writes, and "Copy as Markdown".

export interface ReportTable {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns that hold numbers, aligned right. */
  numeric?: readonly number[];
}

/** Items under a heading: the first `shown` in view, the rest behind a disclosure labelled `more`. */
export interface ReportList {
  title: string;
  items: readonly string[];
  shown: number;
  more: string;
}

/** A titled part of the results: the sentences that explain it, its tables, then its lists. */
export interface ReportSection {
  title: string;
  tables: readonly ReportTable[];
  notes: readonly string[];
  lists?: readonly ReportList[];
  /** A picture as SVG markup built from escaped text (memory-chart.ts), drawn before the tables that hold its numbers. */
  figure?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function tableHtml({ caption, head, rows, numeric = [] }: ReportTable): string {
  const cell = (tag: 'th' | 'td', text: string, column: number) =>
    `<${tag}${numeric.includes(column) ? ' data-numeric' : ''}${tag === 'th' ? ' scope="col"' : ''}>${escapeHtml(text)}</${tag}>`;
  return (
    `<table><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head.map((text, i) => cell('th', text, i)).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map((text, i) => cell('td', text, i)).join('')}</tr>`).join('')}</tbody></table>`
  );
}

const itemsHtml = (items: readonly string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;

function listHtml({ title, items, shown, more }: ReportList): string {
  const rest = items.slice(shown);
  return (
    `<p>${escapeHtml(title)}</p>${itemsHtml(items.slice(0, shown))}` +
    (rest.length > 0 ? `<details><summary>${escapeHtml(more)}</summary>${itemsHtml(rest)}</details>` : '')
  );
}

export function sectionHtml({ title, tables, notes, lists = [], figure }: ReportSection): string {
  return (
    `<section><h3>${escapeHtml(title)}</h3>` +
    notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('') +
    (figure ? `<figure class="count-figure">${figure}</figure>` : '') +
    tables.map((table) => `<div class="count-table" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}">${tableHtml(table)}</div>`).join('') +
    lists.map(listHtml).join('') +
    `</section>`
  );
}

const markdownCell = (text: string) => text.replace(/\|/g, '\\|');

export function sectionMarkdown({ title, tables, notes, lists = [] }: ReportSection): string {
  const parts = [`### ${title}`, ...notes];
  for (const { caption, head, rows, numeric = [] } of tables) {
    const rule = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
    parts.push(
      [`**${caption}**`, '', `| ${head.map(markdownCell).join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`)].join('\n'),
    );
  }
  for (const { title: heading, items } of lists) parts.push([heading, '', ...items.map((item) => `- ${item}`)].join('\n'));
  return parts.join('\n\n');
}

/** One checkbox per module name LoRA can adapt, the chosen ones checked. */
export function loraTargetsHtml(targets: readonly string[], chosen: readonly string[]): string {
  return targets
    .map((target) => {
      const name = escapeHtml(target);
      return `<label><input type="checkbox" name="target" value="${name}"${chosen.includes(target) ? ' checked' : ''}> ${name}</label>`;
    })
    .join('');
}
