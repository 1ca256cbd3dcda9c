// A cell's code editor: CodeMirror 6 with TypeScript highlighting, line numbers, bracket
// matching and undo, in Starlight's colours (light and dark). It replaces the build-time
// highlighted block (Expressive Code) without moving the page: same box, font and spacing (from
// Expressive Code's variables), same gutter width (--cell-gutter, which Cell.css gives the
// block's line numbers too), and long lines wrap the same way, continuing at their indentation.
// Loaded on the reader's first reach for a cell.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { typescriptLanguage } from '@codemirror/lang-javascript';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  LanguageSupport,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState, Prec, RangeSetBuilder } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export interface CellEditorOptions {
  code: string;
  /** The editor's accessible name. */
  label: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndAdvance(): void;
}

export interface CellEditor {
  readonly code: string;
  setCode(code: string): void;
  /** Focuses the editor, with the caret where the reader clicked, or at the start. */
  focus(at?: { x: number; y: number }): void;
}

// Starlight's -high colours read well on the code background in both themes (they swap with it).
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword], color: 'var(--sl-color-purple-high)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--sl-color-green-high)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--sl-color-orange-high)' },
  { tag: [tags.typeName, tags.className], color: 'var(--sl-color-accent-high)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.variableName)],
    color: 'var(--sl-color-blue-high)',
  },
  { tag: tags.comment, color: 'var(--cell-muted)' },
  { tag: tags.invalid, color: 'var(--sl-color-red-high)' },
]);

// Expressive Code's own variables give the box, font and spacing of the block being replaced;
// --cell-gutter and --cell-muted come from Cell.css, which styles that block's line numbers.
const theme = EditorView.theme({
  '&': {
    color: 'var(--ec-codeFg, var(--sl-color-white))',
    backgroundColor: 'var(--ec-codeBg, var(--sl-color-gray-6))',
    border: 'var(--ec-brdWd, 1px) solid var(--ec-brdCol, var(--sl-color-gray-5))',
    borderRadius: 'calc(var(--ec-brdRad, 0px) + var(--ec-brdWd, 1px))',
  },
  '&.cm-focused': {
    outline: '3px solid var(--sl-color-accent)',
    outlineOffset: '-1px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--ec-codeFontFml, var(--__sl-font-mono))',
    fontSize: 'var(--ec-codeFontSize, var(--sl-text-code))',
    lineHeight: 'var(--ec-codeLineHt, var(--sl-line-height))',
  },
  '.cm-content': { padding: 'var(--ec-codePadBlk, 0.75rem) 0', caretColor: 'var(--sl-color-white)' },
  // Expressive Code wraps with pre-wrap (CodeMirror's break-spaces can break a line elsewhere).
  '.cm-lineWrapping': { whiteSpace: 'pre-wrap' },
  '.cm-cell-indent': { whiteSpace: 'pre' },
  '.cm-line': {
    padding: '0 var(--ec-codePadInl, 1rem) 0 calc(var(--cell-indent, 0ch) + var(--ec-codePadInl, 1rem))',
    textIndent: 'calc(var(--cell-indent, 0ch) * -1)',
  },
  '.cm-gutters': { backgroundColor: 'transparent', color: 'var(--cell-muted)', border: 'none' },
  '.cm-lineNumbers': { width: 'var(--cell-gutter)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 0.5rem 0 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--sl-color-white)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--ec-codeSelBg, var(--sl-color-gray-5))' },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: 'transparent',
    outline: '1px solid var(--sl-color-accent-high)',
  },
  '&.cm-focused .cm-nonmatchingBracket': { color: 'var(--sl-color-red-high)' },
});

const unbrokenIndent = Decoration.mark({ class: 'cm-cell-indent' });

/**
 * Each line's indentation as --cell-indent, which .cm-line turns into a hanging indent, and kept
 * in one piece (as Expressive Code does), so a wrapped line breaks where the block's does.
 */
const hangingIndent = EditorView.decorations.compute(['doc'], (state) => {
  const indents = new RangeSetBuilder<Decoration>();
  for (let number = 1; number <= state.doc.lines; number++) {
    const line = state.doc.line(number);
    const indent = /^\s*/.exec(line.text)![0].length;
    if (indent > 0) {
      const style = `--cell-indent: ${indent}ch`;
      indents.add(line.from, line.from, Decoration.line({ attributes: { style } }));
      indents.add(line.from, line.from + indent, unbrokenIndent);
    }
  }
  return indents.finish();
});

export function createEditor(parent: HTMLElement, options: CellEditorOptions): CellEditor {
  const run = (action: () => void) => () => {
    action();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        lineNumbers(),
        EditorView.lineWrapping,
        hangingIndent,
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        new LanguageSupport(typescriptLanguage),
        syntaxHighlighting(highlightStyle),
        EditorState.tabSize.of(2),
        // Above the default keymap, where Shift/Ctrl+Enter would insert lines. Tab indents;
        // Escape then Tab leaves the editor (CodeMirror's tab-focus mode): no keyboard trap.
        Prec.highest(
          keymap.of([
            { key: 'Shift-Enter', run: run(options.onRunAndAdvance) },
            { key: 'Mod-Enter', run: run(options.onRun) },
          ]),
        ),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
  return {
    get code() {
      return view.state.doc.toString();
    },
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus(at) {
      const anchor = (at && view.posAtCoords(at)) ?? 0;
      view.dispatch({ selection: { anchor }, scrollIntoView: false });
      view.focus();
    },
  };
}
