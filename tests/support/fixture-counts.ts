// A library module summed up as the PyTorch fixtures record theirs, names and all: the library
// registers PyTorch's own names, so the two compare as they are.
import { countParameters, type Module } from 'lib';

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
