// @ts-check
// The "Add a document" panel: a researcher's PDF, text, Markdown or HTML file goes to the server, which
// extracts it and adds it to the graph. The API token is kept in this tab's sessionStorage only (gone
// when the tab closes, never in localStorage or the URL). Everything shown is set as text.

import * as api from './api.js';

const TOKEN_KEY = 'graph.apiToken';
const ACCEPTED = /\.(pdf|txt|md|markdown|html?)$/i;

/**
 * @typedef {{ token: HTMLInputElement, file: HTMLInputElement, drop: HTMLElement, progress: HTMLProgressElement, status: HTMLElement }} UploadElements
 */

/** Emits "uploaded" with the server's {@link api.UploadResult} when a document was added. */
export class UploadPanel extends EventTarget {
  /** @param {UploadElements} elements */
  constructor(elements) {
    super();
    this.elements = elements;
    this.busy = false;
    elements.token.value = readToken();
    elements.token.addEventListener('input', () => writeToken(elements.token.value.trim()));
    elements.file.addEventListener('change', () => {
      const file = elements.file.files?.[0];
      if (file) this.upload(file);
      elements.file.value = '';
    });
    const drop = elements.drop;
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('dragging');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('dragging');
      const file = event.dataTransfer?.files?.[0];
      if (file) this.upload(file);
    });
    drop.addEventListener('click', (event) => { if (event.target === drop) elements.file.click(); });
    // The drop zone works from the keyboard too: Enter or Space opens the file picker.
    drop.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        elements.file.click();
      }
    });
  }

  /** @param {File} file */
  async upload(file) {
    if (this.busy) return;
    const { progress, status } = this.elements;
    if (!ACCEPTED.test(file.name)) {
      this.#say(`"${file.name}" is not a PDF, text, Markdown or HTML file.`, 'error');
      return;
    }
    this.busy = true;
    progress.value = 0;
    progress.hidden = false;
    this.#say(`Uploading ${file.name}…`, 'busy');
    try {
      const result = await api.uploadDocument(file, this.elements.token.value.trim(), (fraction) => {
        progress.value = Math.round(fraction * 100);
        if (fraction >= 1) this.#say(`Extracting ${file.name}…`, 'busy');
      });
      const outcome = result.outcome === 'Unchanged' ? 'was already in the graph, unchanged' : result.outcome === 'Replaced' ? 'replaced its earlier version' : 'was added';
      this.#say(`${result.documentId} ${outcome}: ${result.nodes} nodes, ${result.relationships} relationships.`, 'done');
      this.dispatchEvent(new CustomEvent('uploaded', { detail: result }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The server speaks of headers; a person here has the token field.
      const hint = error instanceof api.ApiError && error.status === 401 ? ' Enter the server\'s API token in the field above.' : '';
      this.#say(message + hint, 'error');
    } finally {
      progress.hidden = true;
      this.busy = false;
    }
  }

  /** @param {string} text @param {'busy' | 'done' | 'error'} state */
  #say(text, state) {
    this.elements.status.textContent = text;
    this.elements.status.dataset.state = state;
    // The panel sits low in a scrolling sidebar: the outcome must not land out of sight.
    if (state !== 'busy') this.elements.status.scrollIntoView({ block: 'nearest' });
  }
}

function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** @param {string} token */
function writeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be off (private mode): the token then lasts as long as the field's value.
  }
}
