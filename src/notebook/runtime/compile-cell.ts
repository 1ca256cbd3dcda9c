// Turns a cell's TypeScript into a classic script for the global scope of the page's kernel, so
// that cells share one scope as in Jupyter: later cells see earlier names, and re-running
// `const model = …` works. sucrase strips the types without moving lines; then, found with
// sucrase's own parser, each top-level declaration becomes an assignment to a global declared on
// line 1, and nothing else moves to another line:
//   const x = 1              →  0,    x = 1        (line 1 gets `var x;`)
//   class A {…}              →  A = class A {…};
//   import { a } from "lib"  →  blank              (line 1 gets `var { a } = __import("lib");`)
// A cell with top-level await runs as `(async () => {…})()`; assignments still reach the globals.
import { type Options, transform } from 'sucrase';
import { type File, parse } from 'sucrase/dist/esm/parser/index.js';
import { IdentifierRole, type Token } from 'sucrase/dist/esm/parser/tokenizer/index.js';
import { ContextualKeyword } from 'sucrase/dist/esm/parser/tokenizer/keywords.js';
import { TokenType as tt } from 'sucrase/dist/esm/parser/tokenizer/types.js';
import type { CompiledCell, CompileError } from './cell-protocol.ts';

/** The one module a cell can import. */
const CELL_MODULE = 'lib';

const SUCRASE_OPTIONS: Options = {
  transforms: ['typescript'],
  disableESTransforms: true,
  keepUnusedImports: true, // a cell that only imports binds names for the cells after it
};

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function compileCell(
  source: string,
  { cellName }: { cellName: string },
): CompiledCell | CompileError {
  let js: string;
  let file: File;
  try {
    js = transform(source, SUCRASE_OPTIONS).code;
    file = parse(js, false, false, false);
  } catch (error) {
    return syntaxError(error);
  }

  const { tokens } = file;
  const text = (token: Token) => js.slice(token.start, token.end);
  const edits: Edit[] = [];
  const globals = new Set<string>();
  const functions = new Set<string>();
  const imports: string[] = [];
  const imported = new Set<string>();
  const isAsync = hasTopLevelAwait(file);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.scopeDepth > 0) continue;

    const role = token.identifierRole;
    if (
      role === IdentifierRole.TopLevelDeclaration ||
      role === IdentifierRole.ObjectShorthandTopLevelDeclaration
    ) {
      const previous = tokens[i - 1]?.type;
      (previous === tt._function || previous === tt.star ? functions : globals).add(text(token));
    }
    const next = tokens[i + 1];
    if (token.type === tt._const || token.type === tt._let || token.type === tt._var) {
      // `0, {a} = o` assigns where `{a} = o` would start a block; padded to keep the columns.
      const padded = '0,'.padEnd(token.end - token.start);
      edits.push({ start: token.start, end: token.end, text: padded });
    } else if (token.type === tt._class && !token.isExpression) {
      const close = tokens[tokens.findLastIndex((t) => t.contextId === token.contextId)];
      edits.push({ start: token.start, end: token.start, text: `${text(next)} = ` });
      edits.push({ start: close.end, end: close.end, text: ';' });
    } else if (token.type === tt._import && next.type !== tt.parenL && next.type !== tt.dot) {
      const statement = importStatement(tokens, i, text);
      if (statement.specifier !== CELL_MODULE) {
        return importError(source, js, tokens[statement.specifierIndex].start, statement.specifier);
      }
      if (statement.declaration) imports.push(statement.declaration);
      for (const name of statement.names) imported.add(name);
      const end = tokens[statement.endIndex].end;
      edits.push({ start: token.start, end, text: blank(js.slice(token.start, end)) });
    }
  }

  // Function declarations inside the async wrapper are local to it: copy them to the globals.
  const names = [...functions].join(', ');
  const exported = functions.size > 0 ? ` Object.assign(globalThis, { ${names} });` : '';
  const prefix = [
    globals.size > 0 ? `var ${[...globals].join(', ')};` : '',
    ...imports,
    isAsync ? `(async () => {${exported}` : '',
  ].filter(Boolean);
  const code = (prefix.length > 0 ? `${prefix.join(' ')} ` : '') + applyEdits(js, edits);
  const sourceLines = splitLines(source);
  const changedLines = splitLines(code).flatMap((line, index) => (line === sourceLines[index] ? [] : [index + 1]));
  return {
    kind: 'compiled',
    js: `${code}${isAsync ? '\n})()' : ''}\n//# sourceURL=${cellName}`,
    isAsync,
    changedLines,
    imports: [...imported],
  };
}

