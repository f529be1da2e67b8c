// @ts-check
// Wires the explorer's modules together. Nothing imports this module; each panel talks to the graph
// view through its methods and events.

import * as api from './api.js';
import { byId, count, debounce, el, field } from './dom.js';
import { captionOf } from './graph-style.js';
import { GraphView } from './graph-view.js';
import { SearchBox } from './search.js';
import { FilterPanel } from './filters.js';
import { DetailsPanel } from './details.js';
import { CypherConsole } from './cypher-console.js';
import { CypherResults } from './cypher-results.js';
import { QueryStore } from './query-store.js';
import { PanelLayout, keyboardShortcuts } from './drawers.js';
import { EvolutionPanel } from './evolution.js';
import { SeriesHistory } from './series-history.js';
import { mostCited } from './most-cited.js';
import * as exporter from './export.js';
import * as urlState from './url-state.js';
import { UploadPanel } from './upload.js';
import { FetchFromUn } from './fetch-job.js';

/** How many neighbours one expansion adds; the rest wait behind a "+N more" handle. */
const EXPAND_LIMIT = 25;

const view = new GraphView(byId('cy'));
const emptyState = byId('empty-state');
const status = byId('status');
const errorBanner = byId('error');

/** @param {unknown} error */
function showError(error) {
  const message = error instanceof Error ? error.message : String(error);
  byId('error-text').textContent = message;
  errorBanner.hidden = false;
}
/** A later request went well: an error about an earlier one no longer describes the page. */
function clearError() {
  errorBanner.hidden = true;
}
byId('error-close').addEventListener('click', clearError);

/** @param {string} text */
function say(text) {
  status.textContent = text;
}

// ---- panels -------------------------------------------------------------------------------------

const search = new SearchBox(byId('search-input'), byId('search-results'), showError);
const filters = new FilterPanel({
  kinds: byId('kind-filters'), types: byId('type-filters'), bodies: byId('body-filters'),
  yearFrom: byId('year-from'), yearTo: byId('year-to'), yearOutput: byId('year-output'),
});
const details = new DetailsPanel(byId('details'));
const cypher = new CypherConsole({
  input: byId('cypher-input'),
  params: byId('cypher-params'), run: byId('cypher-run'), examples: byId('cypher-examples'),
  summary: byId('cypher-summary'), error: byId('cypher-error'),
  history: byId('cypher-history'), saved: byId('cypher-saved'), save: byId('cypher-save'), forget: byId('cypher-forget'),
}, new QueryStore());
const results = new CypherResults({
  tabs: /** @type {HTMLElement} */ (document.querySelector('.result-tabs')), summary: byId('cypher-summary'), toCanvas: byId('cypher-to-canvas'),
  table: byId('cypher-table'), prev: byId('cypher-prev'), next: byId('cypher-next'), page: byId('cypher-page'),
  graph: byId('cypher-graph'), json: byId('cypher-json'), views: [...document.querySelectorAll('.result-view')].map((v) => /** @type {HTMLElement} */ (v)),
});
const panels = new PanelLayout({
  topbar: /** @type {HTMLElement} */ (document.querySelector('.topbar')), tools: byId('sidebar'), toolsToggle: byId('tools-toggle'),
  details: byId('details-aside'), detailsToggle: byId('details-toggle'),
  bottom: byId('drawer'), bottomHandle: byId('drawer-resize'), fullToggle: byId('drawer-full'),
});
keyboardShortcuts(byId('search-input'), () => panels.closeOverlays());
panels.addEventListener('resize', () => { view.cy.resize(); results.graphView?.cy.resize(); });
const evolution = new EvolutionPanel({
  seriesInput: byId('series-input'), seriesButton: byId('series-button'), timeline: byId('series-timeline'),
  from: byId('evolution-from'), to: byId('evolution-to'), compare: byId('evolution-button'),
  legend: byId('evolution-legend'), changedOnly: byId('evolution-changed-only'), diff: byId('evolution-diff'),
}, showError);

const upload = new UploadPanel({
  token: field('upload-token'), file: field('upload-file'), drop: byId('upload-drop'),
  progress: byId('upload-progress'), status: byId('upload-status'),
});

const fetcher = new FetchFromUn(() => field('upload-token').value.trim());

