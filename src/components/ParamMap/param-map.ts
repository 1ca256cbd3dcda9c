// The map of a model's parameters: a squarified treemap (d3-hierarchy) of lib's parameterTree,
// area = parameters, as an SVG string with its table beside it. The pages build it into the HTML and
// Count your model redraws it live with the same function. The SVG is hidden from assistive
// technology: the table holds every box's figures, its rows are the keyboard path (a focused or
// hovered row outlines its box), and a screen reader reads it as the table it is.
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { type ActiveOptions, builtModel, isGroup, type Module, type ParameterLeaf, type ParameterTree, PARTS, parameterTree } from 'lib';
import { escapeHtml } from '../../count/report-table.ts';
import { fill } from '../../i18n/fill-template.ts';
import type { NumberFormats } from '../../i18n/number-format.ts';
import type { MapText } from './ui-strings.ts';

/**
 * Each part's fill in the light and the dark theme: 3:1 against the theme's background (WCAG 1.4.11)
 * and 4.5:1 against the label drawn on it (white on light, the dark background on dark);
 * tests/unit/param-map.test.ts checks them. A part a family record does not name (a hand-built
 * model's modules) takes the colours in order.
 */
export const MAP_COLOURS: readonly { light: string; dark: string }[] = [
  { light: '#1f5fa8', dark: '#6ea8fe' },
  { light: '#2e7d32', dark: '#74c476' },
  { light: '#a14a1a', dark: '#f0a35e' },
  { light: '#7b3fa0', dark: '#c39bd3' },
  { light: '#a3243b', dark: '#f28b9b' },
  { light: '#5c5c5c', dark: '#a0a0a0' },
  { light: '#00695c', dark: '#4dd0c0' },
  { light: '#5d4037', dark: '#c8a27a' },
];
/** A dimmed box: a pale fill inside an outline that keeps 3:1 against the background. */
export const DIMMED = { light: { fill: '#e8e8e8', stroke: '#6b6b6b', text: '#1f1f1f' }, dark: { fill: '#2a2b31', stroke: '#a0a0a0', text: '#e6e6e6' } };
export const BACKGROUND = { light: '#ffffff', dark: '#17181c' };
export const LABEL = { light: '#ffffff', dark: '#17181c' };

export interface MapOptions {
  /** The model's name, in the title and caption. */
  model: string;
  text: MapText;
  format: NumberFormats;
  /** Light what one token passes through, with the vendor whose convention the active count follows. */
  token?: { vendor: string; convention: 'withEmbedding' | 'withoutEmbedding' | 'withoutEmbeddingAndHead' };
}

export const WIDTH = 720;
export const HEIGHT = 420;
const HEADER = 16;
const px = (n: number) => Math.round(n * 10) / 10;
/** About how many characters fit in `width` at 11px: CJK characters take twice a Latin letter's width. */
const clip = (text: string, width: number) => {
  let used = 0;
  let out = '';
  for (const c of text) {
    used += c.codePointAt(0)! >= 0x2e80 ? 11 : 6.2;
    if (used > width - 8) return out.length > 1 ? `${out.slice(0, -1)}…` : '';
    out += c;
  }
  return out;
};

const hasHeader = (n: { depth: number; x0: number; x1: number; y0: number; y1: number }) => n.depth === 1 && n.x1 - n.x0 > 40 && n.y1 - n.y0 > 40;

interface Node {
  label: string;
  part: string;
  leaf?: ParameterLeaf;
  index?: number;
  children?: Node[];
}

const colourOf = (parts: readonly string[], part: string) => {
  const known = (PARTS as readonly string[]).indexOf(part);
  return (known >= 0 ? known : parts.indexOf(part)) % MAP_COLOURS.length;
};

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/** What a box is, in words: its name, its experts, its layers, its second names. */
function leafLabel(leaf: ParameterLeaf, text: MapText, format: NumberFormats): string {
  const words = [leaf.name];
  if (leaf.experts) words.push(fill(text[leaf.experts.used ? 'expertsUsed' : 'expertsSkipped'], { count: format.count(leaf.experts.count), of: format.count(leaf.experts.of) }));
  if (leaf.copies > 1) words.push(fill(text.layers, { copies: format.count(leaf.copies) }));
  if (leaf.alsoNamed.length > 0) words.push(fill(text.alsoNamed, { names: leaf.alsoNamed.join(', ') }));
  return words.join(' · ');
}

const leafShape = (leaf: ParameterLeaf, text: MapText) =>
  leaf.experts ? fill(text.perExpert, { tensors: leaf.experts.tensors.map(([name, shape]) => `${name} ${shapeText(shape)}`).join(', ') }) : shapeText(leaf.shape);

