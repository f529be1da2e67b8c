// @ts-check
// The Cypher console: an editor with syntax highlighting (a highlighted <pre> under a transparent
// textarea) and keyword completion, JSON parameters, example queries, history and saved queries.
// It runs the query and emits "result" ({ fields, rows, graph, ms, changed }); the results view
// shows it. It never touches the canvas.

import * as api from './api.js';
import { ApiError } from './api.js';
import { el } from './dom.js';

const KEYWORDS = ['MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'AS', 'ORDER', 'BY', 'ASC', 'DESC', 'SKIP', 'LIMIT',
  'DISTINCT', 'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'STARTS',
  'ENDS', 'CONTAINS', 'UNION', 'ALL', 'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'CALL', 'YIELD', 'EXISTS', 'COUNT'];
const FUNCTIONS = ['count', 'collect', 'size', 'length', 'nodes', 'relationships', 'labels', 'type', 'id', 'keys', 'properties',
  'toLower', 'toUpper', 'toString', 'toInteger', 'coalesce', 'head', 'last', 'min', 'max', 'sum', 'avg', 'shortestPath',
  'startNode', 'endNode', 'substring', 'trim', 'split', 'range', 'reverse', 'exists'];
const GRAPH_WORDS = ['Document', 'Resolution', 'PresidentialStatement', 'Report', 'Paragraph', 'Footnote', 'Organization',
  'Operation', 'Agreement', 'Meeting', 'Session', 'Series', 'CITES', 'HAS_PARAGRAPH', 'HAS_FOOTNOTE', 'MENTIONS', 'PARTY_TO',
  'ADOPTED_AT', 'ADOPTED_FROM', 'IN_SESSION', 'IN_SERIES', 'SUCCEEDS', 'REQUESTS', 'symbol', 'title', 'body', 'year',
  'adoptionDate', 'kind', 'text', 'number', 'verb', 'stub'];

/** Example queries, by who would ask them. */
export const EXAMPLES = [
  { group: 'Researchers', title: 'What 77/13 cites', query: "MATCH (d:Document {id: $id})-[c:CITES]->(x:Document)\nRETURN x.id AS cited, x.title AS title, c.count AS times\nORDER BY cited", params: { id: 'A/RES/77/13' } },
  { group: 'Researchers', title: 'Citation chains up to three steps', query: 'MATCH p = (d:Document {id: $id})-[:CITES*1..3]->(x:Document)\nRETURN p LIMIT 50', params: { id: 'A/RES/77/13' } },
  { group: 'Researchers', title: 'Paragraphs that cite a resolution', query: 'MATCH (p:Paragraph)-[c:CITES]->(x:Document {id: $id})\nRETURN p.id AS paragraph, c.verb AS verb, p.text AS text', params: { id: 'S/RES/1631 (2005)' } },
  { group: 'Analysts', title: 'Most cited documents', query: 'MATCH (d:Document)<-[c:CITES]-(:Document)\nRETURN d.id AS document, d.title AS title, count(c) AS citedBy\nORDER BY citedBy DESC LIMIT 20', params: {} },
  { group: 'Analysts', title: 'Organisations mentioned most', query: 'MATCH (p:Paragraph)-[:MENTIONS]->(o:Organization)\nRETURN o.name AS organisation, count(p) AS paragraphs\nORDER BY paragraphs DESC LIMIT 20', params: {} },
  { group: 'Analysts', title: 'Documents per body and year', query: 'MATCH (d:Document)\nWHERE d.stub IS NULL\nRETURN d.body AS body, d.year AS year, count(d) AS documents\nORDER BY year, body', params: {} },
  { group: 'Educators', title: 'A resolution and its paragraphs', query: 'MATCH (d:Document {id: $id})-[:HAS_PARAGRAPH]->(p:Paragraph)\nRETURN d, p ORDER BY p.ordinal', params: { id: 'A/RES/71/12' } },
  { group: 'Educators', title: 'A series, oldest first', query: 'MATCH (d:Document)-[:IN_SERIES]->(s:Series)\nRETURN s.title AS series, d.id AS document, d.adoptionDate AS adopted\nORDER BY series, adopted', params: {} },
  { group: 'Educators', title: 'What the Security Council said', query: "MATCH (d:Document)\nWHERE d.body = 'Security Council' AND d.stub IS NULL\nRETURN d.id AS symbol, d.title AS title, d.adoptionDate AS adopted\nORDER BY adopted", params: {} },
];

export class CypherConsole extends EventTarget {
  /**
   * @param {{ input: HTMLTextAreaElement, highlight: HTMLElement, completions: HTMLUListElement, params: HTMLTextAreaElement,
   *   run: HTMLButtonElement, examples: HTMLSelectElement, summary: HTMLElement, error: HTMLElement,
   *   history: HTMLSelectElement, saved: HTMLSelectElement, save: HTMLButtonElement, forget: HTMLButtonElement }} elements
   * @param {import('./query-store.js').QueryStore} store
   */
  constructor(elements, store) {
    super();
    this.e = elements;
    this.store = store;
    /** @type {string[]} */
    this.suggestions = [];
    this.active = 0;
    const { input, run, examples } = elements;
    input.addEventListener('input', () => { this.#paint(); this.#complete(); });
    input.addEventListener('scroll', () => { elements.highlight.scrollTop = input.scrollTop; });
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('blur', () => setTimeout(() => { elements.completions.hidden = true; }, 150));
    elements.params.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); this.run(); }
    });
    run.addEventListener('click', () => this.run());
    this.#wireStore();
    let group = '';
    /** @type {HTMLOptGroupElement | null} */
    let optgroup = null;
    EXAMPLES.forEach((example, index) => {
      if (example.group !== group) {
        group = example.group;
        optgroup = el('optgroup', { label: `For ${group.toLowerCase()}` });
        examples.append(optgroup);
      }
      optgroup?.append(el('option', { value: String(index) }, example.title));
    });
    examples.addEventListener('change', () => {
      const example = EXAMPLES[Number(examples.value)];
      if (!example) return;
      this.setQuery(example.query, example.params);
      examples.value = '';
    });
    this.#paint();
  }

  #wireStore() {
    const { history, saved, save, forget } = this.e;
    const fill = () => {
      history.replaceChildren(el('option', { value: '' }, `History (${this.store.history.length})…`),
        ...this.store.history.map((h, i) => el('option', { value: String(i), title: h.query }, oneLine(h.query))));
      saved.replaceChildren(el('option', { value: '' }, `Saved (${this.store.saved.length})…`),
        ...this.store.saved.map((q, i) => el('option', { value: String(i), title: q.query }, q.name)));
      forget.disabled = this.store.saved.length === 0;
    };
    this.store.addEventListener('change', fill);
    fill();
    history.addEventListener('change', () => {
      const entry = this.store.history[Number(history.value)];
      if (entry && history.value !== '') this.setQuery(entry.query, undefined, entry.params);
      history.value = '';
    });
    saved.addEventListener('change', () => {
      const entry = this.store.saved[Number(saved.value)];
      if (entry && saved.value !== '') this.setQuery(entry.query, undefined, entry.params);
    });
    save.addEventListener('click', () => {
      const name = window.prompt('Save this query as:', oneLine(this.query).slice(0, 60));
      if (name) this.store.save(name, this.query, this.paramsText);
    });
    forget.addEventListener('click', () => {
      const entry = this.store.saved[Number(saved.value)];
      if (entry) this.store.forget(entry.name);
    });
  }

  get query() { return this.e.input.value; }

  get paramsText() { return this.e.params.value; }

  /** @param {string} query @param {Record<string, any>} [params] @param {string} [paramsText] */
  setQuery(query, params, paramsText) {
    this.e.input.value = query;
    if (params) this.e.params.value = JSON.stringify(params);
    else if (paramsText !== undefined) this.e.params.value = paramsText;
    this.#paint();
  }

  async run() {
    const { summary, error, run } = this.e;
    error.hidden = true;
    /** @type {Record<string, any>} */
    let parameters = {};
    try {
      const text = this.e.params.value.trim();
      parameters = text ? JSON.parse(text) : {};
      if (typeof parameters !== 'object' || Array.isArray(parameters) || parameters === null) throw new Error('Parameters must be a JSON object, such as {"id": "A/RES/77/13"}.');
    } catch (e) {
      this.#showError(`Parameters are not valid JSON: ${e instanceof Error ? e.message : e}`);
      return;
    }
    run.disabled = true;
    summary.textContent = 'Running…';
    const started = performance.now();
    try {
      const result = await api.cypher(this.query, parameters);
      const ms = Math.round(performance.now() - started);
      const rows = result.data.values.map((row) => row.map(fromTyped));
      const graph = collectGraph(rows);
      const changed = Boolean(result.counters && result.counters.containsUpdates);
      this.store.remember(this.query, this.paramsText);
      this.#paint();
      this.dispatchEvent(new CustomEvent('ran', { detail: { query: this.query, params: this.paramsText } }));
      this.dispatchEvent(new CustomEvent('result', { detail: { fields: result.data.fields, rows, graph, ms, changed } }));
    } catch (e) {
      summary.textContent = '';
      const problem = e instanceof ApiError ? e.problem?.errors?.[0] : null;
      this.#showError(e instanceof Error ? e.message : String(e), problem?.position);
      this.dispatchEvent(new CustomEvent('failed'));
    } finally {
      run.disabled = false;
    }
  }

  /**
   * @param {string} message
   * @param {{ offset: number, line: number, column: number } | undefined} [position]
   */
  #showError(message, position) {
    const { error } = this.e;
    error.hidden = false;
    const where = position ? `Line ${position.line}, column ${position.column}: ` : '';
    error.textContent = `${where}${message}`;
    this.#paint(position?.offset);
  }

  /** Redraws the highlighted copy of the query under the textarea. @param {number} [errorOffset] */
  #paint(errorOffset) {
    const text = this.e.input.value;
    const nodes = [];
    for (const token of tokenize(text)) {
      const isError = errorOffset !== undefined && errorOffset >= token.start && errorOffset < token.start + Math.max(token.text.length, 1) && token.kind !== 'space';
      const className = [token.kind !== 'plain' && token.kind !== 'space' ? `tok-${token.kind}` : '', isError ? 'tok-error' : ''].join(' ').trim();
      nodes.push(className ? el('span', { className }, token.text) : document.createTextNode(token.text));
    }
    nodes.push(document.createTextNode('\n')); // keeps the last line's height when it is empty
    this.e.highlight.replaceChildren(...nodes);
  }

  #complete() {
    const { input, completions } = this.e;
    const before = input.value.slice(0, input.selectionStart);
    const match = /[A-Za-z_][A-Za-z_0-9]*$/.exec(before);
    const word = match?.[0] ?? '';
    if (word.length < 2) { completions.hidden = true; return; }
    const lower = word.toLowerCase();
    this.suggestions = [...KEYWORDS, ...FUNCTIONS, ...GRAPH_WORDS]
      .filter((w) => w.toLowerCase().startsWith(lower) && w.toLowerCase() !== lower).slice(0, 8);
    if (this.suggestions.length === 0) { completions.hidden = true; return; }
    this.active = 0;
    const lines = before.split('\n');
    const line = lines.length - 1;
    const column = lines[line].length - word.length;
    completions.style.top = `${(line + 1) * 19.5 + 8 - input.scrollTop}px`;
    completions.style.left = `${Math.min(column * 7.8 + 8, input.clientWidth - 150)}px`;
    this.#renderCompletions();
    completions.hidden = false;
  }

  #renderCompletions() {
    this.e.completions.replaceChildren(...this.suggestions.map((s, i) => el('li', {
      role: 'option', 'aria-selected': String(i === this.active),
      onmousedown: (/** @type {MouseEvent} */ e) => { e.preventDefault(); this.#accept(s); },
    }, s)));
  }

  /** @param {string} suggestion */
  #accept(suggestion) {
    const { input, completions } = this.e;
    const position = input.selectionStart;
    const before = input.value.slice(0, position).replace(/[A-Za-z_][A-Za-z_0-9]*$/, suggestion);
    input.value = before + input.value.slice(position);
    input.selectionStart = input.selectionEnd = before.length;
    completions.hidden = true;
    this.#paint();
  }

  /** @param {KeyboardEvent} event */
  #onKey(event) {
    const open = !this.e.completions.hidden;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.e.completions.hidden = true;
      this.run();
    } else if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.suggestions.length) % this.suggestions.length;
      this.#renderCompletions();
    } else if (open && (event.key === 'Tab' || event.key === 'Enter')) {
      event.preventDefault();
      this.#accept(this.suggestions[this.active]);
    } else if (event.key === 'Escape') {
      this.e.completions.hidden = true;
    } else if (event.key === 'Tab') {
      event.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
  }
}