/** What the details panel needs to offer "Fetch from the UN" on a node. @param {string} id */
function fetchState(id) {
  return { available: fetcher.available, busy: fetcher.running !== null, note: fetcher.note(id) };
}

// ---- opening, expanding, selecting --------------------------------------------------------------

/** @type {Map<string, number>} how many neighbours of a node are on the canvas */
const expandedOffsets = new Map();

/** Puts a node on the canvas, selects it and shows its details. @param {string} id */
async function openNode(id) {
  try {
    const result = await api.node(id);
    errorBanner.hidden = true;
    view.add({ nodes: [{ ...result.node, weight: /** @type {any} */ (result).weight }], relationships: [] });
    view.select(result.node.id);
    details.showNode(result, { pinned: view.isPinned(result.node.id), fetch: fetchState(result.node.id) });
    panels.revealDetails();
    say(`Opened ${result.node.id}. Click it again to expand it.`);
  } catch (error) {
    showError(error);
  }
}

/** @param {string} id @param {number} [offset] */
async function expand(id, offset = 0) {
  try {
    say(`Expanding ${id}…`);
    const graph = await api.neighbours(id, { limit: EXPAND_LIMIT, offset });
    clearError();
    const added = view.add(graph, { near: id });
    const shown = offset + (graph.nodes.length - 1);
    expandedOffsets.set(id, shown);
    const total = graph.total ?? shown;
    view.setMore(id, total - shown, shown);
    say(`${id}: ${count(added.length)} new node${added.length === 1 ? '' : 's'}; ${count(Math.min(shown, total))} of ${count(total)} neighbours shown.`);
  } catch (error) {
    showError(error);
  }
}

/** @param {{ kind: 'node' | 'edge', id: string, data: any }} selection */
async function showSelection(selection) {
  if (selection.kind === 'edge') {
    details.showRelationship(selection.data, await relationshipSource(selection.data));
    return;
  }
  try {
    const result = await api.node(selection.id);
    details.showNode(result, { pinned: view.isPinned(selection.id), fetch: fetchState(selection.id) });
  } catch (error) {
    showError(error);
  }
}

/**
 * The paragraph a relationship was stated in, with its words highlighted, when it comes from text.
 * Aggregated document-to-document citations point at their first citing paragraph instead.
 * @param {import('./api.js').ApiRelationship} relationship
 */
async function relationshipSource(relationship) {
  const p = relationship.properties;
  try {
    if (typeof p.source === 'string' && typeof p.spanStart === 'number' && typeof p.spanEnd === 'number') {
      return await api.source(p.source, p.spanStart, p.spanEnd);
    }
    const first = Array.isArray(p.paragraphs) ? p.paragraphs[0] : null;
    if (typeof first === 'string') {
      const paragraph = await api.node(first);
      return { text: String(paragraph.node.properties.text ?? ''), highlightStart: -1, highlightEnd: -1, paragraphId: first };
    }
  } catch {
    // Provenance is a help, not a requirement: the relationship's properties still show.
  }
  return undefined;
}

view.addEventListener('select', (event) => { showSelection(/** @type {CustomEvent} */ (event).detail); panels.revealDetails(); saveState(); });
view.addEventListener('unselect', () => { details.clear(); view.highlight([]); saveState(); });
view.addEventListener('expand', (event) => expand(/** @type {CustomEvent} */ (event).detail.id, expandedOffsets.get(/** @type {CustomEvent} */ (event).detail.id) ?? 0));
view.addEventListener('more', (event) => {
  const { id, offset } = /** @type {CustomEvent} */ (event).detail;
  expand(id, offset);
});
view.addEventListener('change', () => {
  emptyState.hidden = !view.isEmpty;
  filters.update(view.tally());
  updateSuggestions();
  saveState();
});

search.addEventListener('open', (event) => openNode(/** @type {CustomEvent} */ (event).detail.id));
upload.addEventListener('uploaded', (event) => openNode(/** @type {CustomEvent} */ (event).detail.documentId));

details.addEventListener('action', async (event) => {
  const { action, id } = /** @type {CustomEvent} */ (event).detail;
  switch (action) {
    case 'expand': await expand(id, expandedOffsets.get(id) ?? 0); break;
    case 'cites': await showChain(id, 'out'); break;
    case 'cited-by': await showChain(id, 'in'); break;
    case 'series': openDrawer('evolution'); await evolution.showSeries(id); break;
    case 'path-from': field('path-from').value = id; break;
    case 'path-to': field('path-to').value = id; break;
    case 'pin': view.togglePin(id); await showSelection({ kind: 'node', id, data: null }); saveState(); break;
    case 'dismiss': view.dismiss(id); details.clear(); break;
    case 'open': await openNode(id); break;
    case 'fetch': await fetcher.start(id); break;
  }
});

