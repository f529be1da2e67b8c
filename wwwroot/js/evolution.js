// @ts-check
// Series and mandate evolution: the timeline of a series of resolutions, and for two versions a
// side-by-side paragraph diff (inserted, deleted, reworded with word-level changes, moved).

import * as api from './api.js';
import { el } from './dom.js';

export class EvolutionPanel extends EventTarget {
  /**
   * @param {{ seriesInput: HTMLInputElement, seriesButton: HTMLButtonElement, timeline: HTMLElement, from: HTMLInputElement,
   *   to: HTMLInputElement, compare: HTMLButtonElement, legend: HTMLElement, changedOnly: HTMLInputElement, diff: HTMLElement }} elements
   * @param {(error: unknown) => void} onError
   */
  constructor(elements, onError) {
    super();
    this.e = elements;
    this.onError = onError;
    /** @type {import('./api.js').EvolutionResult | null} */
    this.result = null;
    /** @type {string | null} the document whose series the timeline shows */
    this.seriesId = null;
    elements.seriesButton.addEventListener('click', () => this.showSeries(elements.seriesInput.value.trim()));
    elements.compare.addEventListener('click', () => this.compare(elements.from.value.trim(), elements.to.value.trim()));
    elements.changedOnly.addEventListener('change', () => this.#renderDiff());
    for (const input of [elements.seriesInput, elements.from, elements.to]) {
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        if (input === elements.seriesInput) elements.seriesButton.click();
        else elements.compare.click();
      });
    }
  }

  /** @param {string} id */
  async showSeries(id) {
    if (!id) { this.onError(new Error('Type the symbol of a document in the series, such as A/RES/77/13.')); return; }
    this.e.seriesInput.value = id;
    try {
      const result = await api.series(id);
      this.seriesId = id;
      const docs = result.documents;
      // Only documents whose text is in the corpus have paragraphs to compare; cited-only ones are hollow.
      const full = docs.filter((doc) => !doc.properties.stub);
      this.e.timeline.replaceChildren(...docs.map((doc) => {
        const p = doc.properties;
        const previous = p.stub ? undefined : full[full.indexOf(doc) - 1];
        return el('li', { className: p.stub ? 'stub' : '', title: p.stub ? 'Cited only: its text is not in the corpus' : String(p.title ?? '') },
          el('button', { type: 'button', onclick: () => this.dispatchEvent(new CustomEvent('open', { detail: { id: doc.id } })) }, String(p.symbol ?? doc.id)),
          el('span', { className: 'date' }, String(p.adoptionDate ?? p.year ?? '')),
          el('span', { className: 'pick' },
            previous ? el('button', { type: 'button', title: `Compare with ${previous.id}`, onclick: () => this.compare(previous.id, doc.id) }, `◀ diff with ${previous.id.replace(/^A\/RES\//, '')}`) : null));
      }));
      const hint = document.getElementById('series-hint');
      if (hint) hint.hidden = full.length === docs.length;
      if (full.length > 1) {
        this.e.from.value = full[full.length - 2].id;
        this.e.to.value = full[full.length - 1].id;
      }
      this.dispatchEvent(new CustomEvent('series', { detail: result }));
    } catch (error) {
      this.onError(error);
    }
  }

  /** @param {string} from @param {string} to */
  async compare(from, to) {
    if (!from || !to) { this.onError(new Error('Give two documents to compare, such as A/RES/71/12 and A/RES/77/13.')); return; }
    this.e.from.value = from;
    this.e.to.value = to;
    try {
      this.result = await api.evolution(from, to);
      this.#renderDiff();
      this.dispatchEvent(new CustomEvent('compared', { detail: { from, to } }));
    } catch (error) {
      this.onError(error);
    }
  }

  #renderDiff() {
    const result = this.result;
    const { diff, legend, changedOnly } = this.e;
    if (!result) return;
    legend.hidden = false;
    const counts = { inserted: 0, deleted: 0, reworded: 0, moved: 0, unchanged: 0 };
    for (const change of result.changes) counts[change.change]++;
    const cells = [
      el('div', { className: 'diff-head' }, `${result.from.properties.symbol ?? result.from.id} (${result.from.properties.adoptionDate ?? result.from.properties.year ?? ''})`),
      el('div', { className: 'diff-head' }, `${result.to.properties.symbol ?? result.to.id} (${result.to.properties.adoptionDate ?? result.to.properties.year ?? ''}) — ${counts.reworded} reworded, ${counts.inserted} inserted, ${counts.deleted} deleted, ${counts.moved} moved, ${counts.unchanged} unchanged`),
    ];
    for (const change of result.changes) {
      if (changedOnly.checked && change.change === 'unchanged') continue;
      const kind = change.change === 'unchanged' ? '' : change.change;
      cells.push(side(change, 'from', kind), side(change, 'to', kind));
    }
    diff.replaceChildren(...cells);
  }
}

/**
 * One side of a row of the diff. Reworded paragraphs show the word-level changes: deletions on the
 * left, insertions on the right.
 * @param {import('./api.js').ParagraphChange} change @param {'from' | 'to'} which @param {string} kind
 */
function side(change, which, kind) {
  const paragraph = change[which];
  if (!paragraph) return el('div', { className: 'diff-cell empty', 'aria-hidden': 'true' });
  const label = paragraph.kind === 'operative' ? `${paragraph.number ?? ''}.` : '¶';
  const cell = el('div', { className: `diff-cell ${kind}`, 'data-change': change.change, 'data-paragraph': paragraph.id },
    kind ? el('span', { className: 'tag' }, kind) : null,
    el('span', { className: 'num' }, label));
  if (change.words && change.words.some((w) => w.op !== 'equal')) {
    // Runs of words come without the spaces between runs: put one back where neither side has it.
    let previous = '';
    for (const word of change.words) {
      const shown = word.op === 'equal' || (word.op === 'delete' && which === 'from') || (word.op === 'insert' && which === 'to');
      if (!shown) continue;
      if (previous && !/\s$/.test(previous) && !/^[\s,.;:]/.test(word.text)) cell.append(' ');
      if (word.op === 'equal') cell.append(word.text);
      else cell.append(el(word.op === 'delete' ? 'del' : 'ins', {}, word.text));
      previous = word.text;
    }
  } else {
    cell.append(paragraph.text);
  }
  return cell;
}