/** The buffers by name and shape, those of numbered layers once per run of layers: `model.layers.1–60.… [384] × 60 layers`. */
function bufferNames(buffers: ParameterTree['buffers'], text: MapText, format: NumberFormats): string {
  const runs: { head: string; tail: string; shape: string; first: number; last: number }[] = [];
  for (const { name, shape } of buffers) {
    const m = /^(.*?\.)(\d+)(\..*)$/.exec(name);
    const [head, index, tail] = m ? [m[1]!, Number(m[2]), m[3]!] : [name, -1, ''];
    const run = runs.at(-1);
    if (run && index >= 0 && run.head === head && run.tail === tail && run.shape === shapeText(shape) && run.last === index - 1) run.last = index;
    else runs.push({ head, tail, shape: shapeText(shape), first: index, last: index });
  }
  return runs
    .map(({ head, tail, shape, first, last }) => {
      if (first < 0) return `${head} ${shape}`;
      if (first === last) return `${head}${first}${tail} ${shape}`;
      return `${head}${first}–${last}${tail} ${shape} ${fill(text.layers, { copies: format.count(last - first + 1) })}`;
    })
    .join(', ');
}

/** The map and its table as HTML: one `<figure>`, the same at build time and live. */
export function paramMapHtml(tree: ParameterTree, { model, text, format, token }: MapOptions): string {
  const partNames = tree.parts.map((p) => p.part);
  const partLabel = (part: string) => (text as Record<string, string>)[`part.${part}`] ?? part;
  let index = 0;
  const leaves: ParameterLeaf[] = [];
  const byPart = new Map<string, number[]>();
  const leafNode = (leaf: ParameterLeaf, part: string): Node => {
    leaves.push(leaf);
    byPart.set(part, [...(byPart.get(part) ?? []), index]);
    return { label: leaf.name.replace(/^.*?\.(\d+(–\d+)?\.)/, '$1'), part, leaf, index: index++ };
  };
  const root: Node = {
    label: model,
    part: '',
    children: tree.parts.map(({ part, children }) => ({
      label: partLabel(part),
      part,
      children: children.flatMap((c) => (isGroup(c) ? c.children.map((l) => leafNode(l, part)) : [leafNode(c, part)])),
    })),
  };
  const layout = treemap<Node>()
    .tile(treemapSquarify)
    .size([WIDTH, HEIGHT])
    .paddingInner(1)
    .paddingTop((n) => (hasHeader(n) ? HEADER : 0))(
    hierarchy(root, (n) => n.children).sum((n) => n.leaf?.parameters ?? 0),
  );
  const dim = (leaf: ParameterLeaf) => token !== undefined && leaf.active < leaf.parameters;
  const boxes: string[] = [];
  for (const node of layout.descendants()) {
    const { x0, y0, x1, y1, data } = node;
    const w = x1 - x0;
    const h = y1 - y0;
    if (node.depth === 0 || w <= 0 || h <= 0) continue;
    const colour = colourOf(partNames, data.part);
    if (node.depth === 1) {
      // A part big enough has a strip at its top with its name; its boxes fill the rest.
      if (hasHeader(node)) {
        boxes.push(`<rect class="map-part" data-colour="${colour}" x="${px(x0)}" y="${px(y0)}" width="${px(w)}" height="${HEADER - 1}"/>`);
        boxes.push(`<text class="map-label" data-colour="${colour}" x="${px(x0 + 4)}" y="${px(y0 + 12)}">${escapeHtml(clip(data.label, w))}</text>`);
      }
      continue;
    }
    const leaf = data.leaf!;
    const dimmed = dim(leaf);
    const attrs = `data-i="${data.index}" data-colour="${colour}"${dimmed ? ' data-dim' : ''}`;
    boxes.push(
      `<rect class="map-box" ${attrs} x="${px(x0)}" y="${px(y0)}" width="${px(w)}" height="${px(h)}"><title>${escapeHtml(`${leafLabel(leaf, text, format)}: ${format.count(leaf.parameters)}`)}</title></rect>`,
    );
    if (w > 50 && h > 26) {
      boxes.push(`<text class="map-label" ${attrs} x="${px(x0 + 4)}" y="${px(y0 + 13)}">${escapeHtml(clip(data.label, w))}</text>`);
      boxes.push(`<text class="map-label" ${attrs} x="${px(x0 + 4)}" y="${px(y0 + 25)}">${escapeHtml(clip(format.short(leaf.parameters), w))}</text>`);
    }
  }
  const share = (n: number) => format.percent((100 * n) / tree.parameters);
  const head = [text.tensor, text.shape, text.parameters, text.share, ...(token ? [text.oneToken] : [])];
  const cell = (content: string, numeric = false) => `<td${numeric ? ' data-numeric' : ''}>${escapeHtml(content)}</td>`;
  const rows = tree.parts.flatMap(({ part, parameters, active }) => {
    const partRow = `<tr class="map-part-row"><th scope="row" colspan="2">${escapeHtml(partLabel(part))}</th>${cell(format.count(parameters), true)}${cell(share(parameters), true)}${token ? cell(format.count(active), true) : ''}</tr>`;
    return [
      partRow,
      ...(byPart.get(part) ?? []).map((i) => [leaves[i]!, i] as const).map(
        ([leaf, i]) =>
          `<tr tabindex="0" data-i="${i}"${dim(leaf) ? ' data-dim' : ''}>${cell(leafLabel(leaf, text, format))}${cell(leafShape(leaf, text))}${cell(format.count(leaf.parameters), true)}${cell(share(leaf.parameters), true)}${token ? cell(format.count(leaf.active), true) : ''}</tr>`,
      ),
    ];
  });
  const totalRow = `<tr class="map-part-row"><th scope="row" colspan="2">${escapeHtml(text.total)}</th>${cell(format.count(tree.parameters), true)}${cell(share(tree.parameters), true)}${token ? cell(format.count(tree.active), true) : ''}</tr>`;
  const caption = fill(text.caption, { model });
  const notes = [
    ...(token
      ? [fill(text.tokenNote, { active: format.count(tree.active), total: format.count(tree.parameters) }), fill(text[token.convention], { vendor: token.vendor })]
      : []),
    ...(tree.buffers.length > 0 ? [fill(text.buffers, { names: bufferNames(tree.buffers, text, format) })] : []),
  ];
  // The box of a focused or hovered row is outlined, without script: one rule per box of this figure.
  const outline = leaves.map((_, i) => `.param-map:has(tr[data-i="${i}"]:is(:focus,:hover)) rect[data-i="${i}"]`).join(',');
  return (
    `<figure class="param-map not-content">` +
    `<svg class="map-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(fill(text.title, { model }))}</title>${boxes.join('')}</svg>` +
    `<div class="map-notes">${notes.map((note) => `<p class="map-note">${escapeHtml(note)}</p>`).join('')}</div>` +
    `<div class="map-table" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><table><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i >= 2 ? ' data-numeric' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}${totalRow}</tbody></table></div>` +
    (outline ? `<style>@layer components{${outline}{stroke:currentColor;stroke-width:3}}</style>` : '') +
    `</figure>`
  );
}