/**
 * Splits Cypher into tokens for highlighting. It need not be a parser: the server reports real errors.
 * @param {string} text
 * @returns {{ kind: string, text: string, start: number }[]}
 */
export function tokenize(text) {
  const pattern = /(\/\/[^\n]*)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\$[A-Za-z_][A-Za-z_0-9]*)|(:\s*`?[A-Za-z_][A-Za-z_0-9]*`?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z_0-9]*)|(\s+)|(.)/gs;
  const keywords = new Set(KEYWORDS);
  const functions = new Set(FUNCTIONS.map((f) => f.toLowerCase()));
  const tokens = [];
  let match;
  while ((match = pattern.exec(text)) !== null) {
    const [whole, comment, string, param, label, number, word, space] = match;
    let kind = 'plain';
    if (comment) kind = 'comment';
    else if (string) kind = 'string';
    else if (param) kind = 'param';
    else if (label) kind = 'label';
    else if (number) kind = 'number';
    else if (word) {
      const next = text.slice(pattern.lastIndex).match(/^\s*\(/);
      kind = keywords.has(word.toUpperCase()) ? 'keyword' : next && functions.has(word.toLowerCase()) ? 'function' : 'plain';
    } else if (space) kind = 'space';
    tokens.push({ kind, text: whole, start: match.index });
  }
  return tokens;
}

