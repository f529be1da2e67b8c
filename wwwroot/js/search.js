// @ts-check
// The search box: asks the server as the user types, lists ranked hits, and emits "open" with the
// chosen hit's id (Enter opens the first hit of what is typed, waiting for its answer if need be).

import * as api from './api.js';
import { colorOf } from './graph-style.js';
import { debounce, el } from './dom.js';

export class SearchBox extends EventTarget {
  /**
   * @param {HTMLInputElement} input
   * @param {HTMLUListElement} list
   * @param {(error: unknown) => void} onError
   */
  constructor(input, list, onError) {
    super();
    this.input = input;
    this.list = list;
    this.onError = onError;
    /** @type {import('./api.js').SearchHit[]} */
    this.hits = [];
    this.active = -1;
    /** The query the listed hits answer: the list can still show an earlier one while a later keystroke is asked. */
    this.hitsFor = '';
    /** A query whose first hit Enter asked for before its hits arrived: opened when they do. */
    this.openWhenAnswered = '';
    this.sequence = 0;
    const lookup = debounce(() => this.#lookup(), 180);
    input.addEventListener('input', lookup);
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('focus', () => this.hits.length > 0 && this.#show(true));
    document.addEventListener('click', (event) => {
      if (!(event.target instanceof Node) || !input.parentElement?.contains(event.target)) this.#show(false);
    });
  }

  async #lookup() {
    const q = this.input.value.trim();
    const sequence = ++this.sequence;
    if (q.length < 2) {
      this.hits = [];
      this.hitsFor = q;
      this.#render();
      return;
    }
    try {
      const result = await api.search(q);
      if (sequence !== this.sequence) return; // a later keystroke already asked again
      this.hits = result.hits;
      this.hitsFor = q;
      this.active = this.hits.length > 0 ? 0 : -1;
      this.#render();
      if (this.openWhenAnswered === q && this.input.value.trim() === q) {
        this.openWhenAnswered = '';
        if (this.hits.length > 0) this.#open(0);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  #render() {
    const q = this.input.value.trim();
    const items = this.hits.map((hit, index) =>
      el('li', {
        role: 'option', id: `search-hit-${index}`, 'data-id': hit.id, 'aria-selected': String(index === this.active),
        onmousedown: (/** @type {MouseEvent} */ e) => { e.preventDefault(); this.#open(index); },
      },
      el('span', { className: 'swatch', style: `background:${colorOf(hit.kind)}` }),
      el('span', { className: 'title' }, hit.label),
      el('span', { className: 'kind' }, hit.stub ? `${humanKind(hit.kind)} (cited only)` : humanKind(hit.kind)),
      hit.snippet ? el('span', { className: 'snippet' }, hit.snippet) : null));
    if (items.length === 0 && q.length >= 2) items.push(el('li', { className: 'empty' }, `Nothing matches “${q}”.`));
    this.list.replaceChildren(...items);
    this.#show(items.length > 0);
  }

  /** @param {boolean} visible */
  #show(visible) {
    this.list.hidden = !visible;
    this.input.setAttribute('aria-expanded', String(visible));
  }

  /** @param {KeyboardEvent} event */
  #onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      event.preventDefault();
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.hits.length) % this.hits.length;
      this.#render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const q = this.input.value.trim();
      if (this.hitsFor === q && this.hits.length > 0) this.#open(Math.max(this.active, 0));
      else {
        // The list shows hits for what was typed before (or none yet): open the first hit of what is typed now.
        this.openWhenAnswered = q;
        this.#lookup();
      }
    } else if (event.key === 'Escape') {
      this.#show(false);
    }
  }

  /** @param {number} index */
  #open(index) {
    const hit = this.hits[index];
    if (!hit) return;
    this.#show(false);
    this.dispatchEvent(new CustomEvent('open', { detail: { id: hit.id } }));
  }
}

/** @param {string} kind */
function humanKind(kind) {
  return kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