/**
 * The fills as CSS, one rule per colour and theme (Starlight's dark theme is the default), in the
 * `components` layer with param-map.css (src/styles/layers.css).
 */
export function mapCss(): string {
  const rules = MAP_COLOURS.flatMap(({ light, dark }, i) => [
    `.param-map [data-colour="${i}"]:is(rect) { fill: ${dark}; }`,
    `:root[data-theme='light'] .param-map [data-colour="${i}"]:is(rect) { fill: ${light}; }`,
  ]);
  // The cells of a small model take the same colours, its tensors in order.
  const cells = MAP_COLOURS.flatMap(({ light, dark }, i) => [
    `.param-cells td[data-colour="${i}"] { background: ${dark}; }`,
    `:root[data-theme='light'] .param-cells td[data-colour="${i}"] { background: ${light}; }`,
  ]);
  cells.push(`.param-cells td { color: ${LABEL.dark}; }`, `:root[data-theme='light'] .param-cells td { color: ${LABEL.light}; }`);
  const all = [
    ...rules,
    ...cells,
    `.param-map text.map-label { fill: ${LABEL.dark}; }`,
    `:root[data-theme='light'] .param-map text.map-label { fill: ${LABEL.light}; }`,
    `.param-map rect[data-dim] { fill: ${DIMMED.dark.fill}; stroke: ${DIMMED.dark.stroke}; }`,
    `:root[data-theme='light'] .param-map rect[data-dim] { fill: ${DIMMED.light.fill}; stroke: ${DIMMED.light.stroke}; }`,
    `.param-map text.map-label[data-dim] { fill: ${DIMMED.dark.text}; }`,
    `:root[data-theme='light'] .param-map text.map-label[data-dim] { fill: ${DIMMED.light.text}; }`,
  ];
  return `@layer components {\n${all.join('\n')}\n}`;
}

/**
 * How the vendor of a model built by modelFromConfig counts its active parameters: the options for
 * parameterTree and the words that name the convention. Undefined for a model built by hand.
 */
export function activeConvention(model: Module): { options: ActiveOptions; token: NonNullable<MapOptions['token']> } | undefined {
  const built = builtModel(model);
  if (!built) return undefined;
  const { vendor, inputEmbedding, outputHead } = built.family.active;
  const convention = !outputHead ? 'withoutEmbeddingAndHead' : inputEmbedding ? 'withEmbedding' : 'withoutEmbedding';
  return { options: { inputEmbedding, outputHead }, token: { vendor, convention } };
}

/** Whether a token skips some of the tree's experts: a mixture of experts, drawn with one token's path lit. */
export const routesTokens = (tree: ParameterTree) =>
  tree.parts.some(({ children }) => children.some((c) => (isGroup(c) ? c.children : [c]).some((leaf) => leaf.experts && !leaf.experts.used)));

/**
 * The map of a model as the pages and Count your model draw it: a mixture of experts with one token's
 * path lit, counted by its vendor's convention. One pass over the model: Kimi K2's 1 trillion redraw fast.
 */
export function modelMapHtml(model: Module, name: string, text: MapText, format: NumberFormats): string {
  const convention = activeConvention(model);
  const tree = parameterTree(model, convention?.options);
  return paramMapHtml(tree, { model: name, text, format, token: routesTokens(tree) ? convention?.token : undefined });
}
