// The lab's three charts as SVG markup, drawn the same way at build time (the figures readers see
// without JavaScript) and live in the browser. Only numbers and the lab's own words, escaped, go
// into the markup.
import { formatCount } from '../../i18n/number-format.ts';
import { fill } from '../../i18n/fill-template.ts';
import {
  CURVE_X, FIT_TOLERANCE, interpolationThreshold, type LabData, type Losses, lowestValidation, type SweepPoint,
} from '../../lab/experiment.ts';
import { type Axis, LOSS_FLOOR, logAxis, lossAxis, position } from './scales.ts';
import type { LabText } from './ui-strings.ts';

const WIDTH = 300;
const HEIGHT = 200;
const MARGIN = { left: 50, right: 12, top: 22, bottom: 30 };
const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
/** The plot area's place and size, as SVG attributes: the frame, and the clip of the data. */
const PLOT_AREA = `x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}"`;
/** Paths longer than this are thinned: more points than pixels add nothing. */
const MAX_PATH_POINTS = 400;

/** Text made safe for SVG markup, inside elements and attributes alike. */
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const px = (axis: Axis, v: number) => position(axis, v, PLOT.left, PLOT.right);
const py = (axis: Axis, v: number) => position(axis, v, PLOT.bottom, PLOT.top);
/** Where a loss goes on a log axis: losses below LOSS_FLOOR at the floor. */
const pyLoss = (axis: Axis, loss: number) => py(axis, Math.max(LOSS_FLOOR, loss));

function path(points: [number, number][]): string {
  const stride = Math.ceil(points.length / MAX_PATH_POINTS);
  const kept = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
  return kept.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('');
}

