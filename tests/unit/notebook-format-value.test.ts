// What console.log prints in a cell: text in the spirit of Node's util.inspect.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatArgs, formatTable, formatValue } from '../../src/notebook/runtime/format-value.ts';

describe('printing a value', () => {
  it('prints numbers and strings as they are', () => {
    expect(formatArgs([32, 'parameters', -0, 1.5, 10n])).toBe('32 parameters -0 1.5 10n');
  });

  it('prints undefined, null, booleans and symbols', () => {
    expect(formatArgs([undefined, null, true, Symbol('w')])).toBe('undefined null true Symbol(w)');
  });

  it('prints arrays with quoted strings inside', () => {
    expect(formatValue([3, 5, 2])).toBe('[ 3, 5, 2 ]');
    expect(formatValue(['a', "it's", 'two\nlines'])).toBe("[ 'a', 'it\\'s', 'two\\nlines' ]");
    expect(formatValue([])).toBe('[]');
  });

  it('prints plain objects, nested, with quoted keys where needed', () => {
    expect(formatValue({ weights: 15, bias: 5, 'in-features': 3, nested: { ok: true } })).toBe(
      "{ weights: 15, bias: 5, 'in-features': 3, nested: { ok: true } }",
    );
    expect(formatValue({})).toBe('{}');
  });

  it('prints Maps and Sets with their sizes', () => {
    expect(formatValue(new Map<string, number>([['hidden', 20], ['output', 12]]))).toBe("Map(2) { 'hidden' => 20, 'output' => 12 }");
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
  });

  it('prints a class instance with its class name', () => {
    class Layer {
      inFeatures = 3;
      outFeatures = 5;
    }
    expect(formatValue(new Layer())).toBe('Layer { inFeatures: 3, outFeatures: 5 }');
  });

  it('prints a typed array with its type and length', () => {
    expect(formatValue(new Float64Array([0.5, 2]))).toBe('Float64Array(2) [ 0.5, 2 ]');
  });

  it("uses an object's own toString, as the library's modules and tensors define", () => {
    class Linear {
      toString() {
        return 'Linear(in_features=3, out_features=5, bias=True)';
      }
    }
    expect(formatValue(new Linear())).toBe('Linear(in_features=3, out_features=5, bias=True)');
    expect(formatValue({ layer: new Linear() })).toBe('{ layer: Linear(in_features=3, out_features=5, bias=True) }');
  });

  it('prints functions, classes and errors briefly', () => {
    class Model {}
    expect(formatArgs([function forward() {}, () => {}, Model])).toBe('[Function: forward] [Function (anonymous)] [class Model]');
    expect(formatValue(new RangeError('too big'))).toBe('RangeError: too big');
    expect(formatValue([new Error('inner')])).toBe('[ [Error: inner] ]');
  });

  it('prints circular references safely', () => {
    const node: { name: string; self?: unknown } = { name: 'loop' };
    node.self = node;
    expect(formatValue(node)).toBe("{ name: 'loop', self: [Circular] }");
  });

  it('stops at depth 2 and after 100 items', () => {
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: [Object] } } }');
    expect(formatValue(Array.from({ length: 102 }, () => 0))).toMatch(/0,\n {2}\.\.\. 2 more items\n\]$/);
  });

  it('breaks a long value into one entry per line', () => {
    const long = { first: 'x'.repeat(30), second: 'y'.repeat(30), third: [1, 2] };
    expect(formatValue(long)).toBe(`{\n  first: '${'x'.repeat(30)}',\n  second: '${'y'.repeat(30)}',\n  third: [ 1, 2 ]\n}`);
  });

  it("prints values made in another realm, like a Node kernel's cells", () => {
    const values = vm.runInNewContext('[{ a: 1 }, [2], new Map([[3, 4]]), Object.create(null)]');
    expect(formatValue(values)).toBe('[ { a: 1 }, [ 2 ], Map(1) { 3 => 4 }, [Object: null prototype] {} ]');
  });

  it('fills printf-style placeholders in a leading string', () => {
    expect(formatArgs(['%s has %d parameters (%i%%)', 'SimpleNN', 32.7, 100, 'extra'])).toBe('SimpleNN has 32 parameters (100%) extra');
    expect(formatArgs(['%o', 'quoted'])).toBe("'quoted'");
  });
});

describe('printing a table', () => {
  it('draws rows of objects with an index column', () => {
    expect(formatTable([{ layer: 'hidden', params: 20 }, { layer: 'output', params: 12 }])).toBe(
      [
        '┌─────────┬──────────┬────────┐',
        '│ (index) │ layer    │ params │',
        '├─────────┼──────────┼────────┤',
        "│ 0       │ 'hidden' │ 20     │",
        "│ 1       │ 'output' │ 12     │",
        '└─────────┴──────────┴────────┘',
      ].join('\n'),
    );
  });

  it('puts plain values in a Values column', () => {
    expect(formatTable({ hidden: 20, output: 12 })).toContain('│ hidden  │ 20     │');
  });
});
