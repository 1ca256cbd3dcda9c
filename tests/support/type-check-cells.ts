// Type-checks the cells of pages the way the kernel runs them: in page order, each cell seeing the
// names every earlier cell declared (the latest declaration wins, so a later `const model` is
// fine), against `lib` with the project's strict tsconfig. Each cell becomes a virtual module that
// imports what earlier cells declared and exports what it declares; both lines are appended at
// its end (imports are hoisted), so a reported line is the cell's own line.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface PageCells {
  /** A name for the page, e.g. its MDX path; it only has to be unique. */
  page: string;
  cells: string[];
}

export interface CellTypeError {
  page: string;
  /** 1-based, in page order. */
  cell: number;
  line: number;
  message: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VIRTUAL = `${ROOT}.cell-types/`;

interface Declared {
  name: string;
  typeOnly: boolean;
}

function projectOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.json`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return { ...parsed.options, strict: true, noEmit: true };
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** The names a cell declares at its top level, as the kernel turns them into globals. */
function declaredNames(source: string): Declared[] {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  return file.statements.flatMap((statement): Declared[] => {
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name).map((name) => ({ name, typeOnly: false })));
    }
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      return [{ name: statement.name.text, typeOnly: false }];
    }
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      return [{ name: statement.name.text, typeOnly: true }];
    }
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const typeOnly = clause.phaseModifier === ts.SyntaxKind.TypeKeyword; // `import type { … }`
      const names: Declared[] = clause.name ? [{ name: clause.name.text, typeOnly }] : [];
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push({ name: bindings.name.text, typeOnly });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          names.push({ name: element.name.text, typeOnly: typeOnly || element.isTypeOnly });
        }
      }
      return names;
    }
    return [];
  });
}

const specifier = ({ name, typeOnly }: Declared) => (typeOnly ? `type ${name}` : name);

/** Each cell's text with the import of earlier cells' names and the export of its own. */
function cellModules(pageIndex: number, cells: string[]): Map<string, string> {
  const modules = new Map<string, string>();
  // name → the cell that declared it last, and whether it is only a type
  const scope = new Map<string, { path: string; declared: Declared }>();
  cells.forEach((source, index) => {
    const path = `${VIRTUAL}page-${pageIndex}/cell-${index + 1}.ts`;
    const own = declaredNames(source);
    const ownNames = new Set(own.map((d) => d.name));
    const byCell = new Map<string, Declared[]>();
    for (const [name, { path: from, declared }] of scope) {
      if (ownNames.has(name)) continue;
      byCell.set(from, [...(byCell.get(from) ?? []), declared]);
    }
    const imports = [...byCell].map(([from, names]) => `import { ${names.map(specifier).join(', ')} } from ${JSON.stringify(from)};`);
    const exports = own.length > 0 ? `export { ${own.map(specifier).join(', ')} };` : 'export {};';
    modules.set(path, `${source}\n${[...imports, exports].join(' ')}\n`);
    for (const declared of own) scope.set(declared.name, { path, declared });
  });
  return modules;
}

export function typeCheckCells(pages: PageCells[]): CellTypeError[] {
  const files = new Map<string, { page: string; cell: number; text: string }>();
  pages.forEach(({ page, cells }, pageIndex) => {
    let cell = 0;
    for (const [path, text] of cellModules(pageIndex, cells)) files.set(path, { page, cell: ++cell, text });
  });

  const options = projectOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.fileExists = (path) => files.has(path) || fileExists(path);
  host.directoryExists = (path) => path.startsWith(VIRTUAL.slice(0, -1)) || (directoryExists?.(path) ?? true);
  host.readFile = (path) => files.get(path)?.text ?? readFile(path);
  host.getSourceFile = (path, language, ...rest) => {
    const virtual = files.get(path);
    return virtual ? ts.createSourceFile(path, virtual.text, language, true) : getSourceFile(path, language, ...rest);
  };

  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return [...files].flatMap(([path, { page, cell }]) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(path)).map((diagnostic) => ({
      page,
      cell,
      line: diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    })),
  );
}
