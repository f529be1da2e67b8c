// @ts-check
// The legend and filter panel: kinds (with their colours), relationship types, bodies, and a
// year-range slider. Emits "change" with the filters; the graph view applies them.

import { DEFAULT_COLOR, KINDS } from './graph-style.js';
import { count, el } from './dom.js';

export class FilterPanel extends EventTarget {
  /**
   * @param {{ kinds: HTMLElement, types: HTMLElement, bodies: HTMLElement, yearFrom: HTMLInputElement, yearTo: HTMLInputElement, yearOutput: HTMLOutputElement }} elements
   */
  constructor(elements) {
    super();
    this.elements = elements;
    /** @type {Set<string>} */ this.hiddenKinds = new Set();
    /** @type {Set<string>} */ this.hiddenTypes = new Set();
    /** @type {Set<string>} */ this.hiddenBodies = new Set();
    /** @type {[number, number] | null} */ this.years = null;
    /** @type {[number, number]} */
    this.bounds = [1945, new Date().getFullYear()];
    for (const input of [elements.yearFrom, elements.yearTo]) input.addEventListener('input', () => this.#onYears());
  }

  /**
   * Redraws the lists with what is on the canvas (and what the graph holds overall).
   * @param {{ kinds: Record<string, number>, types: Record<string, number>, bodies: Record<string, number>, years: [number, number] | null }} tally
   */
  update(tally) {
    // Every kind the graph can draw, from the style table that draws them, whether or not the canvas holds one yet;
    // then any kind the canvas holds that the table lacks (drawn in the default colour).
    const kinds = [...KINDS];
    for (const kind of Object.keys(tally.kinds)) {
      if (!kinds.some((k) => k.kind === kind)) kinds.push({ kind, label: kind, color: DEFAULT_COLOR, shape: 'ellipse' });
    }
    this.elements.kinds.replaceChildren(
      ...kinds.map((k) => this.#kindItem(k, tally.kinds[k.kind] ?? 0)),
      el('li', { className: 'stub-sample' }, el('span', { className: 'swatch' }), 'Cited only (stub)'));
    this.elements.types.replaceChildren(...Object.entries(tally.types).sort().map(([type, n]) =>
      this.#checkbox(type, n, !this.hiddenTypes.has(type), (on) => toggle(this.hiddenTypes, type, on))));
    if (Object.keys(tally.types).length === 0) this.elements.types.replaceChildren(el('li', { className: 'hint' }, 'None on the canvas yet.'));
    this.elements.bodies.replaceChildren(...Object.entries(tally.bodies).sort().map(([body, n]) =>
      this.#checkbox(body, n, !this.hiddenBodies.has(body), (on) => toggle(this.hiddenBodies, body, on))));
    if (Object.keys(tally.bodies).length === 0) this.elements.bodies.replaceChildren(el('li', { className: 'hint' }, 'None on the canvas yet.'));
    if (tally.years) this.#setBounds(tally.years[0], tally.years[1]);
  }

  /** @param {number} min @param {number} max */
  #setBounds(min, max) {
    const { yearFrom, yearTo } = this.elements;
    if (min === max) { min -= 1; max += 1; }
    this.bounds = [min, max];
    for (const input of [yearFrom, yearTo]) { input.min = String(min); input.max = String(max); }
    const [from, to] = this.years ?? [min, max];
    yearFrom.value = String(Math.max(min, from));
    yearTo.value = String(Math.min(max, to));
    this.#showYears();
  }

  #onYears() {
    const { yearFrom, yearTo } = this.elements;
    let from = Number(yearFrom.value);
    let to = Number(yearTo.value);
    if (from > to) [from, to] = [to, from];
    this.years = from <= this.bounds[0] && to >= this.bounds[1] ? null : [from, to];
    this.#showYears();
    this.#changed();
  }

  #showYears() {
    const { yearFrom, yearTo, yearOutput } = this.elements;
    const a = Math.min(Number(yearFrom.value), Number(yearTo.value));
    const b = Math.max(Number(yearFrom.value), Number(yearTo.value));
    yearOutput.textContent = `${a} – ${b}`;
  }

  /**
   * A kind in the legend: its swatch in the colour and shape that draw it, and how many are on the canvas.
   * @param {{ kind: string, label: string, color: string, shape: string }} k @param {number} onCanvas
   */
  #kindItem(k, onCanvas) {
    const item = this.#checkbox(k.label, onCanvas, !this.hiddenKinds.has(k.kind), (on) => toggle(this.hiddenKinds, k.kind, on),
      el('span', { className: `swatch shape-${k.shape}`, style: `background:${k.color}`, 'data-shape': k.shape, 'aria-hidden': 'true' }));
    item.dataset.kind = k.kind;
    return item;
  }

  /**
   * @param {string} label @param {number} n @param {boolean} checked @param {(on: boolean) => void} onToggle
   * @param {HTMLElement} [swatch]
   */
  #checkbox(label, n, checked, onToggle, swatch) {
    const box = el('input', { type: 'checkbox', checked });
    box.addEventListener('change', () => { onToggle(box.checked); this.#changed(); });
    return el('li', {}, el('label', {}, box, swatch, label), el('span', { className: 'count' }, n ? count(n) : ''));
  }

  #changed() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.state() }));
  }

  state() {
    return { hiddenKinds: this.hiddenKinds, hiddenTypes: this.hiddenTypes, hiddenBodies: this.hiddenBodies, years: this.years };
  }

  /** @param {{ hiddenKinds?: string[], hiddenTypes?: string[], hiddenBodies?: string[], years?: [number, number] | null }} state */
  restore(state) {
    this.hiddenKinds = new Set(state.hiddenKinds ?? []);
    this.hiddenTypes = new Set(state.hiddenTypes ?? []);
    this.hiddenBodies = new Set(state.hiddenBodies ?? []);
    this.years = state.years ?? null;
  }
}

/** @param {Set<string>} set @param {string} value @param {boolean} visible */
function toggle(set, value, visible) {
  if (visible) set.delete(value);
  else set.add(value);
}