fetcher.addEventListener('progress', (event) => {
  const { id, note } = /** @type {CustomEvent} */ (event).detail;
  details.showFetchNote(id, note);
  if (note.state !== 'busy') say(note.text);
});
// When documents land, what is on the canvas is drawn again from the server (a stub becomes a full document,
// with the relationships its text states), and the fetched document's details show its paragraphs.
fetcher.addEventListener('landed', async (event) => {
  const { id } = /** @type {CustomEvent} */ (event).detail;
  try {
    const onCanvas = view.snapshot().nodes.map((n) => n.id);
    if (onCanvas.length > 0) view.add(await api.subgraph(onCanvas.slice(0, 1000)), { relayout: false });
    if (view.selectedId() === id || details.shownId === id) await openNode(id);
  } catch (error) {
    showError(error);
  }
});

filters.addEventListener('change', (event) => { view.setFilters(/** @type {CustomEvent} */ (event).detail); saveState(); });

byId('most-cited-button').addEventListener('click', async () => {
  try {
    say('Finding the most cited documents…');
    const graph = await mostCited(40);
    clearError();
    view.add(graph, { layout: 'force' });
    field('layout-select').value = view.layoutName;
    say(`The ${count(graph.nodes.length)} most cited documents, sized by how often they are cited, with the citations among them. Click one to read it.`);
  } catch (error) {
    showError(error);
  }
});

// ---- citation chains and paths ------------------------------------------------------------------

/** @param {string} id @param {'in' | 'out'} direction */
async function showChain(id, direction) {
  const depth = Math.max(1, Math.min(6, Number(field('chain-depth').value) || 2));
  try {
    const graph = await api.citations(id, direction, depth);
    clearError();
    // A chain reads as a hierarchy, oldest on the left; the view falls back to a fast layout when it is too big for one.
    view.add(graph, { near: id, layout: 'hierarchy' });
    field('layout-select').value = view.layoutName;
    view.select(id);
    say(`${id} ${direction === 'out' ? 'cites' : 'is cited by'} ${count(graph.nodes.length - 1)} document${graph.nodes.length === 2 ? '' : 's'} within ${depth} step${depth === 1 ? '' : 's'}.`);
  } catch (error) {
    showError(error);
  }
}

byId('chain-button').addEventListener('click', () => {
  const selected = view.selectedId();
  if (!selected) { showError(new Error('Select a document on the canvas first, then show its citation chain.')); return; }
  showChain(selected, /** @type {'in' | 'out'} */ (field('chain-direction').value));
});

/** The relationship types ticked in the path finder; empty means any. */
function pathTypes() {
  const boxes = /** @type {HTMLInputElement[]} */ ([...byId('path-types').querySelectorAll('input[type="checkbox"]')]);
  if (boxes.some((b) => b.dataset.all !== undefined && b.checked)) return [];
  return boxes.filter((b) => b.checked && b.value).map((b) => b.value);
}

/** @param {string[]} types */
function setPathTypes(types) {
  for (const box of /** @type {HTMLInputElement[]} */ ([...byId('path-types').querySelectorAll('input[type="checkbox"]')])) {
    box.checked = box.dataset.all !== undefined ? types.length === 0 : types.includes(box.value);
  }
}
// "Any relationship" and the single types exclude each other.
byId('path-types').addEventListener('change', (event) => {
  const box = /** @type {HTMLInputElement} */ (event.target);
  const boxes = /** @type {HTMLInputElement[]} */ ([...byId('path-types').querySelectorAll('input[type="checkbox"]')]);
  if (box.dataset.all !== undefined && box.checked) boxes.forEach((b) => { if (b !== box) b.checked = false; });
  else if (box.checked) boxes.forEach((b) => { if (b.dataset.all !== undefined) b.checked = false; });
  if (!boxes.some((b) => b.checked)) setPathTypes(['CITES']);
  saveState();
});

/** @type {import('./api.js').PathResult | null} */
let lastPaths = null;

