// Where a model's parameters are, as a tree a treemap can draw: parts (embeddings, attention, MLP,
// experts, …), then runs of identical layers, then tensors. Hundreds of experts are two boxes per
// run (the top-k a token uses and the rest), and a tensor reachable under two names is one box.
import { embedsTokens, routesTokens } from '../capabilities.ts';
import { ExpertList, type ExpertStore } from '../layers/mixture-of-experts.ts';
import type { Module } from '../module.ts';
import { builtModel } from '../models/from-config.ts';
import type { Parameter } from '../parameter.ts';
import type { ActiveOptions } from './active.ts';

/** A box: one tensor, or a group of experts, repeated in `copies` identical layers. */
export interface ParameterLeaf {
  /** Its name in the state dict, a run of layers written `3–60`. */
  name: string;
  /** The tensor's shape; for experts, each expert's tensors instead. */
  shape: readonly number[];
  /** A group of experts: how many of the layer's experts it holds, of how many, and one expert's tensors. */
  experts?: { count: number; of: number; used: boolean; tensors: readonly (readonly [string, readonly number[]])[] };
  /** Identical layers drawn as one box. */
  copies: number;
  parameters: number;
  /** The parameters of this box one token passes through, by the convention asked for. */
  active: number;
  /** Other names of the same tensor (a head tied to the embedding): counted and drawn once. */
  alsoNamed: readonly string[];
}

export interface ParameterGroup {
  name: string;
  children: ParameterLeaf[];
  parameters: number;
  active: number;
}

export interface ParameterPart {
  /** The family record's part (embeddings, attention, …), or the top-level module of a model built by hand. */
  part: string;
  children: (ParameterGroup | ParameterLeaf)[];
  parameters: number;
  active: number;
}

export interface ParameterTree {
  parts: ParameterPart[];
  parameters: number;
  active: number;
  /** Buffers (running statistics, rotary tables): state, not parameters, so outside the area. */
  buffers: { name: string; shape: readonly number[]; elements: number }[];
}

export const isGroup = (node: ParameterGroup | ParameterLeaf): node is ParameterGroup => 'children' in node;

interface Entry {
  part: string;
  name: string;
  shape: readonly number[];
  experts?: ParameterLeaf['experts'];
  parameters: number;
  active: number;
  alsoNamed: string[];
}

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);
const isExpertStore = (module: Module): module is ExpertStore => typeof (module as { parametersPerExpert?: unknown }).parametersPerExpert === 'function';

/** One expert's tensors: an ExpertList's projections, or a stacked tensor without its expert axis. */
function expertTensors(store: ExpertStore): [string, number[]][] {
  if (store instanceof ExpertList) {
    return store.projections.flatMap(({ name, inFeatures, outFeatures, bias }) => [
      [`${name}.weight`, [outFeatures, inFeatures]] as [string, number[]],
      ...(bias ? [[`${name}.bias`, [outFeatures]] as [string, number[]]] : []),
    ]);
  }
  return [...store.namedParameters('', false)].map(([name, p]) => [name, [...p.shape.slice(1)]]);
}

/** Every parameter once, each group of experts as the experts a token uses and the ones it skips. */
function entries(model: Module, options: Required<ActiveOptions>, buffers: ParameterTree['buffers']): Entry[] {
  const built = builtModel(model);
  const partOf = built ? (name: string) => built.family.partOf(name) : (name: string) => name.split('.')[0]!;
  const embedding = embedsTokens(model) ? model.tokenEmbedding() : undefined;
  const head = embedsTokens(model) ? model.outputHead() : undefined;
  const skipped = (p: Parameter) => (p === head && !options.outputHead) || (p === embedding && !options.inputEmbedding && embedding !== head);
  const routed = new Map<Module, number>();
  const seen = new Map<Parameter, Entry>();
  const list: Entry[] = [];
  const skip = new Set<Module>();
  for (const [prefix, module] of model.namedModules()) {
    if (skip.has(module)) continue;
    if (routesTokens(module)) {
      for (const child of module.children()) if (isExpertStore(child) && child.numExperts === module.numExperts) routed.set(child, module.topK);
    }
    if (isExpertStore(module)) {
      const topK = routed.get(module) ?? module.numExperts;
      const per = module.parametersPerExpert();
      const tensors = expertTensors(module);
      // A listed expert's tensors are named `<e>.<tensor>`, a stacked one's `<tensor>`.
      const listed = module instanceof ExpertList;
      const part = partOf(join(prefix, listed ? `0.${tensors[0]![0]}` : tensors[0]![0]));
      const add = (count: number, used: boolean) =>
        count > 0 &&
        list.push({ part, name: prefix, shape: [], experts: { count, of: module.numExperts, used, tensors }, parameters: count * per, active: used ? count * per : 0, alsoNamed: [] });
      add(topK, true);
      add(module.numExperts - topK, false);
      for (const [, m] of module.namedModules()) skip.add(m);
      continue;
    }
    for (const [local, buffer] of module.namedBuffers('', false)) buffers.push({ name: join(prefix, local), shape: buffer.shape, elements: buffer.numel() });
    for (const [local, parameter] of module.namedParameters('', false)) {
      const name = join(prefix, local);
      const first = seen.get(parameter);
      if (first) {
        first.alsoNamed.push(name);
        continue;
      }
      const entry: Entry = { part: partOf(name), name, shape: parameter.shape, parameters: parameter.numel(), active: skipped(parameter) ? 0 : parameter.numel(), alsoNamed: [] };
      seen.set(parameter, entry);
      list.push(entry);
    }
  }
  return list;
}

