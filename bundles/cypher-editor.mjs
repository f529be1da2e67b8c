// The explorer's Cypher editor: CodeMirror 6 with Neo4j's own Cypher language support
// (@neo4j-cypher/language-support: its parser's syntax colouring, its linter and its completion).
// Neo4j publishes the CodeMirror binding of that package only as a React component, and the explorer has
// no React, so this module joins the two: a decoration per coloured token, a linter source and a
// completion source, each a call into the language support with the schema the page gives it.
// Bundled with esbuild into one ES module (npm run bundle), which LibMan copies into wwwroot/lib.

import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { EditorView, Decoration, ViewPlugin, keymap, placeholder as placeholderText } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap, startCompletion } from '@codemirror/autocomplete';
import { linter, lintGutter, forceLinting, setDiagnostics } from '@codemirror/lint';
import { bracketMatching } from '@codemirror/language';
import { autocomplete, highlightSyntax, lintCypherQuery } from '@neo4j-cypher/language-support';

/** The schema the language support completes and checks against; replaced whole by setSchema. */
const setSchemaEffect = StateEffect.define();
const schemaField = StateField.define({
  create: () => ({}),
  update: (value, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setSchemaEffect)) return effect.value;
    return value;
  },
});

/** Colours each token the language support's parser names (keyword, label, function, variable, …). */
const colouring = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = colour(view.state.doc.toString()); }
  update(update) { if (update.docChanged) this.decorations = colour(update.state.doc.toString()); }
}, { decorations: (plugin) => plugin.decorations });

function colour(text) {
  const marks = [];
  for (const token of highlightSyntax(text)) {
    if (token.length <= 0 || token.tokenType === 'none') continue;
    const from = token.position.startOffset;
    marks.push(Decoration.mark({ class: `cm-cypher-${token.tokenType}` }).range(from, from + token.length));
  }
  marks.sort((a, b) => a.from - b.from || a.to - b.to);
  return Decoration.set(marks, true);
}

/** The language support's diagnostics: syntax errors, and labels, types, properties or functions the store lacks. */
const cypherLinter = linter((view) => {
  const text = view.state.doc.toString();
  if (text.trim() === '') return [];
  const { diagnostics } = lintCypherQuery(text, view.state.field(schemaField), { consoleCommandsEnabled: false });
  return diagnostics.map((d) => ({
    from: Math.min(d.offsets.start, text.length),
    to: Math.min(Math.max(d.offsets.end, d.offsets.start), text.length),
    severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
    message: d.message,
    source: 'Cypher',
  }));
}, { delay: 250 });

/** LSP completion kinds (the numbers of vscode-languageserver-types) to CodeMirror's completion types. */
const KIND = {
  1: 'text', 2: 'method', 3: 'function', 5: 'property', 6: 'variable', 7: 'class', 8: 'interface', 9: 'namespace', 10: 'property',
  12: 'constant', 13: 'enum', 14: 'keyword', 20: 'enum', 21: 'constant', 22: 'type', 24: 'keyword', 25: 'type',
};

function cypherCompletions(context) {
  // The word being typed: after "n." only the property's name is replaced, after "$" only the parameter's.
  const word = context.matchBefore(/[\w`]*/);
  const text = context.state.doc.toString();
  // Completion is offered while a word is typed, after ":" (labels, types) and "." (properties), or when asked (Ctrl+Space).
  const before = text.slice(0, context.pos);
  if (!context.explicit && (!word || word.from === word.to) && !/[:.(\s$]$/.test(before)) return null;
  let items;
  try {
    items = autocomplete(text, context.state.field(schemaField), { caretPosition: context.pos, manual: context.explicit });
  } catch {
    return null; // the language support cannot complete every half-typed statement; typing on is no error
  }
  if (!items || items.length === 0) return null;
  const from = word ? word.from : context.pos;
  return {
    from,
    validFor: /^[\w`]*$/,
    options: items.map((item) => ({
      label: item.label,
      type: KIND[item.kind] ?? 'text',
      detail: item.signature ?? item.detail,
      info: item.documentation ? String(typeof item.documentation === 'string' ? item.documentation : item.documentation.value) : undefined,
      apply: item.insertText && !item.insertTextFormat ? item.insertText : item.label,
    })),
  };
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-content': { padding: '6px 0' },
});

/**
 * Replaces a textarea with the editor, keeping the textarea (hidden) in step so that forms and tests that read it still do.
 * @param {HTMLTextAreaElement} textarea
 * @param {{ onRun?: () => void, onChange?: (text: string) => void }} [options]
 */
export function createCypherEditor(textarea, options = {}) {
  const parent = document.createElement('div');
  parent.className = 'cypher-codemirror';
  textarea.after(parent);
  textarea.hidden = true;
  const run = () => { options.onRun?.(); return true; };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        schemaField,
        history(),
        closeBrackets(),
        bracketMatching(),
        colouring,
        cypherLinter,
        lintGutter(),
        autocompletion({ override: [cypherCompletions], activateOnTyping: true, icons: true }),
        keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, ...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, indentWithTab, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': textarea.getAttribute('aria-label') ?? 'Cypher query' }),
        placeholderText('MATCH (d:Document) RETURN d LIMIT 25'),
        theme,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          options.onChange?.(textarea.value);
        }),
      ],
    }),
  });
  // A person (or a test) that fills the hidden textarea still edits the query.
  textarea.addEventListener('input', () => {
    if (textarea.value !== view.state.doc.toString()) setText(textarea.value);
  });

  /** @param {string} text */
  function setText(text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }

  return {
    view,
    get text() { return view.state.doc.toString(); },
    setText,
    /** @param {object} schema the language support's DbSchema */
    setSchema(schema) {
      view.dispatch({ effects: setSchemaEffect.of(schema) });
      forceLinting(view);
    },
    /** Marks the error the server reported at a position, beside the linter's own. @param {number} offset @param {string} message */
    markServerError(offset, message) {
      const length = view.state.doc.length;
      const from = Math.max(0, Math.min(offset, length));
      const word = /^\w+/.exec(view.state.doc.sliceString(from, Math.min(length, from + 80)));
      view.dispatch(setDiagnostics(view.state, [{ from, to: Math.min(length, from + (word ? word[0].length : 1)), severity: 'error', message, source: 'server' }]));
    },
    focus() { view.focus(); },
    complete() { return startCompletion(view); },
  };
}
