// @ts-check
// The Cypher console: the query editor, JSON parameters, example queries, history and saved queries.
// The editor is CodeMirror with Neo4j's own Cypher language support (syntax colouring, linting and
// completion of labels, relationship types, properties, functions and procedures from /api/schema),
// loaded the first time the console is shown; until then, and if it cannot load, the query is a plain
// textarea. It runs the query and emits "result" ({ fields, rows, graph, ms, changed }); the results
// view shows it. It never touches the canvas.

import * as api from './api.js';
import { ApiError } from './api.js';
import { el } from './dom.js';

/** The editor module: a bundle of CodeMirror and the language support, 6.8 MB, so it is loaded only when wanted. */
const EDITOR_MODULE = '../lib/cypher-editor.mjs';

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
   * @param {{ input: HTMLTextAreaElement, params: HTMLTextAreaElement,
   *   run: HTMLButtonElement, examples: HTMLSelectElement, summary: HTMLElement, error: HTMLElement,
   *   history: HTMLSelectElement, saved: HTMLSelectElement, save: HTMLButtonElement, forget: HTMLButtonElement }} elements
   * @param {import('./query-store.js').QueryStore} store
   */
  constructor(elements, store) {
    super();
    this.e = elements;
    this.store = store;
    /** @type {any} the editor, once loaded (see loadEditor) */
    this.editor = null;
    /** @type {Promise<void> | null} */
    this.editorLoading = null;
    /** @type {import('./api.js').GraphSchema | null} */
    this.schema = null;
    /** True once loadEditor is done, with the editor or (when it could not load) without it. */
    this.editorReady = false;
    const { input, run, examples } = elements;
    for (const box of [input, elements.params]) {
      box.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); this.run(); }
      });
    }
    // Parameters the query names but the box does not give are marked in the editor.
    elements.params.addEventListener('input', () => this.#updateSchema());
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
  }

  /**
   * Replaces the textarea with the editor and gives it the graph's schema. Called when the console is first shown;
   * later calls wait for the same load.
   * @returns {Promise<void>}
   */
  loadEditor() {
    this.editorLoading ??= (async () => {
      try {
        const module = await import(EDITOR_MODULE);
        this.editor = module.createCypherEditor(this.e.input, { onRun: () => this.run() });
      } catch (error) {
        // The plain textarea still runs queries; the person loses colouring and completion, not the console.
        console.info('The Cypher editor could not be loaded; the query box stays plain.', error);
        this.editorReady = true;
        return;
      }
      try {
        this.schema = await api.schema();
      } catch {
        this.schema = null; // completion then knows Cypher's keywords only
      }
      this.#updateSchema();
      this.editorReady = true;
      this.dispatchEvent(new CustomEvent('editor'));
    })();
    return this.editorLoading;
  }

  /** Gives the editor the schema, with the parameters the box defines. */
  #updateSchema() {
    if (!this.editor) return;
    this.editor.setSchema(toDbSchema(this.schema, parseParameters(this.e.params.value)));
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
    this.editor?.setText(query);
    const paramsBefore = this.e.params.value;
    if (params) this.e.params.value = JSON.stringify(params);
    else if (paramsText !== undefined) this.e.params.value = paramsText;
    // The editor's schema holds the parameters: it changes only with them. Giving it again made the editor check the
    // query at once, which took 0.1–0.25 s of every query chosen from the history or the examples.
    if (this.e.params.value !== paramsBefore) this.#updateSchema();
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
      // Brief: a node's long texts stay on the server until a person selects it (the details panel asks for them).
      const result = await api.cypher(this.query, parameters, { brief: true });
      const ms = Math.round(performance.now() - started);
      const rows = result.data.values.map((row) => row.map(fromTyped));
      const graph = collectGraph(rows);
      const changed = Boolean(result.counters && result.counters.containsUpdates);
      this.store.remember(this.query, this.paramsText);
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
    // The server's error is marked where it is, beside what the editor's own checks found.
    if (position && this.editor) this.editor.markServerError(position.offset, message);
  }
}

/**
 * The language support's schema (its DbSchema) from the server's: the functions and procedures registered under
 * both Cypher versions it knows, with the signatures the server gives.
 * @param {import('./api.js').GraphSchema | null} schema
 * @param {Record<string, unknown> | undefined} parameters
 */
export function toDbSchema(schema, parameters) {
  if (!schema) return parameters ? { parameters } : {};
  const functions = Object.fromEntries(schema.functions.map((f) => [f.name, {
    name: f.name, category: f.category, description: f.signature, isBuiltIn: true, argumentDescription: [],
    returnDescription: f.signature.slice(f.signature.lastIndexOf('::') + 2).trim(), signature: f.signature,
    aggregating: f.aggregating, isDeprecated: false,
  }]));
  const procedures = Object.fromEntries(schema.procedures.map((p) => [p.name, {
    name: p.name, description: p.description, mode: 'READ', worksOnSystem: false, argumentDescription: [],
    returnDescription: p.yields.map((name) => ({ name, description: '', type: 'ANY', isDeprecated: false })),
    signature: p.signature, admin: false, option: { deprecated: false },
  }]));
  return {
    labels: schema.labels,
    relationshipTypes: schema.relationshipTypes,
    propertyKeys: schema.propertyKeys,
    functions: { 'CYPHER 5': functions, 'CYPHER 25': functions },
    procedures: { 'CYPHER 5': procedures, 'CYPHER 25': procedures },
    ...(parameters ? { parameters } : {}),
  };
}

/** The parameters box as an object, or undefined while it is not a JSON object. @param {string} text */
function parseParameters(text) {
  try {
    const value = text.trim() ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
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
    case 'Node': {
      const node = { $node: true, id: v._properties?.id?._value ?? v._element_id, elementId: v._element_id, labels: v._labels, properties: fromTyped({ $type: 'Map', _value: v._properties }) };
      return v._omitted ? { ...node, omitted: v._omitted } : node;
    }
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
      nodes.set(value.id, value.omitted ? { id: value.id, labels: value.labels, properties: value.properties, omitted: value.omitted }
        : { id: value.id, labels: value.labels, properties: value.properties });
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