async function findPath() {
  const from = field('path-from').value.trim();
  const to = field('path-to').value.trim();
  const list = byId('path-result');
  if (!from || !to) { showError(new Error('Give both ends of the path, such as A/RES/77/13 and S/RES/1631 (2005).')); return; }
  const direction = /** @type {'in' | 'out' | 'both'} */ (field('path-direction').value);
  const k = Math.max(1, Math.min(10, Number(field('path-count').value) || 1));
  const types = pathTypes();
  try {
    const result = await api.path(from, to, { types, direction, k });
    clearError();
    lastPaths = result;
    if (!result.found) {
      const along = types.length === 0 ? 'any relationship' : types.join(', ');
      list.replaceChildren(el('li', {}, `No path from ${from} to ${to} along ${along} (${direction === 'both' ? 'either way' : direction === 'out' ? 'citing' : 'cited by'}).`));
      view.highlight([]);
      saveState();
      return;
    }
    view.add(result, { relayout: true });
    const nodesById = new Map(result.nodes.map((n) => [n.id, n]));
    list.replaceChildren(...result.paths.map((p, index) => el('li', {
      'data-path': String(index), title: 'Highlight only this path', tabindex: '0',
      onclick: () => highlightPath(index),
      onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter') highlightPath(index); },
    }, `${p.relationships.length} step${p.relationships.length === 1 ? '' : 's'}: ${p.nodes.map((id) => nodesById.get(id)?.properties.symbol ?? captionOf(nodesById.get(id) ?? { id, labels: [], properties: {} })).join(' → ')}`)));
    view.highlight([...result.nodes.map((n) => n.id), ...result.relationships.map((r) => r.id)]);
    say(`${count(result.paths.length)} shortest path${result.paths.length === 1 ? '' : 's'} of ${result.length} step${result.length === 1 ? '' : 's'} from ${from} to ${to}.`);
    saveState();
  } catch (error) {
    showError(error);
  }
}

/** @param {number} index */
function highlightPath(index) {
  const p = lastPaths?.paths[index];
  if (!p) return;
  view.highlight([...p.nodes, ...p.relationships]);
  for (const item of byId('path-result').children) item.setAttribute('aria-current', String(item.getAttribute('data-path') === String(index)));
}

byId('path-button').addEventListener('click', findPath);
byId('path-swap').addEventListener('click', () => {
  const from = field('path-from');
  const to = field('path-to');
  [from.value, to.value] = [to.value, from.value];
});
for (const id of ['path-from', 'path-to']) {
  byId(id).addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter') findPath(); });
}

function updateSuggestions() {
  const list = byId('symbol-suggestions');
  const ids = view.snapshot().nodes.filter((n) => n.labels.includes('Document')).map((n) => n.id).sort();
  list.replaceChildren(...ids.map((id) => Object.assign(document.createElement('option'), { value: id })));
}

// ---- toolbar ------------------------------------------------------------------------------------

/** @param {string} name */
function setLayout(name) {
  const select = field('layout-select');
  select.value = name;
  view.setLayout(/** @type {any} */ (name));
  saveState();
}
byId('layout-select').addEventListener('change', (e) => setLayout(/** @type {HTMLSelectElement} */ (e.target).value));
byId('fit-button').addEventListener('click', () => view.fit());
byId('clear-button').addEventListener('click', () => { view.clear(); expandedOffsets.clear(); details.clear(); say(''); });

const exportButton = byId('export-button');
const exportMenu = byId('export-menu');
exportButton.addEventListener('click', () => {
  exportMenu.hidden = !exportMenu.hidden;
  exportButton.setAttribute('aria-expanded', String(!exportMenu.hidden));
});
exportMenu.addEventListener('click', (event) => {
  const format = /** @type {HTMLElement} */ (event.target).dataset.export;
  if (!format) return;
  exportMenu.hidden = true;
  if (view.isEmpty) { showError(new Error('The canvas is empty: open something first, then export it.')); return; }
  const graph = view.snapshot();
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'png') exporter.download(view.png(), `graph-${stamp}.png`);
  else if (format === 'json') exporter.download(exporter.toJson(graph), `graph-${stamp}.json`);
  else if (format === 'graphml') exporter.download(exporter.toGraphMl(graph), `graph-${stamp}.graphml`);
  else if (format === 'csv') exporter.download(exporter.toCsv(graph), `graph-${stamp}.csv`);
});
document.addEventListener('click', (event) => {
  if (!exportMenu.hidden && !exportButton.parentElement?.contains(/** @type {Node} */ (event.target))) exportMenu.hidden = true;
});

