// The picture of where the bytes go: one stacked bar per scenario against the card's memory, as
// an SVG string, so the page builds it into the HTML and the element redraws it with the same code.
// It is an image with a name; the numbers are in the table beside it, which a screen reader reads.
import { escapeHtml } from './report-table.ts';

export const SEGMENTS = ['weights', 'kvCache', 'activations', 'gradients', 'optimizerState', 'reserved'] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Each segment's fill in the light and the dark theme, chosen to reach 3:1 against each theme's
 * background (WCAG 1.4.11, non-text contrast); tests/unit/count-memory-report.test.ts checks them.
 */
export const SEGMENT_COLOURS: Readonly<Record<Segment, { light: string; dark: string }>> = {
  weights: { light: '#1f5fa8', dark: '#6ea8fe' },
  kvCache: { light: '#b3541e', dark: '#f0a35e' },
  activations: { light: '#2e7d32', dark: '#74c476' },
  gradients: { light: '#7b3fa0', dark: '#c39bd3' },
  optimizerState: { light: '#a3243b', dark: '#f28b9b' },
  reserved: { light: '#6b6b6b', dark: '#a0a0a0' },
};

export interface ChartBar {
  label: string;
  parts: Readonly<Partial<Record<Segment, number>>>;
}

export interface Chart {
  /** The image's name: what it shows, in a sentence. */
  title: string;
  bars: readonly ChartBar[];
  /** The card's memory in bytes, drawn as a line, and its label. */
  capacity: number;
  capacityLabel: string;
  segmentLabels: Readonly<Record<Segment, string>>;
  formatBytes: (bytes: number) => string;
}

const WIDTH = 720;
const LABEL = 230;
const PLOT = WIDTH - LABEL - 70;
const ROW = 30;
const TOP = 28;

/** About how wide a label is drawn at 12px: CJK characters take twice a Latin letter's width. */
const textWidth = (text: string) => [...text].reduce((sum, c) => sum + (c.codePointAt(0)! >= 0x2e80 ? 12 : 7), 0);
const total = (bar: ChartBar) => SEGMENTS.reduce((sum, s) => sum + (bar.parts[s] ?? 0), 0);
const px = (n: number) => Math.round(n * 10) / 10;

export function chartSvg(chart: Chart): string {
  const scale = PLOT / Math.max(chart.capacity, ...chart.bars.map(total));
  const legendY = TOP + chart.bars.length * ROW + 16;
  const height = legendY + 24;
  const rows = chart.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    let x = LABEL;
    const rects = SEGMENTS.filter((s) => (bar.parts[s] ?? 0) > 0).map((s) => {
      const width = bar.parts[s]! * scale;
      const rect = `<rect class="count-seg" data-segment="${s}" x="${px(x)}" y="${y}" width="${px(width)}" height="20"/>`;
      x += width;
      return rect;
    });
    return (
      `<text x="${LABEL - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      rects.join('') +
      `<text x="${px(x + 6)}" y="${y + 14}">${escapeHtml(chart.formatBytes(total(bar)))}</text>`
    );
  });
  const line = LABEL + chart.capacity * scale;
  let legendX = 0;
  const legend = SEGMENTS.map((s) => {
    const item = `<rect class="count-seg" data-segment="${s}" x="${legendX}" y="${legendY}" width="12" height="12"/><text x="${legendX + 16}" y="${legendY + 11}">${escapeHtml(chart.segmentLabels[s])}</text>`;
    legendX += 24 + textWidth(chart.segmentLabels[s]);
    return item;
  });
  return (
    `<svg class="count-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg">` +
    rows.join('') +
    `<line class="count-capacity" x1="${px(line)}" x2="${px(line)}" y1="${TOP - 8}" y2="${legendY - 8}"/>` +
    `<text x="${px(line)}" y="${TOP - 12}" text-anchor="middle">${escapeHtml(chart.capacityLabel)}</text>` +
    legend.join('') +
    `</svg>`
  );
}

/**
 * The fills as CSS, one rule per segment and theme (Starlight's dark theme is the default), in the
 * `components` layer with count.css (src/styles/layers.css).
 */
export function chartCss(): string {
  const rules = SEGMENTS.map(
    (s) =>
      `.count-chart [data-segment="${s}"] { fill: ${SEGMENT_COLOURS[s].dark}; }\n` +
      `:root[data-theme='light'] .count-chart [data-segment="${s}"] { fill: ${SEGMENT_COLOURS[s].light}; }`,
  );
  return `@layer components {\n${rules.join('\n')}\n}`;
}
