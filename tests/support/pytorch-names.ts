// PyTorch spells names in snake_case (running_mean, weight_ih_l0, ln_1); the library mirrors them in
// camelCase (runningMean, weightIhL0, ln1). These helpers translate fixture names for comparison.
import { countParameters, type Module } from 'lib';

/** `transformer.h.0.ln_1.weight` → `transformer.h.0.ln1.weight`. */
export const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A PyTorch repr with its child names in camelCase: `(self_attn): …` → `(selfAttn): …`. */
export const camelRepr = (repr: string): string => repr.replace(/\(([a-z0-9_]+)\): /g, (_, name: string) => `(${camel(name)}): `);

/** The number of values in all of `tensors` together (parameters, buffers, stateDict entries). */
export const numelOf = (tensors: Iterable<{ numel(): number }>): number =>
  [...tensors].reduce((sum, t) => sum + t.numel(), 0);

/** `[name, class, own parameters, own buffers]` for every module, as the model fixtures record them. */
export const directCountsWithBuffers = (model: Module): [string, string, number, number][] =>
  [...model.namedModules()].map(([name, m]) => [name, m.constructor.name, numelOf(m.parameters(false)), numelOf(m.buffers(false))]);

/** The same without buffers, as the layer fixtures record them. */
export const directCounts = (model: Module): [string, string, number][] =>
  directCountsWithBuffers(model).map(([name, cls, params]) => [name, cls, params]);

/** The three totals every fixture records: all parameters, trainable ones, buffer values. */
export const totalsOf = (model: Module) => ({
  total: countParameters(model, { trainableOnly: false }),
  trainable: countParameters(model),
  bufferTotal: numelOf(model.buffers()),
});