const LAYER = /^(.*?\.)(\d+)\.(.*)$/;
const signature = (items: Entry[]) => items.map((e) => `${e.name.replace(LAYER, '$3')}:${e.shape.join('x')}:${e.parameters}:${e.active}:${e.experts?.count ?? ''}`).join('|');

/** A part's entries: those outside numbered layers as they are, numbered layers in runs of identical ones. */
function partChildren(items: Entry[]): (ParameterGroup | ParameterLeaf)[] {
  const out: (ParameterGroup | ParameterLeaf)[] = [];
  const layers = new Map<number, { prefix: string; items: Entry[] }>();
  const order: (Entry | number)[] = [];
  for (const e of items) {
    const m = LAYER.exec(e.name);
    if (!m) {
      order.push(e);
      continue;
    }
    const index = Number(m[2]);
    if (!layers.has(index)) {
      layers.set(index, { prefix: m[1]!, items: [] });
      order.push(index);
    }
    layers.get(index)!.items.push(e);
  }
  const leaf = (e: Entry, copies: number, name = e.name): ParameterLeaf => ({
    name,
    shape: e.shape,
    ...(e.experts ? { experts: e.experts } : {}),
    copies,
    parameters: e.parameters * copies,
    active: e.active * copies,
    alsoNamed: e.alsoNamed,
  });
  let run: { first: number; last: number; prefix: string; items: Entry[]; key: string } | null = null;
  const close = () => {
    if (!run) return;
    const { first, last, prefix, items: runItems } = run;
    const range = first === last ? `${first}` : `${first}–${last}`;
    const copies = last - first + 1;
    const children = runItems.map((e) => leaf(e, copies, `${prefix}${range}.${e.name.replace(LAYER, '$3')}`));
    out.push({ name: `${prefix}${range}`, children, parameters: sum(children, 'parameters'), active: sum(children, 'active') });
    run = null;
  };
  for (const item of order) {
    if (typeof item !== 'number') {
      close();
      out.push(leaf(item, 1));
      continue;
    }
    const layer = layers.get(item)!;
    const key = `${layer.prefix}#${signature(layer.items)}`;
    if (run && run.key === key && run.last === item - 1) run.last = item;
    else {
      close();
      run = { first: item, last: item, prefix: layer.prefix, items: layer.items, key };
    }
  }
  close();
  return out;
}

const sum = (nodes: readonly { parameters: number; active: number }[], key: 'parameters' | 'active') => nodes.reduce((s, n) => s + n[key], 0);

/**
 * The parameters of `model` as parts → runs of identical layers → tensors, each parameter once.
 * Its leaves add up to countParameters(model, { trainableOnly: false }) and their active figures to
 * countActiveParameters(model, options). A model built by modelFromConfig is split by its family
 * record's parts; any other module by its top-level children.
 */
export function parameterTree(model: Module, { inputEmbedding = true, outputHead = true }: ActiveOptions = {}): ParameterTree {
  const byPart = new Map<string, Entry[]>();
  // Collected beside the parameters, module by module: asking the model for all its buffers would
  // make every expert group list its tensors.
  const buffers: ParameterTree['buffers'] = [];
  for (const e of entries(model, { inputEmbedding, outputHead }, buffers)) {
    if (!byPart.has(e.part)) byPart.set(e.part, []);
    byPart.get(e.part)!.push(e);
  }
  const parts = [...byPart].map(([part, items]) => {
    const children = partChildren(items);
    return { part, children, parameters: sum(children, 'parameters'), active: sum(children, 'active') };
  });
  return { parts, parameters: sum(parts, 'parameters'), active: sum(parts, 'active'), buffers };
}
