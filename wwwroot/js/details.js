// @ts-check
// The details panel: properties of the selected node or relationship, where it comes from (the
// source paragraph with the stating span highlighted), a link to the official document, and the
// actions that apply to it. Emits "action" with { action, id }.

import { captionOf, colorOf, kindOf } from './graph-style.js';
import { el, markedText } from './dom.js';

/** Properties shown elsewhere in the panel, or internal to provenance. */
const HIDDEN = new Set(['id', 'text', 'stub', 'source', 'spanStart', 'spanEnd']);

export class DetailsPanel extends EventTarget {
  /** @param {HTMLElement} root */
  constructor(root) {
    super();
    this.root = root;
    this.placeholder = [...root.childNodes].map((n) => n.cloneNode(true));
    /** @type {string | null} the node whose details are shown */
    this.shownId = null;
  }

  clear() {
    this.shownId = null;
    this.root.replaceChildren(...this.placeholder.map((n) => n.cloneNode(true)));
  }

  /** @param {string} message */
  loading(message) {
    this.root.replaceChildren(el('p', { className: 'hint' }, message));
  }

  /**
   * @param {import('./api.js').NodeDetails} details
   * @param {{ pinned: boolean, fetch?: { available: boolean, busy: boolean, note?: import('./fetch-job.js').FetchNote } }} state
   *   fetch: whether a stub may be fetched from the UN here, whether a fetch runs, and the last word on this one
   */
  showNode(details, state) {
    const { node } = details;
    const p = node.properties;
    const kind = kindOf(node.labels);
    const isDocument = node.labels.includes('Document');
    const title = isDocument ? String(p.symbol ?? node.id) : captionOf(node);
    const action = (/** @type {string} */ name, /** @type {string} */ text, /** @type {string} */ hint) =>
      el('button', { type: 'button', title: hint, 'data-action': name, onclick: () => this.#emit(name, node.id) }, text);

    const children = [
      el('h2', {}, title),
      isDocument && p.title ? el('p', { className: 'subtitle' }, String(p.title)) : null,
      el('div', { className: 'badges' },
        el('span', { className: 'badge', style: `background:${colorOf(kind)};color:#fff` }, kind.replace(/([a-z])([A-Z])/g, '$1 $2')),
        p.body ? el('span', { className: 'badge' }, String(p.body)) : null,
        p.adoptionDate ? el('span', { className: 'badge' }, `adopted ${p.adoptionDate}`) : (p.year ? el('span', { className: 'badge' }, String(p.year)) : null),
        p.stub ? el('span', { className: 'badge stub', title: 'Known only because other documents cite it: the corpus does not hold its text.' }, 'cited only') : null,
        el('span', { className: 'badge' }, `${details.degree} relationship${details.degree === 1 ? '' : 's'}`)),
      el('div', { className: 'actions' },
        action('expand', 'Expand', 'Show the neighbours of this node (clicking a selected node does the same)'),
        isDocument ? action('cites', 'Cites →', 'Show what this document cites') : null,
        isDocument ? action('cited-by', '← Cited by', 'Show what cites this document') : null,
        isDocument ? action('series', 'Series', 'Show the series this document belongs to') : null,
        action('path-from', 'Path from here', 'Use as the start of the path finder'),
        action('path-to', 'Path to here', 'Use as the end of the path finder'),
        action('pin', state.pinned ? 'Unpin' : 'Pin', 'Keep this node where it is when the layout runs'),
        action('dismiss', 'Dismiss', 'Remove this node from the canvas')),
    ];
    this.shownId = node.id;
    // A stub's text can be brought in from the UN's document system where the server takes writes.
    const canFetch = isDocument && p.stub === true && state.fetch?.available === true;
    if (canFetch || state.fetch?.note) {
      children.push(el('div', { className: 'fetch' },
        canFetch ? el('button', {
          type: 'button', className: 'primary', 'data-action': 'fetch', disabled: state.fetch?.busy === true,
          title: 'Download this document from the UN Official Document System and add its text to the graph',
          onclick: () => this.#emit('fetch', node.id),
        }, 'Fetch from the UN') : null,
        el('progress', { className: 'fetch-progress', max: 1, value: 0, hidden: true }),
        el('p', { className: 'fetch-status', 'aria-live': 'polite' })));
    }

    if (p.text) children.push(el('p', { className: 'source-text' }, String(p.text)));
    if (isDocument && !p.stub) {
      children.push(el('p', {}, el('a', { className: 'official', href: details.officialUrl ?? `https://undocs.org/${encodeURI(String(p.symbol ?? node.id))}`, target: '_blank', rel: 'noopener noreferrer' }, 'Official document on undocs.org ↗')));
    } else if (isDocument) {
      children.push(el('p', {}, el('a', { className: 'official', href: details.officialUrl ?? `https://undocs.org/${encodeURI(node.id)}`, target: '_blank', rel: 'noopener noreferrer' }, 'Look it up on undocs.org ↗')));
    }
    children.push(propertyTable(p, node.labels));
    if (details.source) children.push(provenance(details.source, String(p.source ?? '')));
    if (details.paragraphs && details.paragraphs.length > 0) {
      children.push(el('div', { className: 'provenance' }, el('h3', {}, `Paragraphs (${details.paragraphs.length})`),
        el('ul', { className: 'paragraph-list' }, ...details.paragraphs.map((para) => el('li', {},
          el('span', { className: 'num' }, para.properties.kind === 'operative' || para.properties.kind === 'subparagraph' ? `${para.properties.number ?? ''}.` : '¶'),
          para.properties.verb && para.properties.kind !== 'subparagraph' ? el('span', { className: 'verb' }, `${para.properties.verb} `) : null,
          trimVerb(String(para.properties.text ?? ''), para.properties.kind !== 'subparagraph' ? para.properties.verb : null))))));
    }
    this.root.replaceChildren(...children.filter((c) => c !== null));
    if (state.fetch?.note) this.showFetchNote(node.id, state.fetch.note);
  }

  /**
   * Shows how a fetch of a document goes, if that document is the one shown.
   * @param {string} id @param {import('./fetch-job.js').FetchNote} note
   */
  showFetchNote(id, note) {
    if (this.shownId !== id) return;
    const status = /** @type {HTMLElement | null} */ (this.root.querySelector('.fetch-status'));
    const progress = /** @type {HTMLProgressElement | null} */ (this.root.querySelector('.fetch-progress'));
    const button = /** @type {HTMLButtonElement | null} */ (this.root.querySelector('[data-action="fetch"]'));
    if (!status || !progress) return;
    status.textContent = note.text;
    status.dataset.state = note.state;
    progress.hidden = note.state !== 'busy';
    if (note.known) {
      progress.max = note.known;
      progress.value = note.done ?? 0;
    } else {
      progress.removeAttribute('value'); // indeterminate until the server counts
    }
    if (button) button.disabled = note.state === 'busy';
  }

  /**
   * @param {import('./api.js').ApiRelationship} relationship
   * @param {import('./api.js').SourceExcerpt | undefined} source
   */
  showRelationship(relationship, source) {
    this.shownId = null;
    this.root.replaceChildren(...[
      el('h2', {}, relationship.type),
      el('p', { className: 'subtitle' }, `${relationship.start} → ${relationship.end}`),
      el('div', { className: 'actions' },
        el('button', { type: 'button', onclick: () => this.#emit('open', relationship.start) }, 'Open start'),
        el('button', { type: 'button', onclick: () => this.#emit('open', relationship.end) }, 'Open end')),
      propertyTable(relationship.properties, []),
      source ? provenance(source, String(relationship.properties.source ?? '')) : null,
    ].filter((c) => c !== null));
  }

  /** @param {string} action @param {string} id */
  #emit(action, id) {
    this.dispatchEvent(new CustomEvent('action', { detail: { action, id } }));
  }
}

/** @param {Record<string, any>} properties @param {string[]} labels */
function propertyTable(properties, labels) {
  const rows = Object.entries(properties).filter(([key]) => !HIDDEN.has(key));
  if (labels.length > 0) rows.unshift(['labels', labels.join(', ')]);
  return el('table', { className: 'props' }, el('tbody', {}, ...rows.map(([key, value]) =>
    el('tr', {}, el('th', { scope: 'row' }, key), el('td', {}, formatValue(value))))));
}

/** @param {unknown} value @returns {string} */
export function formatValue(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((/** @type {unknown} */ v) => formatValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** @param {import('./api.js').SourceExcerpt} source @param {string} document */
function provenance(source, document) {
  return el('div', { className: 'provenance' },
    el('h3', {}, `Source${document ? `: ${document}` : ''}${source.paragraphId ? ` (${source.paragraphId.split('#')[1] ?? ''})` : ''}`),
    el('p', { className: 'source-text' }, ...markedText(source.text, source.highlightStart, source.highlightEnd)));
}

/** @param {string} text @param {unknown} verb */
function trimVerb(text, verb) {
  return typeof verb === 'string' && text.startsWith(verb) ? text.slice(verb.length).trimStart() : text;
}
