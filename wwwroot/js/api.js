// @ts-check
// Every request the explorer makes goes through here. Errors come back from the server as
// ProblemDetails (RFC 9457); they become ApiError with the server's human-readable message.

/**
 * @typedef {{ id: string, labels: string[], properties: Record<string, any>, weight?: number, omitted?: string[] }} ApiNode
 *   omitted: the long texts a brief Cypher answer left out of properties
 * @typedef {{ id: string, type: string, start: string, end: string, properties: Record<string, any> }} ApiRelationship
 * @typedef {{ nodes: ApiNode[], relationships: ApiRelationship[], total?: number, truncated?: boolean }} ApiGraph
 * @typedef {{ id: string, label: string, kind: string, labels: string[], snippet?: string, score: number, stub?: boolean }} SearchHit
 * @typedef {{ text: string, highlightStart: number, highlightEnd: number, paragraphId?: string }} SourceExcerpt
 * @typedef {{ node: ApiNode, degree: number, weight?: number, source?: SourceExcerpt, paragraphs?: ApiNode[], officialUrl?: string }} NodeDetails
 * @typedef {{ found: boolean, length: number, nodes: ApiNode[], relationships: ApiRelationship[], paths: { nodes: string[], relationships: string[] }[] }} PathResult
 * @typedef {{ series: ApiNode | null, documents: ApiNode[] }} SeriesResult
 * @typedef {{ op: 'equal' | 'insert' | 'delete', text: string }} WordChange
 * @typedef {{ id: string, number?: string, kind?: string, text: string }} DiffParagraph
 * @typedef {{ change: 'unchanged' | 'inserted' | 'deleted' | 'reworded' | 'moved', from?: DiffParagraph, to?: DiffParagraph, words?: WordChange[] }} ParagraphChange
 * @typedef {{ from: ApiNode, to: ApiNode, changes: ParagraphChange[] }} EvolutionResult
 */

/** An error the server explained (a ProblemDetails), or a network failure. */
export class ApiError extends Error {
  /**
   * @param {string} message what a person should read
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {Record<string, any>} [problem] the ProblemDetails body
   */
  constructor(message, status, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? {};
  }
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function request(path, init) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, ...init });
  } catch {
    throw new ApiError('The server cannot be reached. Is it still running?', 0);
  }
  const type = response.headers.get('Content-Type') ?? '';
  // Typed Query API answers are JSON under their own media type, application/vnd.neo4j.query.
  const body = type.includes('json') || type.includes('vnd.neo4j') ? await response.json().catch(() => null) : await response.text();
  if (response.ok) return body;
  if (body && typeof body === 'object') {
    // ProblemDetails from the explorer API; Neo4j-shaped {errors:[…]} from the Query API.
    const neo = Array.isArray(body.errors) ? body.errors[0] : null;
    const message = neo?.message ?? body.detail ?? body.title ?? `The server answered ${response.status}.`;
    throw new ApiError(message, response.status, body);
  }
  throw new ApiError(`The server answered ${response.status} ${response.statusText}.`, response.status);
}

/** @param {Record<string, string | number | undefined>} params */
function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

/** @param {string} q @param {number} [limit] @returns {Promise<{ query: string, hits: SearchHit[] }>} */
export const search = (q, limit = 12) => request(`api/search?${query({ q, limit })}`);

/** @param {string} id @returns {Promise<NodeDetails>} */
export const node = (id) => request(`api/node?${query({ id })}`);

/**
 * @param {string} id
 * @param {{ types?: string[], limit?: number, offset?: number }} [options]
 * @returns {Promise<ApiGraph>}
 */
export const neighbours = (id, options = {}) =>
  request(`api/neighbours?${query({ id, types: options.types?.join(','), limit: options.limit, offset: options.offset })}`);

/**
 * Shortest paths. types: relationship types to follow (all when empty); direction: 'out' (each step cites the
 * next), 'in' (each is cited by the next) or 'both'; k: how many paths at most.
 * @param {string} from @param {string} to
 * @param {{ types?: string[], direction?: 'in' | 'out' | 'both', k?: number }} [options]
 * @returns {Promise<PathResult>}
 */
export const path = (from, to, options = {}) =>
  request(`api/path?${query({ from, to, types: options.types?.join(','), direction: options.direction, k: options.k })}`);

/** @param {string} id @param {'in'|'out'} direction @param {number} depth @returns {Promise<ApiGraph>} */
export const citations = (id, direction, depth) => request(`api/citations?${query({ id, direction, depth })}`);

/**
 * The paragraph of a document holding a span, with the span's place in it.
 * @param {string} document @param {number} start @param {number} end
 * @returns {Promise<SourceExcerpt & { document: string }>}
 */
export const source = (document, start, end) => request(`api/source?${query({ document, start, end })}`);

/** @param {string} id @returns {Promise<SeriesResult>} */
export const series = (id) => request(`api/series?${query({ id })}`);

