/**
 * A CodeMirror 6 JSON editor built from the parts this project installs (@codemirror/view,
 * state, language, lang-json): highlighting, bracket matching, folding, line numbers, the
 * error position marked in the text, and a small undo history with Enter that keeps the
 * indentation (what @codemirror/commands would add).
 *
 * Under the page's CSP (`style-src 'self'`), CodeMirror's usual <style> element in the document
 * head is blocked. Mounted in a shadow root, it styles itself with a constructable stylesheet
 * (adoptedStyleSheets) and the CSSOM instead, which the policy allows; the theme's custom
 * properties inherit into the shadow tree, so both themes still apply.
 * Tab is left to the browser, so the keyboard can always leave the editor (WCAG 2.1.2).
 */
import { json } from '@codemirror/lang-json';
import {
  HighlightStyle,
  bracketMatching,
  foldGutter,
  getIndentation,
  indentOnInput,
  indentString,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorSelection, EditorState, StateEffect, StateField, type Transaction } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** Colours come from the theme's custom properties, so both themes follow. */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--json-key)' },
  { tag: tags.string, color: 'var(--json-string)' },
  { tag: tags.number, color: 'var(--json-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--json-literal)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator], color: 'var(--text-muted)' },
]);

const theme = EditorView.theme({
  '&': {
    fontSize: 'var(--text-sm)',
    backgroundColor: 'var(--surface-2)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-sm)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: '1.55',
    minHeight: '7rem',
    maxHeight: '22rem',
  },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent) !important',
  },
  '.cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--ok) 25%, transparent)',
    outline: 'none',
  },
  '.cm-json-error': {
    textDecoration: 'underline wavy var(--danger)',
    backgroundColor: 'var(--danger-bg)',
  },
});

// ---- the error mark ----

const setError = StateEffect.define<number | null>();
const errorMark = Decoration.mark({ class: 'cm-json-error' });
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    marks = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setError)) continue;
      const at = effect.value;
      if (at === null) return Decoration.none;
      const length = transaction.state.doc.length;
      // Mark the character at fault, or the last one when the text ends too early.
      const from = Math.max(0, Math.min(at, length - 1));
      marks =
        length === 0 ? Decoration.none : Decoration.set([errorMark.range(from, Math.min(length, from + 1))]);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// ---- a small undo history: snapshots grouped by typing bursts ----

interface Snapshot {
  doc: string;
  selection: EditorSelection;
}
const historyLimit = 200;
const groupWindowMs = 600;

function createHistory() {
  let undone: Snapshot[] = [];
  const done: Snapshot[] = [];
  let lastChange = 0;
  let restoring = false;

  const listener = EditorView.updateListener.of((update) => {
    if (!update.docChanged || restoring) return;
    const now = Date.now();
    const startTransaction: Transaction | undefined = update.transactions[0];
    if (now - lastChange > groupWindowMs || startTransaction?.isUserEvent('input.paste')) {
      done.push({ doc: update.startState.doc.toString(), selection: update.startState.selection });
      if (done.length > historyLimit) done.shift();
    }
    lastChange = now;
    undone = [];
  });

  function restore(view: EditorView, from: Snapshot[], to: Snapshot[]): boolean {
    const snapshot = from.pop();
    if (!snapshot) return false;
    to.push({ doc: view.state.doc.toString(), selection: view.state.selection });
    restoring = true;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: snapshot.doc },
      selection: snapshot.selection,
      userEvent: 'undo',
    });
    restoring = false;
    lastChange = 0;
    return true;
  }

  const keys = keymap.of([
    { key: 'Mod-z', run: (view) => restore(view, done, undone), preventDefault: true },
    { key: 'Mod-y', run: (view) => restore(view, undone, done), preventDefault: true },
    { key: 'Mod-Shift-z', run: (view) => restore(view, undone, done), preventDefault: true },
  ]);
  return [listener, keys];
}

/** Enter keeps the indentation JSON's grammar asks for (lang-json's indent service). */
function newlineAndIndent(view: EditorView): boolean {
  const { state } = view;
  const changes = state.changeByRange((range) => {
    const indent = getIndentation(state, range.from) ?? 0;
    const insert = `\n${indentString(state, indent)}`;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length),
    };
  });
  view.dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input' }));
  return true;
}

export interface JsonEditorHandle {
  setText(text: string): void;
  setErrorAt(position: number | null): void;
  destroy(): void;
}

export function createJsonEditor(
  parent: HTMLElement,
  options: { text: string; label: string; onChange: (text: string) => void },
): JsonEditorHandle {
  let applying = false;
  const shadow = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: shadow,
    root: shadow,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        foldGutter(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        bracketMatching(),
        indentOnInput(),
        json(),
        syntaxHighlighting(jsonHighlight),
        errorField,
        createHistory(),
        keymap.of([{ key: 'Enter', run: newlineAndIndent }]),
        EditorState.tabSize.of(2),
        EditorView.lineWrapping,
        theme,
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          'aria-multiline': 'true',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applying) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      applying = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      applying = false;
    },
    setErrorAt(position) {
      view.dispatch({ effects: setError.of(position) });
    },
    destroy: () => view.destroy(),
  };
}