/** True when `await` appears outside every function: the cell then runs in an async wrapper. */
function hasTopLevelAwait({ tokens, scopes }: File): boolean {
  // The last scope is the whole program.
  const functions = scopes.slice(0, -1).filter((scope) => scope.isFunctionScope);
  return tokens.some(
    (token, i) =>
      token.contextualKeyword === ContextualKeyword._await &&
      !functions.some((scope) => scope.startTokenIndex <= i && i < scope.endTokenIndex),
  );
}

interface ImportStatement {
  specifier: string;
  specifierIndex: number;
  /** Index of the statement's last token (its `;` when there is one). */
  endIndex: number;
  /** `var … = __import("lib");`, or '' for a bare `import "lib"`. */
  declaration: string;
  /** The names imported: `*` for a namespace, `default` for a default import. */
  names: string[];
}

/** Reads the import statement that starts at token `start`. */
function importStatement(
  tokens: Token[],
  start: number,
  text: (token: Token) => string,
): ImportStatement {
  // The specifier is the string right after `import` or after `from`; other strings are names.
  const isSpecifier = (k: number) =>
    tokens[k].type === tt.string &&
    (k === start + 1 || tokens[k - 1].contextualKeyword === ContextualKeyword._from);
  let specifierIndex = start + 1;
  while (!isSpecifier(specifierIndex)) specifierIndex++;
  const specifier = text(tokens[specifierIndex]).slice(1, -1);
  const call = `__import(${JSON.stringify(specifier)})`;
  const declarators: string[] = [];
  const named: string[] = [];
  const names: string[] = [];
  for (let k = start + 1; k < specifierIndex; k++) {
    if (tokens[k].identifierRole !== IdentifierRole.ImportDeclaration) continue;
    const local = text(tokens[k]);
    if (tokens[k - 1].contextualKeyword === ContextualKeyword._as) {
      const imported = tokens[k - 2];
      names.push(text(imported));
      if (imported.type === tt.star) declarators.push(`${local} = ${call}`);
      else named.push(`${text(imported)}: ${local}`);
    } else {
      const inBraces = tokens.slice(start, k).some((t) => t.type === tt.braceL);
      names.push(inBraces ? local : 'default');
      named.push(inBraces ? local : `default: ${local}`);
    }
  }
  if (named.length > 0) declarators.push(`{ ${named.join(', ')} } = ${call}`);
  return {
    specifier,
    specifierIndex,
    endIndex: tokens[specifierIndex + 1]?.type === tt.semi ? specifierIndex + 1 : specifierIndex,
    declaration: declarators.length > 0 ? `var ${declarators.join(', ')};` : '',
    names,
  };
}

function applyEdits(js: string, edits: Edit[]): string {
  let result = '';
  let position = 0;
  for (const { start, end, text } of edits.sort((a, b) => a.start - b.start)) {
    result += js.slice(position, start) + text;
    position = end;
  }
  return result + js.slice(position);
}

/** The same text with spaces for everything but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n\u2028\u2029]/g, ' ');
}

/** Splits text into lines the way JavaScript engines count them. */
function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n|\u2028|\u2029/);
}

/** Line and column (both from 1) of a position in `text`. */
function locate(text: string, position: number): { line: number; column: number } {
  const lines = splitLines(text.slice(0, position));
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function syntaxError(error: unknown): CompileError {
  const { message, loc } = error as { message: string; loc?: { line: number; column: number } };
  return {
    kind: 'syntax',
    name: 'SyntaxError',
    message: message.replace(/ \(\d+:\d+\)$/, ''), // sucrase appends the location, given apart here
    line: loc?.line,
    column: loc?.column,
  };
}

function importError(
  source: string,
  js: string,
  position: number,
  specifier: string,
): CompileError {
  const { line, column } = locate(js, position);
  const sameLine = splitLines(js)[line - 1] === splitLines(source)[line - 1];
  return {
    kind: 'syntax',
    name: 'ImportError',
    message: `Only "${CELL_MODULE}" can be imported in a cell, not "${specifier}"`,
    line,
    column: sameLine ? column : undefined,
  };
}