function frame(x: Axis, y: Axis, xLabel: string, yLabel: string): string {
  const xTicks = x.ticks.map((v) => {
    const at = px(x, v);
    // The last label ends at the edge rather than running past it.
    const anchor = at >= PLOT.right - 1 ? 'end' : 'middle';
    return `<line class="lab-grid" x1="${at}" x2="${at}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>` +
      `<text x="${at}" y="${PLOT.bottom + 12}" text-anchor="${anchor}">${x.format(v)}</text>`;
  });
  const yTicks = y.ticks.map((v) => {
    const at = py(y, v);
    return `<line class="lab-grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${at}" y2="${at}"/>` +
      `<text x="${PLOT.left - 4}" y="${at + 3}" text-anchor="end">${y.format(v)}</text>`;
  });
  return [
    ...xTicks,
    ...yTicks,
    `<rect class="lab-frame" ${PLOT_AREA}/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 4}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(10 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
  ].join('');
}

/** A row of line samples and labels above the plot, where no data can hide them. */
function legend(entries: [cssClass: string, label: string][]): string {
  const y = PLOT.top - 8;
  return entries
    .map(([cssClass, label], i) => {
      const x = PLOT.left + i * 80;
      return `<line class="${cssClass}" x1="${x}" x2="${x + 16}" y1="${y - 3}" y2="${y - 3}"/><text x="${x + 20}" y="${y}">${escapeXml(label)}</text>`;
    })
    .join('');
}

function svg(kind: string, label: string, body: string): string {
  return `<svg class="lab-chart" data-chart="${kind}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}">` +
    `<clipPath id="lab-clip-${kind}"><rect ${PLOT_AREA}/></clipPath>` +
    `${body}</svg>`;
}

function note(text: string): string {
  return `<text class="lab-note" x="${(PLOT.left + PLOT.right) / 2}" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle">${escapeXml(text)}</text>`;
}

/** A tooltip. */
const title = (text: string) => `<title>${escapeXml(text)}</title>`;

const trainingAndValidation = (text: LabText) =>
  legend([['lab-train', text.legendTraining], ['lab-validation', text.legendValidation]]);

/** Training and validation loss after each epoch, on a log scale, with the best validation epoch marked. */
export function lossChart(history: readonly Losses[], epochs: number, text: LabText, lang: string): string {
  const format = (v: number) => formatCount(v, lang);
  const x: Axis = { min: 0, max: epochs, log: false, ticks: [0, epochs / 2, epochs], format };
  const y = lossAxis(history.flatMap((h) => [h.train, h.validation]));
  const line = (key: keyof Losses) =>
    path(history.map((h, i) => [px(x, i + 1), pyLoss(y, h[key])]));
  let body = frame(x, y, text.axisEpoch, text.axisLoss);
  if (history.length === 0) {
    body += note(text.lossChartHint);
  } else {
    const best = lowestValidation(history);
    const [bx, by] = [px(x, best + 1), pyLoss(y, history[best]!.validation)];
    body +=
      `<g clip-path="url(#lab-clip-loss)"><path class="lab-train" d="${line('train')}"/>` +
      `<path class="lab-validation" d="${line('validation')}"/></g>` +
      `<circle class="lab-best" cx="${bx}" cy="${by}" r="3">${title(fill(text.bestEpoch, { epoch: best + 1 }))}</circle>`;
  }
  body += trainingAndValidation(text);
  const last = history.at(-1);
  const label = last
    ? fill(text.lossChart, {
      epochs: history.length, train: last.train.toPrecision(2), validation: last.validation.toPrecision(2),
    })
    : text.lossChartEmpty;
  return svg('loss', label, body);
}

/** The data (training points filled, validation points hollow), the true curve, and the model's fit. */
export function fitChart(data: LabData, curve: readonly number[] | null, text: LabText): string {
  const x: Axis = { min: -1, max: 1, log: false, ticks: [-1, -0.5, 0, 0.5, 1], format: String };
  const y: Axis = { min: -2, max: 2, log: false, ticks: [-2, -1, 0, 1, 2], format: String };
  const dots = (split: LabData['train'], cssClass: string, r: number) =>
    Array.from(split.x.data, (v, i) => `<circle class="${cssClass}" cx="${px(x, v)}" cy="${py(y, split.y.data[i]!)}" r="${r}"/>`).join('');
  const sine = path(CURVE_X.map((v) => [px(x, v), py(y, Math.sin(3 * v))]));
  let body = frame(x, y, 'x', 'y') +
    `<g clip-path="url(#lab-clip-fit)"><path class="lab-truth" d="${sine}"/>` +
    dots(data.validation, 'lab-validation-point', 1.5) + dots(data.train, 'lab-train-point', 3);
  if (curve) body += `<path class="lab-fit" d="${path(CURVE_X.map((v, i) => [px(x, v), py(y, curve[i]!)]))}"/>`;
  body += `</g>${legend([['lab-truth', 'sin(3x)'], ['lab-fit', text.legendModel]])}`;
  return svg('fit', fill(curve ? text.fitChartWithCurve : text.fitChart, { points: data.train.x.numel() }), body);
}

/** Final training and validation loss against parameter count: one point per width. */
export function sweepChart(points: readonly SweepPoint[], trainingPoints: number, text: LabText, lang: string): string {
  const format = (v: number) => formatCount(v, lang);
  const most = Math.max(1000, ...points.map((p) => p.parameters));
  const x = logAxis(1, most, format, most * 1.5);
  const y = lossAxis(points.flatMap((p) => [p.train, p.validation]));
  const line = (key: keyof Losses, cssClass: string, tooltip: string) => {
    const at = points.map((p): [number, number] => [px(x, p.parameters), pyLoss(y, p[key])]);
    return `<path class="${cssClass}" d="${path(at)}"/>` +
      at.map(([cx, cy], i) => {
        const { width, parameters, [key]: loss } = points[i]!;
        return `<circle class="${cssClass}-point" cx="${cx}" cy="${cy}" r="2.5">` +
          `${title(fill(tooltip, { width, parameters: format(parameters), loss: loss.toPrecision(2) }))}</circle>`;
      }).join('');
  };
  const equal = px(x, trainingPoints);
  let body = frame(x, y, text.axisParameters, text.axisFinalLoss) +
    `<line class="lab-marker" x1="${equal}" x2="${equal}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>` +
    `<text class="lab-marker-label" x="${equal + 3}" y="${PLOT.bottom - 4}">${escapeXml(fill(text.pointsMarker, { points: trainingPoints }))}</text>`;
  const fits = interpolationThreshold(points);
  if (fits) {
    const at = px(x, fits.parameters);
    body += `<line class="lab-threshold" x1="${at}" x2="${at}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>` +
      `<text class="lab-marker-label" x="${at - 3}" y="${PLOT.top + 10}" text-anchor="end">${escapeXml(fill(text.thresholdMarker, { tolerance: FIT_TOLERANCE }))}</text>`;
  }
  if (points.length === 0) {
    body += note(text.sweepChartHint);
  } else {
    body += `<g clip-path="url(#lab-clip-sweep)">${line('train', 'lab-train', text.sweepTrainPoint)}` +
      `${line('validation', 'lab-validation', text.sweepValidationPoint)}</g>`;
  }
  body += trainingAndValidation(text);
  const best = points.length > 0 ? points[lowestValidation(points)]! : null;
  const label = best
    ? fill(text.sweepChart, { count: points.length, width: best.width, parameters: format(best.parameters) })
    : text.sweepChartEmpty;
  return svg('sweep', label, body);
}