byId('share-button').addEventListener('click', async () => {
  const link = urlState.toUrl(currentState());
  try {
    await navigator.clipboard.writeText(link);
    say('Link copied: it restores this view.');
  } catch {
    say('Link to this view is in the address bar.');
  }
  history.replaceState(null, '', link);
});

// ---- drawer: Cypher console and evolution -------------------------------------------------------

const drawer = byId('drawer');
/** @type {string | null} */
let openTab = null;

/** @param {string | null} tab */
function openDrawer(tab) {
  openTab = tab;
  drawer.dataset.open = String(tab !== null);
  for (const button of drawer.querySelectorAll('.drawer-tabs [role="tab"]')) button.setAttribute('aria-selected', String(button.getAttribute('data-tab') === tab));
  for (const body of /** @type {NodeListOf<HTMLElement>} */ (drawer.querySelectorAll('.drawer-body'))) body.hidden = body.dataset.tab !== tab;
  // The editor is loaded when the console is first shown, not with the page.
  if (tab === 'cypher') cypher.loadEditor();
  // The canvas changes size with the drawer.
  requestAnimationFrame(() => { view.cy.resize(); if (tab === 'cypher' && results.tab === 'graph') results.show('graph'); });
  saveState();
}
for (const button of drawer.querySelectorAll('.drawer-tabs [role="tab"]')) {
  button.addEventListener('click', () => {
    const tab = button.getAttribute('data-tab');
    openDrawer(openTab === tab ? null : tab);
  });
}
byId('drawer-close').addEventListener('click', () => openDrawer(null));

// A result goes to the results view; the canvas changes only when the person adds the result to it.
cypher.addEventListener('result', (event) => { clearError(); results.showResult(/** @type {CustomEvent} */ (event).detail); });
cypher.addEventListener('failed', () => results.clear());
results.addEventListener('add', async (event) => {
  /** @type {import('./api.js').ApiGraph} */
  let graph = /** @type {CustomEvent} */ (event).detail;
  // A brief result's nodes lack their long texts: the canvas keeps whole nodes, since its exports write what it holds.
  const brief = graph.nodes.filter((n) => n.omitted).map((n) => n.id);
  if (brief.length > 0) {
    try {
      const full = new Map((await api.fullNodes(brief)).map((n) => [n.id, n]));
      graph = { ...graph, nodes: graph.nodes.map((n) => full.get(n.id) ?? n) };
    } catch (error) {
      showError(error);
      return;
    }
  }
  view.add(graph, { layout: 'force' });
  field('layout-select').value = view.layoutName;
  say(`Added ${count(graph.nodes.length)} nodes and ${count(graph.relationships.length)} relationships of the result to the canvas.`);
});
results.addEventListener('open', (event) => openNode(/** @type {CustomEvent} */ (event).detail.id));
results.addEventListener('select', (event) => showSelection(/** @type {CustomEvent} */ (event).detail));
cypher.addEventListener('ran', () => saveState());
evolution.addEventListener('open', (event) => openNode(/** @type {CustomEvent} */ (event).detail.id));
const seriesHistory = new SeriesHistory(byId('series-history'), showError);
// The whole series and the side-by-side comparison share the panel: showing one hides the other.
byId('series-history-button').addEventListener('click', () =>
  showWholeSeries(field('series-input').value.trim() || field('evolution-to').value.trim()));

/** The whole-series view of the series of a document, in place of the side-by-side comparison. @param {string} id */
async function showWholeSeries(id) {
  byId('evolution-diff').hidden = true;
  byId('evolution-legend').hidden = true;
  if (!field('series-input').value.trim()) field('series-input').value = id;
  await seriesHistory.show(id);
}
seriesHistory.addEventListener('shown', () => { clearError(); saveState(); });
seriesHistory.addEventListener('open', (event) => openNode(/** @type {CustomEvent} */ (event).detail.id));
evolution.addEventListener('compared', () => { seriesHistory.hide(); byId('evolution-diff').hidden = false; clearError(); saveState(); });
evolution.addEventListener('series', () => { clearError(); saveState(); });
byId('evolution-changed-only').addEventListener('change', () => saveState());

