// @ts-check
// The whole series at once: one row per operative paragraph, one column per resolution of the series
// whose text is in the graph, so a person sees when each paragraph appeared, each time it was
// reworded (with the words that changed), and when it was dropped. Built from the paragraph
// alignments of each consecutive pair (the same /api/evolution the side-by-side view reads).

import * as api from './api.js';
import { el } from './dom.js';

/**
 * @typedef {{ change: string, paragraph?: import('./api.js').DiffParagraph, words?: import('./api.js').WordChange[] }} HistoryCell
 * @typedef {{ first: number, cells: (HistoryCell | undefined)[] }} ParagraphHistory
 */

export class SeriesHistory extends EventTarget {
  /** @param {HTMLElement} container @param {(error: unknown) => void} onError */
  constructor(container, onError) {
    super();
    this.container = container;
    this.onError = onError;
    /** @type {string | null} the document whose series is shown, for the shareable address */
    this.shownId = null;
  }

  /** Shows the history of the series of a document. @param {string} id */
  async show(id) {
    if (!id) { this.onError(new Error('Type the symbol of a document in the series, such as A/RES/77/13.')); return; }
    this.container.hidden = false;
    this.container.replaceChildren(el('p', { className: 'hint' }, `Reading the series of ${id}…`));
    try {
      const series = await api.series(id);
      const documents = series.documents.filter((d) => !d.properties.stub);
      if (documents.length < 2) {
        this.container.replaceChildren(el('p', { className: 'hint' },
          `The graph holds the text of ${documents.length} resolution${documents.length === 1 ? '' : 's'} of this series: there is no history to show.`));
        return;
      }
      const pairs = await Promise.all(documents.slice(1).map((d, i) => api.evolution(documents[i].id, d.id)));
      this.#render(documents, histories(documents.length, pairs));
      this.shownId = id;
      this.dispatchEvent(new CustomEvent('shown', { detail: { id, documents: documents.map((d) => d.id) } }));
    } catch (error) {
      this.container.replaceChildren();
      this.onError(error);
    }
  }

  hide() {
    this.container.hidden = true;
    this.shownId = null;
  }

  /** @param {import('./api.js').ApiNode[]} documents @param {ParagraphHistory[]} rows */
  #render(documents, rows) {
    const head = el('tr', {}, el('th', { scope: 'col' }, '¶'), ...documents.map((d) => el('th', { scope: 'col' },
      el('button', { type: 'button', className: 'link-button', onclick: () => this.dispatchEvent(new CustomEvent('open', { detail: { id: d.id } })) },
        String(d.properties.symbol ?? d.id)),
      el('span', { className: 'date' }, String(d.properties.adoptionDate ?? d.properties.year ?? '')))));
    const body = rows.map((row, index) => el('tr', {},
      el('th', { scope: 'row' }, String(index + 1)),
      ...row.cells.map((cell, column) => historyCell(cell, column === row.first))));
    const changed = rows.filter((r) => r.cells.some((c) => c && c.change !== 'unchanged' && c.change !== 'first')).length;
    this.container.replaceChildren(
      el('p', { className: 'hint' }, `${rows.length} operative paragraphs across ${documents.length} resolutions; ${changed} changed at least once. ` +
        'Each column is a resolution; a row follows one paragraph from the resolution that introduced it.'),
      el('div', { className: 'table-wrap' }, el('table', { className: 'history' }, el('thead', {}, head), el('tbody', {}, ...body))));
  }
}

/**
 * Follows each operative paragraph through the alignments of consecutive resolutions.
 * @param {number} count how many resolutions
 * @param {import('./api.js').EvolutionResult[]} pairs the alignment of resolution i with i + 1
 * @returns {ParagraphHistory[]}
 */
export function histories(count, pairs) {
  /** @type {ParagraphHistory[]} */
  const rows = [];
  /** @type {Map<string, ParagraphHistory>} paragraph id → the row that follows it */
  const rowOf = new Map();
  const operative = (/** @type {import('./api.js').DiffParagraph | null | undefined} */ p) => p != null && p.kind === 'operative';
  pairs.forEach((pair, i) => {
    for (const change of pair.changes) {
      if (!operative(change.from) && !operative(change.to)) continue;
      let row = change.from ? rowOf.get(change.from.id) : undefined;
      if (!row && change.from && operative(change.from)) {
        // A paragraph of the first resolution (or one the previous step did not follow): its row starts here.
        row = { first: i, cells: new Array(count).fill(undefined) };
        row.cells[i] = { change: 'first', paragraph: change.from };
        rows.push(row);
        rowOf.set(change.from.id, row);
      }
      if (change.to && operative(change.to)) {
        if (!row) {
          row = { first: i + 1, cells: new Array(count).fill(undefined) };
          rows.push(row);
        }
        row.cells[i + 1] = { change: row.first === i + 1 ? 'inserted' : change.change, paragraph: change.to, words: change.words };
        rowOf.set(change.to.id, row);
      } else if (row) {
        row.cells[i + 1] = { change: 'deleted' };
      }
    }
  });
  rows.sort((a, b) => a.first - b.first || number(a) - number(b));
  return rows;
}

/** The paragraph number a row starts with, for ordering. @param {ParagraphHistory} row */
function number(row) {
  return Number(row.cells[row.first]?.paragraph?.number ?? 0);
}

/** @param {HistoryCell | undefined} cell @param {boolean} first */
function historyCell(cell, first) {
  if (!cell) return el('td', { className: 'history-cell none' });
  if (cell.change === 'deleted') return el('td', { className: 'history-cell deleted', 'data-change': 'deleted' }, el('span', { className: 'tag' }, 'dropped'));
  const p = cell.paragraph;
  const td = el('td', { className: `history-cell ${cell.change}`, 'data-change': cell.change, 'data-paragraph': p?.id ?? '' },
    el('span', { className: 'num' }, `${p?.number ?? ''}.`),
    first || cell.change === 'unchanged' || cell.change === 'moved' ? null : el('span', { className: 'tag' }, cell.change === 'inserted' ? 'new' : cell.change));
  if (cell.change === 'unchanged' || cell.change === 'moved') {
    td.append(el('span', { className: 'same' }, cell.change === 'moved' ? 'moved, same words' : 'unchanged'));
  } else if (cell.words && cell.words.some((w) => w.op !== 'equal')) {
    let previous = '';
    for (const word of cell.words) {
      if (word.op === 'delete') { td.append(' ', el('del', {}, word.text)); previous = word.text; continue; }
      if (previous && !/\s$/.test(previous) && !/^[\s,.;:]/.test(word.text)) td.append(' ');
      td.append(word.op === 'insert' ? el('ins', {}, word.text) : word.text);
      previous = word.text;
    }
  } else {
    td.append(p?.text ?? '');
  }
  return td;
}
