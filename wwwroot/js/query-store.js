// @ts-check
// Query history and saved queries, kept in this browser (localStorage) so they outlive the tab.
// Storage can be full or switched off (private windows): then the lists live only in memory.

const HISTORY_KEY = 'graph.cypher.history';
const SAVED_KEY = 'graph.cypher.saved';

/** Most queries the history keeps, newest first. */
export const HISTORY_LIMIT = 50;

/** @typedef {{ query: string, params: string, at: string }} HistoryEntry */
/** @typedef {{ name: string, query: string, params: string }} SavedQuery */

/** @param {string} key @returns {any[]} */
function read(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** @param {string} key @param {any[]} value */
function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the query still ran; only its memory is lost.
  }
}

export class QueryStore extends EventTarget {
  constructor() {
    super();
    /** @type {HistoryEntry[]} */
    this.history = read(HISTORY_KEY);
    /** @type {SavedQuery[]} */
    this.saved = read(SAVED_KEY);
  }

  /** Puts a query at the top of the history (once: running it again moves it up). @param {string} query @param {string} params */
  remember(query, params) {
    const text = query.trim();
    if (!text) return;
    this.history = [{ query: text, params, at: new Date().toISOString() }, ...this.history.filter((h) => h.query !== text || h.params !== params)]
      .slice(0, HISTORY_LIMIT);
    write(HISTORY_KEY, this.history);
    this.dispatchEvent(new Event('change'));
  }

  /** Saves a query under a name, replacing one of the same name. @param {string} name @param {string} query @param {string} params */
  save(name, query, params) {
    const title = name.trim();
    if (!title || !query.trim()) return;
    this.saved = [...this.saved.filter((s) => s.name !== title), { name: title, query, params }].sort((a, b) => a.name.localeCompare(b.name));
    write(SAVED_KEY, this.saved);
    this.dispatchEvent(new Event('change'));
  }

  /** @param {string} name */
  forget(name) {
    this.saved = this.saved.filter((s) => s.name !== name);
    write(SAVED_KEY, this.saved);
    this.dispatchEvent(new Event('change'));
  }
}