// ---- shareable state ----------------------------------------------------------------------------

/** @returns {import('./url-state.js').ViewState} */
function currentState() {
  const f = filters.state();
  const from = field('evolution-from').value.trim();
  const to = field('evolution-to').value.trim();
  const pathFrom = field('path-from').value.trim();
  const pathTo = field('path-to').value.trim();
  return {
    nodes: view.snapshot().nodes.map((n) => n.id).slice(0, urlState.MAX_NODES_IN_URL),
    selected: view.selectedId(),
    pins: view.pinnedPositions(),
    layout: view.layoutName === 'force' ? undefined : view.layoutName,
    hiddenKinds: [...f.hiddenKinds], hiddenTypes: [...f.hiddenTypes], hiddenBodies: [...f.hiddenBodies], years: f.years,
    tab: openTab,
    query: openTab === 'cypher' ? cypher.query : undefined,
    params: openTab === 'cypher' ? cypher.paramsText : undefined,
    evolution: from && to && openTab === 'evolution' ? [from, to] : null,
    series: openTab === 'evolution' && evolution.seriesId ? evolution.seriesId : undefined,
    wholeSeries: openTab === 'evolution' && seriesHistory.shownId ? seriesHistory.shownId : undefined,
    changedOnly: openTab === 'evolution' && field('evolution-changed-only').checked ? true : undefined,
    path: pathFrom && pathTo ? [pathFrom, pathTo] : null,
    pathTypes: pathFrom && pathTo ? pathTypes().join(',') : undefined,
    pathDirection: pathFrom && pathTo ? field('path-direction').value : undefined,
    pathCount: pathFrom && pathTo ? Number(field('path-count').value) : undefined,
    full: panels.fullPage || undefined,
  };
}

let restoring = false;
const saveState = debounce(() => { if (!restoring) urlState.remember(currentState()); }, 300);

async function restore() {
  const state = urlState.fromUrl();
  if (!state) return;
  restoring = true;
  try {
    filters.restore(state);
    view.setFilters(filters.state());
    if (state.layout) field('layout-select').value = state.layout;
    view.layoutName = /** @type {any} */ (state.layout ?? 'force');
    if (state.nodes && state.nodes.length > 0) {
      const graph = await api.subgraph(state.nodes);
      view.add(graph);
      if (state.pins) view.restorePins(state.pins);
    }
    if (state.path) {
      field('path-from').value = state.path[0];
      field('path-to').value = state.path[1];
      if (state.pathTypes !== undefined) setPathTypes(state.pathTypes ? state.pathTypes.split(',') : []);
      if (state.pathDirection) field('path-direction').value = state.pathDirection;
      if (state.pathCount) field('path-count').value = String(state.pathCount);
      await findPath();
    }
    if (state.selected) {
      view.select(state.selected);
      await showSelection({ kind: 'node', id: state.selected, data: null });
    }
    if (state.tab) openDrawer(state.tab);
    if (state.query !== undefined) cypher.setQuery(state.query, undefined);
    if (state.params !== undefined) field('cypher-params').value = state.params;
    if (state.series) await evolution.showSeries(state.series);
    if (state.changedOnly) /** @type {HTMLInputElement} */ (field('evolution-changed-only')).checked = true;
    if (state.evolution) await evolution.compare(state.evolution[0], state.evolution[1]);
    if (state.wholeSeries) await showWholeSeries(state.wholeSeries);
    if (state.full) panels.setFullPage(true);
  } catch (error) {
    showError(error);
  } finally {
    restoring = false;
  }
}

// ---- start --------------------------------------------------------------------------------------

filters.update(view.tally());
api.overview()
  .then((o) => {
    if (view.isEmpty) say(`${count(o.documents)} documents, ${count(o.nodes)} nodes and ${count(o.relationships)} relationships in the graph.`);
    fetcher.writes = o.writes ?? 'off';
    // A node selected before the server answered gets its "Fetch from the UN" now.
    const selected = view.selectedId();
    if (selected && fetcher.available) showSelection({ kind: 'node', id: selected, data: null });
  })
  .catch(showError);
restore();
// For tests and the curious: the explorer's parts, from the browser console.
Object.assign(window, { explorer: { view, cypher, results, evolution, seriesHistory, panels, openDrawer, fetcher } });
