/**
 * A CodeMirror 6 JSON editor built from the parts this project installs (@codemirror/view,
 * state, language, lang-json): highlighting, bracket matching, folding, line numbers, the
 * error position marked in the text, and @codemirror/commands' undo history and editing keys.
 *
 * Under the page's CSP (`style-src 'self'`), CodeMirror's usual <style> element in the document
 * head is blocked. Mounted in a shadow root, it styles itself with a constructable stylesheet
 * (adoptedStyleSheets) and the CSSOM instead, which the policy allows; the theme's custom
 * properties inherit into the shadow tree, so both themes still apply.
 * Tab is left to the browser, so the keyboard can always leave the editor (WCAG 2.1.2).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  HighlightStyle,
  bracketMatching,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { codePointLabel, invisibleCharacterName, invisibleCharacters } from './json-warnings';

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
  // An invisible or bidi control character, drawn as its code point in a box: it can no
  // longer hide or reorder the text around it (the status below names it).
  '.cm-invisible-char': {
    color: 'var(--danger)',
    border: '1px solid var(--danger)',
    borderRadius: '3px',
    padding: '0 2px',
    margin: '0 1px',
    fontSize: '0.8em',
    unicodeBidi: 'isolate',
  },
  '.cm-json-error': {
    textDecoration: 'underline wavy var(--danger)',
    backgroundColor: 'var(--danger-bg)',
  },
});

/**
 * CodeMirror's own placeholders cover some bidi and zero-width characters (U+202D, U+202E,
 * U+200B…) but not all (U+202A–U+202C, U+2068, U+2060); every one of ours is added, and each
 * is shown by its code point rather than a dot, so it can be looked up.
 */
const specialCharacters = highlightSpecialChars({
  addSpecialChars: invisibleCharacters,
  render(code, description) {
    const span = document.createElement('span');
    span.className = 'cm-specialChar cm-invisible-char';
    span.textContent = codePointLabel(code);
    const name = invisibleCharacterName(code);
    const words = name ? `${codePointLabel(code)} ${name}` : (description ?? codePointLabel(code));
    span.title = words;
    span.setAttribute('aria-label', words);
    return span;
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

// aria-invalid on the focusable content element follows the error mark: a screen reader says
// "invalid entry" as it enters the editor, not only the sighted see the wavy line.
const invalidField = StateField.define<boolean>({
  create: () => false,
  update(invalid, transaction) {
    for (const effect of transaction.effects) if (effect.is(setError)) invalid = effect.value !== null;
    return invalid;
  },
  provide: (field) =>
    EditorView.contentAttributes.from(field, (invalid): Record<string, string> =>
      invalid ? { 'aria-invalid': 'true' } : {},
    ),
});

export interface JsonEditorHandle {
  setText(text: string): void;
  setErrorAt(position: number | null): void;
  destroy(): void;
}

export function createJsonEditor(
  parent: HTMLElement,
  options: {
    text: string;
    label: string;
    onChange: (text: string) => void;
    /** The status that says what is wrong (or "Valid JSON"), outside the shadow root. */
    describedBy?: HTMLElement;
  },
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
        specialCharacters,
        bracketMatching(),
        indentOnInput(),
        json(),
        syntaxHighlighting(jsonHighlight),
        errorField,
        invalidField,
        history(),
        // The standard editing keys and undo/redo; Enter keeps the indentation JSON's grammar
        // asks for. Not indentWithTab: Tab must leave the editor.
        keymap.of([...defaultKeymap, ...historyKeymap]),
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
  // An aria-describedby id cannot reach out of the shadow root (ids resolve inside their own
  // tree), but an element reference can point at an element in an enclosing tree (HTML's
  // attr-associated elements, "Reflecting content attributes in IDL attributes").
  if (options.describedBy) view.contentDOM.ariaDescribedByElements = [options.describedBy];
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