/** @param {string} from @param {string} to @returns {Promise<EvolutionResult>} */
export const evolution = (from, to) => request(`api/evolution?${query({ from, to })}`);

/** @returns {Promise<{ nodes: number, relationships: number, documents: number, writes: 'open' | 'token' | 'off' }>} */
export const overview = () => request('api/overview');

/**
 * @typedef {{ name: string, signature: string, category: string, aggregating: boolean }} CypherFunction
 * @typedef {{ name: string, signature: string, description: string, yields: string[] }} CypherProcedure
 * @typedef {{ labels: string[], relationshipTypes: string[], propertyKeys: string[], functions: CypherFunction[], procedures: CypherProcedure[] }} GraphSchema
 */

/** What the Cypher editor completes and checks against. @returns {Promise<GraphSchema>} */
export const schema = () => request('api/schema');

/**
 * The given nodes and the relationships among them (to restore a shared view).
 * @param {string[]} ids
 * @returns {Promise<ApiGraph>}
 */
export const subgraph = (ids) =>
  request('api/subgraph', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) });

/** How many ids one subgraph request takes (the server's limit). */
const SUBGRAPH_IDS = 1000;

/**
 * The given nodes with all their properties, however many (in requests of the server's limit).
 * @param {string[]} ids
 * @returns {Promise<ApiNode[]>}
 */
export async function fullNodes(ids) {
  /** @type {ApiNode[]} */
  const nodes = [];
  for (let i = 0; i < ids.length; i += SUBGRAPH_IDS) nodes.push(...(await subgraph(ids.slice(i, i + SUBGRAPH_IDS))).nodes);
  return nodes;
}

/**
 * Runs Cypher through the Neo4j-shaped Query API, asking for typed JSON so that integers,
 * nodes and relationships keep their types. Brief: nodes come without their long texts (the server names those it
 * left out in each node's `_omitted`), which makes a result of thousands of paragraphs a tenth of the size.
 * @param {string} statement
 * @param {Record<string, any>} parameters
 * @param {{ brief?: boolean }} [options]
 * @returns {Promise<{ data: { fields: string[], values: any[][] }, counters?: Record<string, any> }>}
 */
export const cypher = (statement, parameters, options = {}) =>
  request(`db/neo4j/query/v2${options.brief ? '?nodes=brief' : ''}`, {
    method: 'POST',
    headers: { Accept: 'application/vnd.neo4j.query', 'Content-Type': 'application/json' },
    body: JSON.stringify({ statement, parameters }),
  });

/**
 * @typedef {{ documentId: string, outcome: string, nodes: number, relationships: number, diagnostics: string[] }} UploadResult
 */

/**
 * Uploads a document to be extracted and added to the graph (POST api/documents, multipart field
 * "file"). Goes through XMLHttpRequest because fetch cannot report upload progress.
 * @param {File} file
 * @param {string} token the server's API token, sent as a bearer token; empty sends none
 * @param {(fraction: number) => void} [onProgress] 0..1 as the bytes leave
 * @returns {Promise<UploadResult>}
 */
export function uploadDocument(file, token, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('error', () => reject(new ApiError('The server cannot be reached. Is it still running?', 0)));
    xhr.addEventListener('load', () => {
      /** @type {any} */
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page, say): the status line speaks instead.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body.documentId === 'string') {
        resolve(body);
        return;
      }
      if (body && typeof body === 'object' && (body.title || body.detail)) {
        const message = [body.title, body.detail].filter(Boolean).join(': ');
        reject(new ApiError(message, xhr.status, body));
        return;
      }
      reject(new ApiError(`The server answered ${xhr.status} ${xhr.statusText}.`, xhr.status));
    });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * @typedef {{ symbol: string, reason: string, outcome: 'fetched' | 'cached' | 'missing' | 'failed' | 'skipped', format?: string, detail?: string, ingest?: string }} FetchResult
 * @typedef {{ id: string, status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled', symbols: string[], position?: number,
 *   progress: { done: number, known: number, current?: string }, counts: Record<string, number>, results: FetchResult[],
 *   notes: string[], error?: string }} FetchJob
 */

/**
 * Starts fetching documents from the UN's document system into the graph (POST api/fetch); the server answers at
 * once with the job, which runs in the background.
 * @param {string[]} symbols
 * @param {string} token the server's API token, sent as a bearer token; empty sends none
 * @param {{ citedDepth?: number, series?: boolean }} [options]
 * @returns {Promise<FetchJob>}
 */
export const startFetch = (symbols, token, options = {}) =>
  request('api/fetch', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ symbols, citedDepth: options.citedDepth ?? 0, series: options.series ?? false }),
  });

/** @param {string} id @returns {Promise<FetchJob>} */
export const fetchJob = (id) => request(`api/fetch/${encodeURIComponent(id)}`);
