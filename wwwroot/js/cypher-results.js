// @ts-check
// A Cypher result in a view of its own, as Neo4j Browser shows it: a table (a page at a time), a graph
// (its own GraphView, so the main canvas is never wiped) and the rows as JSON. "Add to canvas" is the
// person's choice: it emits "add" with the result's nodes and relationships.

import { el } from './dom.js';
import { captionOf } from './graph-style.js';
import { formatValue } from './details.js';
import { GraphView } from './graph-view.js';

/** Rows on one page of the table (and of the JSON view). */
export const PAGE_SIZE = 100;

/** @typedef {'table' | 'graph' | 'json'} ResultTab */
/**
 * @typedef {{ fields: string[], rows: any[][], graph: import('./api.js').ApiGraph, ms: number, changed: boolean }} CypherResult
 */

export class CypherResults extends EventTarget {
  /**
   * @param {{ tabs: HTMLElement, summary: HTMLElement, toCanvas: HTMLButtonElement, table: HTMLTableElement, prev: HTMLButtonElement,
   *   next: HTMLButtonElement, page: HTMLElement, graph: HTMLElement, json: HTMLElement, views: HTMLElement[] }} elements
   */
  constructor(elements) {
    super();
    this.e = elements;
    /** @type {CypherResult | null} */
    this.result = null;
    this.pageIndex = 0;
    /** @type {ResultTab} */
    this.tab = 'table';
    /** @type {GraphView | null} created when the graph tab is first shown: Cytoscape needs a container with a size */
    this.graphView = null;
    this.graphDrawn = false;
    for (const button of elements.tabs.querySelectorAll('[role="tab"]')) {
      button.addEventListener('click', () => this.show(/** @type {ResultTab} */ (button.getAttribute('data-view'))));
    }
    elements.prev.addEventListener('click', () => this.#page(this.pageIndex - 1));
    elements.next.addEventListener('click', () => this.#page(this.pageIndex + 1));
    elements.toCanvas.addEventListener('click', () => {
      if (this.result) this.dispatchEvent(new CustomEvent('add', { detail: this.result.graph }));
    });
  }

  /** A new result: a graph when it holds nodes (as Neo4j Browser does), otherwise a table. @param {CypherResult} result */
  showResult(result) {
    this.result = result;
    this.pageIndex = 0;
    this.graphDrawn = false;
    const { rows, graph, ms, changed } = result;
    this.e.summary.textContent = `${rows.length.toLocaleString('en')} row${rows.length === 1 ? '' : 's'} in ${ms} ms · ` +
      `${graph.nodes.length.toLocaleString('en')} nodes, ${graph.relationships.length.toLocaleString('en')} relationships${changed ? ' · graph changed' : ''}` +
      (graph.nodes.some((n) => n.omitted) ? ' · long texts left out: select a node for them' : '');
    this.e.toCanvas.disabled = graph.nodes.length === 0;
    this.#renderPage();
    this.show(graph.nodes.length > 0 ? 'graph' : 'table');
  }

  clear() {
    this.result = null;
    this.e.summary.textContent = '';
    this.e.toCanvas.disabled = true;
    this.e.table.replaceChildren();
    this.e.json.textContent = '';
    this.e.page.textContent = '';
    this.e.prev.disabled = this.e.next.disabled = true;
    this.graphView?.clear();
  }

  /** @param {ResultTab} tab */
  show(tab) {
    this.tab = tab;
    for (const button of this.e.tabs.querySelectorAll('[role="tab"]')) button.setAttribute('aria-selected', String(button.getAttribute('data-view') === tab));
    for (const view of this.e.views) view.hidden = view.dataset.view !== tab;
    if (tab === 'graph') this.#drawGraph();
    this.dispatchEvent(new CustomEvent('tab', { detail: { tab } }));
  }

  /** The result's graph in the results' own view, laid out for its size. */
  #drawGraph() {
    if (!this.result || this.graphDrawn) { this.graphView?.cy.resize(); return; }
    if (!this.graphView) {
      this.graphView = new GraphView(this.e.graph);
      // A double-click on a node of the result opens it on the main canvas.
      this.graphView.addEventListener('expand', (event) => this.dispatchEvent(new CustomEvent('open', { detail: { id: /** @type {CustomEvent} */ (event).detail.id } })));
      // A click on an element of the result shows its details, as on the canvas.
      this.graphView.addEventListener('select', (event) => this.dispatchEvent(new CustomEvent('select', { detail: /** @type {CustomEvent} */ (event).detail })));
    }
    this.graphView.clear();
    this.graphView.cy.resize();
    this.graphView.layoutName = 'force';
    this.graphView.add(this.result.graph);
    this.graphDrawn = true;
  }

  /** @param {number} index */
  #page(index) {
    if (!this.result) return;
    const pages = Math.max(1, Math.ceil(this.result.rows.length / PAGE_SIZE));
    this.pageIndex = Math.max(0, Math.min(pages - 1, index));
    this.#renderPage();
  }

  #renderPage() {
    if (!this.result) return;
    const { fields, rows } = this.result;
    const first = this.pageIndex * PAGE_SIZE;
    const pageRows = rows.slice(first, first + PAGE_SIZE);
    const open = (/** @type {string} */ id) => this.dispatchEvent(new CustomEvent('open', { detail: { id } }));
    const head = el('thead', {}, el('tr', {}, ...fields.map((f) => el('th', { scope: 'col' }, f))));
    const body = el('tbody', {}, ...pageRows.map((row) => el('tr', {}, ...row.map((value) => cell(value, open)))));
    this.e.table.replaceChildren(head, body);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    this.e.page.textContent = rows.length === 0 ? 'No rows' :
      `Rows ${(first + 1).toLocaleString('en')}–${(first + pageRows.length).toLocaleString('en')} of ${rows.length.toLocaleString('en')} · page ${this.pageIndex + 1} of ${pages}`;
    this.e.prev.disabled = this.pageIndex === 0;
    this.e.next.disabled = this.pageIndex >= pages - 1;
    this.e.json.textContent = JSON.stringify(pageRows.map((row) => Object.fromEntries(fields.map((f, i) => [f, plain(row[i])]))), null, 2);
  }
}

/** A value as JSON shows it: nodes and relationships without the client's markers. @param {any} value @returns {any} */
function plain(value) {
  if (value === null || typeof value !== 'object') return value;
  if (value.$node) return value.omitted ? { id: value.id, labels: value.labels, properties: value.properties, omitted: value.omitted }
    : { id: value.id, labels: value.labels, properties: value.properties };
  if (value.$relationship) return { type: value.type, properties: value.properties };
  if (value.$path) return value.elements.map(plain);
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/** @param {any} value @param {(id: string) => void} open */
function cell(value, open) {
  if (value === null || value === undefined) return el('td', { className: 'null' }, 'null');
  if (value.$node) {
    return el('td', {}, el('span', { className: 'value-node', title: `${value.labels.join(':')} — click to open`, onclick: () => open(value.id) },
      `(${captionOf(value)})`));
  }
  if (value.$relationship) return el('td', {}, `[:${value.type}]`);
  if (value.$path) {
    return el('td', {}, value.elements.map((/** @type {any} */ e) => e.$node ? `(${captionOf(e)})` : e.$relationship ? `-[:${e.type}]-` : '').join(''));
  }
  return el('td', { title: typeof value === 'string' ? value : '' }, formatValue(value));
}
