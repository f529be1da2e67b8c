// @ts-check
// "Fetch from the UN": a stub's details panel starts a background job on the server that downloads the document
// from the UN's document system and adds it to the graph, then follows the job until it lands. Writing needs the
// server's API token (the one entered under "Add a document") unless the server is open to writes.

import * as api from './api.js';

/** How often a running job is asked for its progress. */
const POLL_MS = 500;

/**
 * @typedef {{ text: string, state: 'busy' | 'done' | 'error', done?: number, known?: number }} FetchNote
 */

/**
 * Emits "progress" with { id, note } while a job runs and when it ends, and "landed" with { id, job } when
 * documents were added to the graph.
 */
export class FetchFromUn extends EventTarget {
  /** @param {() => string} token reads the API token the person entered */
  constructor(token) {
    super();
    this.token = token;
    /** @type {'open' | 'token' | 'off'} what the server allows; writes stay hidden until it says */
    this.writes = 'off';
    /** @type {Map<string, FetchNote>} the last word on each document fetched in this tab */
    this.notes = new Map();
    /** @type {string | null} the document whose job is running */
    this.running = null;
  }

  /** Whether the button should be offered: the server can take writes. */
  get available() {
    return this.writes !== 'off';
  }

  /** @param {string} id */
  note(id) {
    return this.notes.get(id);
  }

  /** Starts fetching a document and follows the job to its end. @param {string} id */
  async start(id) {
    if (this.running) return;
    this.running = id;
    this.#tell(id, { text: `Asking the UN for ${id}…`, state: 'busy' });
    try {
      let job = await api.startFetch([id], this.token());
      while (job.status === 'queued' || job.status === 'running') {
        this.#tell(id, job.status === 'queued'
          ? { text: `Waiting for ${job.position ?? 1} other fetch${job.position === 1 ? '' : 'es'} to finish…`, state: 'busy' }
          : { text: `Fetching ${job.progress.current ?? id}… ${job.progress.done} of ${job.progress.known} done`, state: 'busy', done: job.progress.done, known: job.progress.known });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = await api.fetchJob(job.id);
      }
      this.#tell(id, summarise(id, job));
      if (job.results.some((r) => r.outcome === 'fetched' || r.outcome === 'cached')) this.dispatchEvent(new CustomEvent('landed', { detail: { id, job } }));
    } catch (error) {
      // A refusal's title says what was refused ("Fetching documents needs the API token"), its detail how to go on.
      const problem = error instanceof api.ApiError ? error.problem : {};
      const message = problem.title && problem.detail ? `${problem.title}: ${problem.detail}` : error instanceof Error ? error.message : String(error);
      // The server speaks of headers; a person here has the token field.
      const hint = error instanceof api.ApiError && error.status === 401 ? ' Enter the server\'s API token under "Add a document".' : '';
      this.#tell(id, { text: message + hint, state: 'error' });
    } finally {
      this.running = null;
    }
  }

  /** @param {string} id @param {FetchNote} note */
  #tell(id, note) {
    this.notes.set(id, note);
    this.dispatchEvent(new CustomEvent('progress', { detail: { id, note } }));
  }
}

/** What a finished job did, in a sentence. @param {string} id @param {api.FetchJob} job @returns {FetchNote} */
function summarise(id, job) {
  if (job.status !== 'completed') return { text: job.error ?? `The fetch was ${job.status}.`, state: 'error' };
  const mine = job.results.find((r) => r.symbol === id);
  if (!mine) return { text: `${id} was not fetched.`, state: 'error' };
  switch (mine.outcome) {
    case 'fetched': return { text: `${id} was fetched from the UN (${mine.format?.toUpperCase() ?? 'file'}) and added to the graph.`, state: 'done' };
    case 'cached': return { text: `${id} was added to the graph from the server's copy of the UN's file.`, state: 'done' };
    case 'missing': return { text: `The UN's document system does not have ${id}${mine.detail ? ` (${mine.detail})` : ''}.`, state: 'error' };
    case 'skipped': return { text: `${id} was not fetched: ${mine.detail ?? 'the server\'s download limit was reached'}.`, state: 'error' };
    default: return { text: `${id} could not be fetched: ${mine.detail ?? 'the UN\'s system did not answer'}.`, state: 'error' };
  }
}
