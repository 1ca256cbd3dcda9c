// Turns the values a cell logs into text, in the spirit of Node's util.inspect but compact and
// free of Node APIs, so the worker and Node print the same thing. Values may come from another
// realm (a vm context), so types are told apart by tags and prototypes, never by instanceof.

const MAX_DEPTH = 2;
const MAX_ITEMS = 100;
const LINE_WIDTH = 72;

/** One console argument: strings stay raw at the top level, everything else is inspected. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, 0, []);
}

/** console.log's arguments, with printf-style `%s %d %i %f %o %O %c` in a leading string. */
export function formatArgs(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string' || rest.length === 0) return args.map(formatValue).join(' ');
  const text = first.replace(/%([sdifoOc%])/g, (match, letter: string) => {
    if (letter === '%') return '%';
    if (rest.length === 0) return match;
    const arg = rest.shift();
    if (letter === 's') return formatValue(arg);
    if (letter === 'c') return ''; // CSS styling has no meaning in text output
    if (letter === 'o' || letter === 'O') return inspect(arg, 0, []);
    return String(letter === 'f' ? Number(arg) : Math.trunc(Number(arg)));
  });
  return [text, ...rest.map(formatValue)].join(' ');
}

/** console.table as a box-drawn text table, like Node's. */
export function formatTable(data: unknown, columns?: string[]): string {
  if (typeof data !== 'object' || data === null) return formatValue(data);
  const rows = Object.entries(data);
  const keys = columns ?? [
    ...new Set(rows.flatMap(([, row]) => (isObject(row) ? Object.keys(row) : []))),
  ];
  const hasValues = rows.some(([, row]) => !isObject(row));
  const header = ['(index)', ...keys, ...(hasValues ? ['Values'] : [])];
  const body = rows.map(([index, row]) => [
    index,
    ...keys.map((key) => (isObject(row) && key in row ? inspect(row[key], 1, []) : '')),
    ...(hasValues ? [isObject(row) ? '' : inspect(row, 1, [])] : []),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  const line = (cells: string[]) => `│ ${cells.map((c, i) => c.padEnd(widths[i])).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string) =>
    l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const top = rule('┌', '┬', '┐');
  const middle = rule('├', '┼', '┤');
  const bottom = rule('└', '┴', '┘');
  return [top, line(header), middle, ...body.map(line), bottom].join('\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function tagOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function inspect(value: unknown, depth: number, parents: object[]): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return describeFunction(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (parents.includes(value)) return '[Circular]';

  const tag = tagOf(value);
  if (tag === 'Date') return Number.isNaN(+value) ? 'Invalid Date' : (value as Date).toISOString();
  if (tag === 'RegExp') return String(value);
  if (tag === 'Error') {
    const { name, message } = value as Error;
    return depth === 0 ? `${name}: ${message}` : `[${name}: ${message}]`;
  }
  const isTypedArray = ArrayBuffer.isView(value) && tag !== 'DataView';
  // After arrays, whose toString is their own too: lib modules and tensors print their repr.
  if (!Array.isArray(value) && !isTypedArray && hasOwnToString(value)) return String(value);

  const name = className(value);
  if (depth > MAX_DEPTH) return `[${Array.isArray(value) ? 'Array' : name || 'Object'}]`;
  const inner = (v: unknown) => inspect(v, depth + 1, [...parents, value]);

  if (Array.isArray(value)) return group('', '[', ']', items(value, inner));
  if (isTypedArray) {
    const array = Array.from(value as unknown as ArrayLike<unknown>);
    return group(`${tag}(${array.length}) `, '[', ']', items(array, inner));
  }
  if (tag === 'Map') {
    const map = value as Map<unknown, unknown>;
    const pairs = items([...map], ([key, v]) => `${inner(key)} => ${inner(v)}`);
    return group(`Map(${map.size}) `, '{', '}', pairs);
  }
  if (tag === 'Set') {
    const set = value as Set<unknown>;
    return group(`Set(${set.size}) `, '{', '}', items([...set], inner));
  }
  const fields = items(Object.entries(value), ([key, v]) => `${formatKey(key)}: ${inner(v)}`);
  return group(name ? `${name} ` : '', '{', '}', fields);
}

/** The class name to print before `{…}`: none for plain objects, as Node does. */
function className(value: object): string {
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return '[Object: null prototype]';
  if (Object.getPrototypeOf(proto) === null) return ''; // some realm's Object.prototype
  return typeof proto.constructor === 'function' ? proto.constructor.name : '';
}

/** True when the object's toString comes from its own class rather than from Object.prototype. */
function hasOwnToString(value: object): boolean {
  let proto = Object.getPrototypeOf(value);
  while (proto !== null && !Object.hasOwn(proto, 'toString')) {
    proto = Object.getPrototypeOf(proto);
  }
  return proto !== null && Object.getPrototypeOf(proto) !== null;
}

// biome-ignore lint/complexity/noBannedTypes: any callable, classes included, as `typeof value === 'function'` narrows it.
function describeFunction(fn: Function): string {
  const isClass = Function.prototype.toString.call(fn).startsWith('class');
  if (isClass) return `[class ${fn.name || '(anonymous)'}]`;
  return fn.name ? `[Function: ${fn.name}]` : '[Function (anonymous)]';
}

/** The first MAX_ITEMS entries, formatted, and a note saying how many more there are. */
function items<T>(entries: readonly T[], format: (entry: T) => string): string[] {
  const shown = entries.slice(0, MAX_ITEMS).map(format);
  const more = entries.length - shown.length;
  return more > 0 ? [...shown, `... ${more} more item${more === 1 ? '' : 's'}`] : shown;
}

/** `{ a, b }` on one line when it fits, else one entry per line, indented. */
function group(prefix: string, open: string, close: string, entries: string[]): string {
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const oneLine = `${prefix}${open} ${entries.join(', ')} ${close}`;
  if (oneLine.length <= LINE_WIDTH && !oneLine.includes('\n')) return oneLine;
  const lines = entries.map((entry) => `  ${entry.replaceAll('\n', '\n  ')}`);
  return `${prefix}${open}\n${lines.join(',\n')}\n${close}`;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${escaped}'`;
}