/**
 * Turns a typed-JSON value of the Query API into plain JavaScript; nodes and relationships keep a marker.
 * @param {any} value
 * @returns {any}
 */
export function fromTyped(value) {
  if (value === null || typeof value !== 'object' || !('$type' in value)) return value;
  const v = value._value;
  switch (value.$type) {
    case 'Null': return null;
    case 'Integer': { const n = Number(v); return Number.isSafeInteger(n) ? n : v; }
    case 'Float': return Number(v);
    case 'List': return v.map(fromTyped);
    case 'Map': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromTyped(x)]));
    case 'Node': return { $node: true, id: v._properties?.id?._value ?? v._element_id, elementId: v._element_id, labels: v._labels, properties: fromTyped({ $type: 'Map', _value: v._properties }) };
    case 'Relationship': return { $relationship: true, elementId: v._element_id, start: v._start_node_element_id, end: v._end_node_element_id, type: v._type, properties: fromTyped({ $type: 'Map', _value: v._properties }) };
    case 'Path': return { $path: true, elements: v.map(fromTyped) };
    default: return v;
  }
}

/**
 * The nodes and relationships found anywhere in the rows, in the API's shape. Relationships refer to
 * nodes by element id; they are mapped back to node ids.
 * @param {any[][]} rows
 */
export function collectGraph(rows) {
  /** @type {Map<string, any>} */ const nodes = new Map();
  /** @type {Map<string, any>} */ const relationships = new Map();
  /** @type {Map<string, string>} */ const idOfElement = new Map();
  /** @param {any} value */
  const visit = (value) => {
    if (value === null || typeof value !== 'object') return;
    if (value.$node) {
      idOfElement.set(value.elementId, value.id);
      nodes.set(value.id, { id: value.id, labels: value.labels, properties: value.properties });
    } else if (value.$relationship) relationships.set(value.elementId, value);
    else if (value.$path) value.elements.forEach(visit);
    else if (Array.isArray(value)) value.forEach(visit);
    else Object.values(value).forEach(visit);
  };
  rows.forEach((row) => row.forEach(visit));
  const rels = [...relationships.values()]
    .map((r) => {
      const start = idOfElement.get(r.start) ?? r.start;
      const end = idOfElement.get(r.end) ?? r.end;
      return { id: r.elementId, type: r.type, start, end, properties: r.properties };
    })
    .filter((r) => nodes.has(r.start) && nodes.has(r.end));
  return { nodes: [...nodes.values()], relationships: rels };
}

/** The first line of a query, for a list. @param {string} query */
function oneLine(query) {
  return query.replace(/\s+/g, ' ').trim();
}
