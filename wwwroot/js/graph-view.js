// @ts-check
// The one owner of the Cytoscape instance. Panels never touch Cytoscape: they call this module's
// methods and listen to its events ("select", "unselect", "expand", "more", "change").

import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { captionOf, kindOf, largeGraphStyle, stylesheet } from './graph-style.js';
import { clusterPositions } from './cluster-layout.js';

cytoscape.use(dagre);
const fcose = /** @type {any} */ (window).cytoscapeFcose;
if (fcose) cytoscape.use(fcose);

/** Above this many elements Cytoscape draws with WebGL, which stays fluid with thousands of nodes. */
export const WEBGL_THRESHOLD = 2000;

/**
 * From this many nodes the view draws cheaply (straight edges without arrows, captions only on hubs,
 * no borders, a still image while panning) and the force layout gives way to the one-pass cluster
 * layout: fcose needs seconds for a thousand nodes, and its draft mode piles leaves on their hubs.
 */
export const LARGE_GRAPH_NODES = 400;

/**
 * Fewer nodes with this many relationships among them (a query's thousand citations between three hundred
 * documents) also get the one-pass layout: fcose's cost grows with the relationships too, and took 2.6 s for these.
 */
const FORCE_LAYOUT_MAX_EDGES = 600;

/** How many of the best-connected nodes keep their caption in a large graph, so a person can find their way. */
const LABELLED_HUBS = 40;

/** In a large graph, once a person zooms in until at most this many nodes are in view, they all get their captions. */
const LABELLED_IN_VIEW = 250;

/**
 * @typedef {import('./api.js').ApiNode} ApiNode
 * @typedef {import('./api.js').ApiRelationship} ApiRelationship
 * @typedef {{ hiddenKinds: Set<string>, hiddenTypes: Set<string>, hiddenBodies: Set<string>, years: [number, number] | null }} Filters
 * @typedef {'force' | 'hierarchy' | 'timeline' | 'body' | 'decade'} LayoutName
 */

export class GraphView extends EventTarget {
  /** @param {HTMLElement} container */
  constructor(container) {
    super();
    this.container = container;
    /** @type {LayoutName} */
    this.layoutName = 'force';
    /** @type {Filters} */
    this.filters = { hiddenKinds: new Set(), hiddenTypes: new Set(), hiddenBodies: new Set(), years: null };
    /** @type {'normal' | 'large' | 'webgl'} */
    this.mode = 'normal';
    /** @type {string | null} the node clicked last, so that a second click expands it */
    this.lastTapped = null;
    /** @type {number | undefined} the pending level-of-detail pass */
    this.labelTimer = undefined;
    /**
     * One Cytoscape per mode, each in a layer of its own, kept when the view changes mode: renderer options are
     * fixed when Cytoscape starts, and starting the WebGL one (its context and shaders, on software WebGL here) cost
     * 0.2–0.35 s of every large result that followed a smaller one.
     * @type {Map<string, { cy: any, layer: HTMLElement }>}
     */
    this.instances = new Map();
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    this.cy = this.#create([], 'normal');
  }

  /**
   * @param {any[]} elements
   * @param {'normal' | 'large' | 'webgl'} mode
   */
  #create(elements, mode) {
    const large = mode !== 'normal';
    const layer = document.createElement('div');
    layer.className = 'graph-layer';
    layer.style.cssText = 'position:absolute;inset:0';
    this.container.prepend(layer);
    const cy = cytoscape(/** @type {any} */ ({
      container: layer,
      elements,
      style: large ? largeGraphStyle() : stylesheet(),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      // Panning and zooming a large graph move a snapshot and redraw once the hand stops.
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      // Device pixels cost four times the fill on a high-density screen; a large graph does not need them.
      pixelRatio: large ? 1 : 'auto',
      // Cytoscape >= 3.31: the canvas renderer can draw nodes and edges with WebGL.
      renderer: mode === 'webgl' ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    }));
    cy.on('tap', 'node', (event) => {
      const node = event.target;
      if (node.data('more')) {
        this.emit('more', { id: node.data('parentId'), offset: node.data('offset') });
        return;
      }
      // The first click selects a node and shows its details; a click on the selected node expands it.
      if (this.lastTapped === node.id()) {
        this.emit('expand', { id: node.id() });
        return;
      }
      this.lastTapped = node.id();
      this.emit('select', { kind: 'node', id: node.id(), data: node.data('api') });
    });
    cy.on('tap', 'edge', (event) => {
      this.lastTapped = null;
      this.emit('select', { kind: 'edge', id: event.target.id(), data: event.target.data('api') });
    });
    cy.on('tap', (event) => {
      if (event.target !== cy) return;
      this.lastTapped = null;
      this.emit('unselect', {});
    });
    cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
    cy.on('viewport', () => { this.#drawAxis(); this.#drawGroupLabels(); this.#labelInViewSoon(); });
    this.mode = mode;
    this.instances.set(mode, { cy, layer });
    return cy;
  }

  /**
   * Moves the graph to the Cytoscape with the cheap style, or the WebGL renderer, once it grows past a threshold (and
   * back when it shrinks): renderer options are fixed when Cytoscape starts, so each mode has its own, started the
   * first time it is needed and then kept, empty and hidden, while another mode is shown.
   * @param {number} nodes @param {number} elements how many there will be
   */
  #ensureMode(nodes, elements) {
    /** @type {'normal' | 'large' | 'webgl'} */
    const mode = elements > WEBGL_THRESHOLD ? 'webgl' : nodes >= LARGE_GRAPH_NODES ? 'large' : 'normal';
    if (mode === this.mode) return;
    const current = this.instances.get(this.mode);
    const elementsNow = this.cy.elements().jsons();
    this.cy.elements().remove();
    if (current) current.layer.hidden = true;
    const kept = this.instances.get(mode);
    if (!kept) {
      this.cy = this.#create(elementsNow, mode);
      return;
    }
    kept.layer.hidden = false;
    this.cy = kept.cy;
    this.mode = mode;
    this.cy.resize();
    if (elementsNow.length > 0) this.cy.add(elementsNow);
  }

  get webgl() {
    return this.mode === 'webgl';
  }

  /** @param {string} type @param {any} detail */
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  get isEmpty() {
    return this.cy.nodes().length === 0;
  }

  get rendererName() {
    return this.mode === 'webgl' ? 'webgl' : 'canvas';
  }

  /** @param {string} id */
  has(id) {
    return this.cy.getElementById(id).nonempty();
  }

  /**
   * Adds nodes and relationships (merging with what is there), in one batch.
   * @param {{ nodes: ApiNode[], relationships: ApiRelationship[] }} graph
   * @param {{ near?: string, relayout?: boolean, layout?: LayoutName }} [options] layout: the layout this view calls for
   *   (a citation chain reads as a hierarchy); without it the current one stays
   * @returns {string[]} ids of the nodes that were new
   */
  add(graph, options = {}) {
    const started = performance.now();
    this.#ensureMode(this.cy.nodes().length + graph.nodes.length, this.cy.elements().length + graph.nodes.length + graph.relationships.length);
    const cy = this.cy;
    /** @type {string[]} */
    const added = [];
    const near = options.near ? cy.getElementById(options.near) : null;
    const origin = near?.nonempty() ? near.position() : { x: cy.width() / 2, y: cy.height() / 2 };
    /** @type {any[]} */
    const fresh = [];
    /** @type {Set<string>} ids of the nodes that will be on the canvas */
    const present = new Set();
    cy.startBatch();
    for (const node of graph.nodes) {
      if (present.has(node.id)) continue;
      present.add(node.id);
      const existing = cy.getElementById(node.id);
      const data = nodeData(node);
      if (existing.nonempty()) {
        existing.data(data);
        continue;
      }
      added.push(node.id);
      fresh.push({
        group: 'nodes',
        data,
        position: { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 },
      });
    }
    /** @type {Set<string>} */
    const freshEdges = new Set();
    for (const relationship of graph.relationships) {
      if (freshEdges.has(relationship.id) || cy.getElementById(relationship.id).nonempty()) continue;
      const hasStart = present.has(relationship.start) || cy.getElementById(relationship.start).nonempty();
      const hasEnd = present.has(relationship.end) || cy.getElementById(relationship.end).nonempty();
      if (!hasStart || !hasEnd) continue;
      freshEdges.add(relationship.id);
      fresh.push({ group: 'edges', data: edgeData(relationship) });
    }
    // One call: Cytoscape builds one collection and indexes it once, instead of once per element.
    cy.add(fresh);
    if (this.mode !== 'normal') this.#markHubs();
    // With no filter set nothing can be hidden: ten thousand class changes would buy nothing.
    if (this.#filtering()) this.#applyFilters();
    cy.endBatch();
    if (options.layout) this.layoutName = options.layout;
    const laying = performance.now();
    /** Milliseconds the last add took: elements built, then laid out (for the benchmark and the curious). */
    this.lastAddMs = Math.round(laying - started);
    if (options.relayout !== false && (added.length > 0 || options.layout)) this.layout();
    this.lastLayoutMs = Math.round(performance.now() - laying);
    this.emit('change', { added });
    return added;
  }

  /**
   * Level of detail for a large graph: far out only the hubs have captions; zoomed in to a few hundred nodes, every
   * node in view has one. Run once the hand stops (the viewport event fires on every step of a pan).
   */
  #labelInViewSoon() {
    if (this.mode === 'normal') return;
    clearTimeout(this.labelTimer);
    this.labelTimer = window.setTimeout(() => this.#labelInView(), 120);
  }

  #labelInView() {
    const cy = this.cy;
    if (this.mode === 'normal' || cy.destroyed()) return;
    const { x1, x2, y1, y2 } = cy.extent();
    /** @type {any[]} */
    const inView = [];
    let tooMany = false;
    cy.nodes().forEach((/** @type {any} */ node) => {
      if (tooMany) return;
      const { x, y } = node.position();
      if (x >= x1 && x <= x2 && y >= y1 && y <= y2) {
        inView.push(node);
        tooMany = inView.length > LABELLED_IN_VIEW;
      }
    });
    cy.batch(() => {
      cy.nodes('.near').removeClass('near');
      if (!tooMany) for (const node of inView) node.addClass('near');
    });
  }

  /** Marks the best-connected nodes, whose captions stay on in a large graph. */
  #markHubs() {
    const nodes = this.cy.nodes();
    nodes.removeClass('hub');
    /** @type {{ node: any, degree: number }[]} */
    const ranked = [];
    nodes.forEach((node) => { ranked.push({ node, degree: node.degree(false) }); });
    ranked.sort((a, b) => b.degree - a.degree);
    // A node with one or two neighbours is no landmark; rows of unconnected nodes get no captions at all.
    for (const { node, degree } of ranked.slice(0, LABELLED_HUBS)) if (degree >= 3) node.addClass('hub');
  }

  /**
   * Shows a "+N more" handle beside a node whose neighbours were not all loaded.
   * @param {string} parentId @param {number} remaining @param {number} offset
   */
  setMore(parentId, remaining, offset) {
    const cy = this.cy;
    const id = `more:${parentId}`;
    cy.getElementById(id).remove();
    if (remaining <= 0) return;
    const parent = cy.getElementById(parentId);
    const position = parent.nonempty() ? { x: parent.position().x + 70, y: parent.position().y - 70 } : { x: 0, y: 0 };
    cy.add([
      { group: 'nodes', data: { id, caption: `+${remaining} more`, kind: 'More', more: true, parentId, offset, weight: 0 }, position, classes: 'more' },
      { group: 'edges', data: { id: `${id}-edge`, source: parentId, target: id, type: 'MORE', count: 1 } },
    ]);
  }

  /** Removes a node from the view (not from the graph), with its "more" handle. @param {string} id */
  dismiss(id) {
    this.cy.getElementById(id).remove();
    this.cy.getElementById(`more:${id}`).remove();
    this.emit('change', { removed: [id] });
  }

  /** Pins a node where it is, so layouts leave it there; pins again to release. @param {string} id */
  togglePin(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    if (node.hasClass('pinned')) {
      node.removeClass('pinned').unlock();
      return false;
    }
    node.addClass('pinned').lock();
    return true;
  }

  /** @param {string} id */
  isPinned(id) {
    return this.cy.getElementById(id).hasClass('pinned');
  }

  clear() {
    this.cy.elements().remove();
    this.#drawAxis();
    this.#drawGroupLabels();
    this.emit('change', { cleared: true });
  }

  /** Selects and centres an element. @param {string} id */
  select(id) {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.elements().unselect();
    element.select();
    this.lastTapped = element.isNode() ? id : null;
    if (element.isNode()) this.cy.animate({ center: { eles: element } }, { duration: 250 });
  }

  /** @returns {string | null} */
  selectedId() {
    const selected = this.cy.$(':selected');
    return selected.nonempty() ? selected.first().id() : null;
  }

  /**
   * Highlights a path and fades everything else.
   * @param {string[]} ids node and relationship ids on the path
   */
  highlight(ids) {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (ids.length === 0) return;
      let onPath = cy.collection();
      for (const id of ids) onPath = onPath.union(cy.getElementById(id));
      cy.elements().not(onPath).addClass('faded');
      onPath.addClass('path');
    });
  }

  /** @param {LayoutName} name */
  setLayout(name) {
    this.layoutName = name;
    this.layout();
  }

  /**
   * The layout the canvas gets: the chosen one, unless it would hide the graph. A hierarchy of hundreds of
   * nodes, or of nodes that hardly cite one another, is one endless column (and dagre takes seconds on it),
   * so such a graph gets the fast layouts instead.
   */
  get effectiveLayout() {
    const visible = this.#visible();
    const nodes = visible.nodes().length;
    if (this.layoutName === 'hierarchy' && (nodes >= LARGE_GRAPH_NODES || visible.edges().length < nodes / 3)) return 'force';
    return this.layoutName;
  }

  /**
   * What is drawn. Without a filter nothing is hidden, and the ':visible' selector, which computes the style of
   * every element, would cost a large result hundreds of milliseconds for nothing.
   */
  #visible() {
    return this.#filtering() ? this.cy.elements(':visible') : this.cy.elements();
  }

  layout() {
    const cy = this.cy;
    const visible = this.#visible();
    if (visible.nodes().length === 0) return;
    const chosen = this.effectiveLayout;
    /** @type {{ year: number | null, x: number }[]} the timeline's columns, drawn as an axis while it is the layout */
    this.axisYears = [];
    /** @type {{ text: string, x: number, y: number }[]} the groups' names, over each group, while grouping is the layout */
    this.groupLabels = [];
    /** @type {any} */
    let options;
    if (chosen === 'hierarchy') {
      // Citations point from the newer document to the older one: ranking right-to-left puts the
      // oldest on the left, so the chain reads in time order.
      options = { name: 'dagre', rankDir: 'RL', nodeSep: 18, rankSep: 70, animate: false, fit: true, padding: 30 };
    } else if (chosen === 'body' || chosen === 'decade') {
      const groups = groupPositions(visible.nodes(), chosen === 'body' ? bodyOf : decadeOf, cy.width() / Math.max(1, cy.height()));
      this.groupLabels = groups.labels;
      // Room above the top row for its groups' names.
      options = { name: 'preset', positions: groups.positions, fit: true, padding: 64, animate: false };
    } else if (chosen === 'timeline') {
      const timeline = timelinePositions(visible.nodes());
      this.axisYears = timeline.columns;
      options = { name: 'preset', positions: timeline.positions, fit: true, padding: 40, animate: false };
    } else if (visible.nodes().length > 300 && visible.edges().length < visible.nodes().length / 3) {
      // Mostly unconnected nodes (a query's bare rows): a force layout has nothing to pull on; a grid reads better.
      this.#placeInGrid(visible.nodes());
      return;
    } else if (visible.nodes().length >= LARGE_GRAPH_NODES || visible.edges().length >= FORCE_LAYOUT_MAX_EDGES) {
      options = { name: 'preset', positions: clusterLayout(visible), fit: true, padding: 30, animate: false };
    } else if (fcose) {
      options = { name: 'fcose', quality: visible.nodes().length > 400 ? 'draft' : 'default', animate: false, randomize: visible.nodes().length > 2, nodeRepulsion: 9000, idealEdgeLength: 110, nodeSeparation: 90, fit: true, padding: 30, packComponents: true };
    } else {
      options = { name: 'cose', animate: false, fit: true, padding: 30 };
    }
    const layout = visible.layout(options);
    // A handful of nodes would otherwise be fitted at the maximum zoom, with huge labels.
    layout.one('layoutstop', () => { this.#clampZoom(); this.#sizeTimelineCaptions(); this.#drawAxis(); this.#drawGroupLabels(); });
    layout.run();
  }

  /**
   * Rows of equal cells, placed and fitted here rather than by a Cytoscape layout: the grid layout measures every
   * node and its label to avoid overlaps, and fitting measures them again, which took over a second for five
   * thousand nodes that all have the same size anyway.
   * @param {any} nodes
   */
  #placeInGrid(nodes) {
    const cy = this.cy;
    const { positions, width, height } = gridPositions(nodes, cy.width() / Math.max(1, cy.height()));
    cy.batch(() => nodes.positions((/** @type {any} */ n) => positions[n.id()]));
    const padding = 30 + GRID_CELL / 2;
    const zoom = Math.max(cy.minZoom(), Math.min(1.4, (cy.width() - 2 * padding) / Math.max(1, width), (cy.height() - 2 * padding) / Math.max(1, height)));
    cy.viewport({ zoom, pan: { x: (cy.width() - width * zoom) / 2, y: (cy.height() - height * zoom) / 2 } });
  }

  /**
   * The timeline's year axis: one label per column above the canvas, kept under its column as the view pans and
   * zooms (an overlay rather than nodes, so exports, filters and counts never see it).
   */
  #drawAxis() {
    let axis = /** @type {HTMLElement | null} */ (this.container.querySelector(':scope > .timeline-axis'));
    // Cheap tests only: this runs on every step of a pan or zoom.
    const years = this.layoutName === 'timeline' && this.axisYears && this.axisYears.length > 0 && !this.isEmpty ? this.axisYears : [];
    if (years.length === 0) { axis?.remove(); return; }
    if (!axis) {
      axis = document.createElement('div');
      axis.className = 'timeline-axis';
      axis.setAttribute('aria-hidden', 'true');
      this.container.append(axis);
    }
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    // Every year when there is room, otherwise every second, fifth or tenth column.
    const step = [1, 2, 5, 10, 20].find((s) => s * 180 * zoom >= 44) ?? 50;
    axis.replaceChildren(...years.filter((_, i) => i % step === 0).map(({ year, x }) => {
      const label = document.createElement('span');
      label.textContent = year === null ? 'undated' : String(year);
      label.style.left = `${Math.round(x * zoom + pan.x)}px`;
      return label;
    }));
  }

  /** The name of each group over it, while the nodes are grouped by body or decade (an overlay, as the year axis). */
  #drawGroupLabels() {
    let overlay = /** @type {HTMLElement | null} */ (this.container.querySelector(':scope > .group-labels'));
    const grouped = (this.layoutName === 'body' || this.layoutName === 'decade') && this.groupLabels && this.groupLabels.length > 0 && !this.isEmpty;
    if (!grouped) { overlay?.remove(); return; }
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.className = 'group-labels';
      overlay.setAttribute('aria-hidden', 'true');
      this.container.append(overlay);
    }
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    overlay.replaceChildren(...(this.groupLabels ?? []).map(({ text, x, y }) => {
      const label = document.createElement('span');
      label.textContent = text;
      label.style.left = `${Math.round(x * zoom + pan.x)}px`;
      label.style.top = `${Math.round(y * zoom + pan.y)}px`;
      return label;
    }));
  }

  /**
   * Captions that stay readable when the timeline is fitted far out: sized to about 8 screen pixels, however far
   * out the view is fitted (a caption under 7 px is not drawn at all).
   */
  #sizeTimelineCaptions() {
    const nodes = this.cy.nodes();
    if (this.layoutName !== 'timeline' || this.mode !== 'normal') {
      if (this.timelineCaptions) nodes.removeStyle('font-size min-zoomed-font-size');
      this.timelineCaptions = false;
      return;
    }
    this.timelineCaptions = true;
    nodes.style({ 'font-size': Math.round(Math.min(26, Math.max(10, 8 / this.cy.zoom()))), 'min-zoomed-font-size': 0 });
  }

  #clampZoom() {
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center(this.#visible());
    }
    // A large graph is fitted far out: the hubs' captions are sized to read at that zoom.
    if (this.mode !== 'normal') this.cy.nodes('.hub').style('font-size', Math.round(Math.min(40, 12 / this.cy.zoom())));
  }

  fit() {
    this.cy.fit(this.#visible(), 30);
    this.#clampZoom();
  }

  /** @param {Partial<Filters>} filters */
  setFilters(filters) {
    Object.assign(this.filters, filters);
    this.cy.batch(() => this.#applyFilters());
  }

  #filtering() {
    const { hiddenKinds, hiddenTypes, hiddenBodies, years } = this.filters;
    return hiddenKinds.size > 0 || hiddenTypes.size > 0 || hiddenBodies.size > 0 || years !== null;
  }

  #applyFilters() {
    const { hiddenKinds, hiddenTypes, hiddenBodies, years } = this.filters;
    this.cy.nodes().forEach((node) => {
      if (node.data('more')) return;
      const year = node.data('year');
      const hidden =
        hiddenKinds.has(node.data('kind')) ||
        (node.data('body') && hiddenBodies.has(node.data('body'))) ||
        (years !== null && typeof year === 'number' && (year < years[0] || year > years[1]));
      node.toggleClass('filtered', Boolean(hidden));
    });
    this.cy.edges().forEach((edge) => { edge.toggleClass('filtered', hiddenTypes.has(edge.data('type'))); });
  }

  /** Counts of what is on the canvas, for the filter panel. */
  tally() {
    /** @type {Record<string, number>} */ const kinds = {};
    /** @type {Record<string, number>} */ const types = {};
    /** @type {Record<string, number>} */ const bodies = {};
    let minYear = Infinity;
    let maxYear = -Infinity;
    this.cy.nodes().forEach((node) => {
      if (node.data('more')) return;
      kinds[node.data('kind')] = (kinds[node.data('kind')] ?? 0) + 1;
      const body = node.data('body');
      if (body) bodies[body] = (bodies[body] ?? 0) + 1;
      const year = node.data('year');
      if (typeof year === 'number') {
        minYear = Math.min(minYear, year);
        maxYear = Math.max(maxYear, year);
      }
    });
    this.cy.edges().forEach((edge) => {
      if (edge.data('type') === 'MORE') return;
      types[edge.data('type')] = (types[edge.data('type')] ?? 0) + 1;
    });
    /** @type {[number, number] | null} */
    const years = Number.isFinite(minYear) ? [minYear, maxYear] : null;
    return { kinds, types, bodies, years };
  }

  /** The nodes and relationships on the canvas, in the API's shape (for exports and the shared URL). */
  snapshot() {
    /** @type {ApiNode[]} */
    const nodes = this.cy.nodes().filter((n) => !n.data('more')).map((n) => n.data('api'));
    /** @type {ApiRelationship[]} */
    const relationships = this.cy.edges().filter((e) => e.data('type') !== 'MORE').map((e) => e.data('api'));
    return { nodes, relationships };
  }

  /** @returns {Record<string, {x: number, y: number}>} positions of pinned nodes */
  pinnedPositions() {
    /** @type {Record<string, {x: number, y: number}>} */
    const pins = {};
    this.cy.nodes('.pinned').forEach((n) => {
      pins[n.id()] = { x: Math.round(n.position().x), y: Math.round(n.position().y) };
    });
    return pins;
  }

  /** @param {Record<string, {x: number, y: number}>} pins */
  restorePins(pins) {
    for (const [id, position] of Object.entries(pins)) {
      const node = this.cy.getElementById(id);
      if (node.empty()) continue;
      node.position(position);
      node.addClass('pinned').lock();
    }
  }

  /** @returns {Blob} the visible graph as a PNG image */
  png() {
    return /** @type {Blob} */ (this.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000 }));
  }
}

/** @param {ApiNode} node */
function nodeData(node) {
  const p = node.properties ?? {};
  return {
    id: node.id,
    caption: captionOf(node),
    kind: kindOf(node.labels),
    stub: p.stub === true,
    weight: Math.min(Number(/** @type {any} */ (node).weight ?? 0), 20),
    year: typeof p.year === 'number' ? p.year : yearOf(p.adoptionDate ?? p.date),
    body: p.body ?? null,
    api: node,
  };
}

/** @param {ApiRelationship} relationship */
function edgeData(relationship) {
  return {
    id: relationship.id,
    source: relationship.start,
    target: relationship.end,
    type: relationship.type,
    count: Number(relationship.properties?.count ?? 1),
    api: relationship,
  };
}

/**
 * Positions from the one-pass cluster layout, for Cytoscape's preset layout.
 * @param {any} visible the visible elements
 */
function clusterLayout(visible) {
  /** @type {import('./cluster-layout.js').LayoutNode[]} */
  const nodes = visible.nodes().map((/** @type {any} */ n) => ({ id: n.id(), size: n.width() }));
  /** @type {import('./cluster-layout.js').LayoutEdge[]} */
  const edges = visible.edges().map((/** @type {any} */ e) => ({ source: e.data('source'), target: e.data('target'), type: e.data('type') }));
  const positions = clusterPositions(nodes, edges);
  return (/** @type {any} */ node) => positions.get(node.id()) ?? { x: 0, y: 0 };
}

/** The side of a grid cell, in model pixels: room for the largest node and a short caption. */
const GRID_CELL = 60;

/**
 * Rows of equal cells, in id order, as wide as the canvas is for its height.
 * @param {any} nodes @param {number} aspect the canvas's width over its height
 */
function gridPositions(nodes, aspect) {
  /** @type {string[]} */
  const ids = nodes.map((/** @type {any} */ n) => n.id());
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length * aspect)));
  /** @type {Record<string, {x: number, y: number}>} */
  const positions = {};
  ids.forEach((id, i) => { positions[id] = { x: (i % columns) * GRID_CELL, y: Math.floor(i / columns) * GRID_CELL }; });
  const rows = Math.ceil(ids.length / columns);
  return { positions, width: (Math.min(columns, ids.length) - 1) * GRID_CELL, height: (rows - 1) * GRID_CELL };
}

/** @param {unknown} date */
function yearOf(date) {
  return typeof date === 'string' && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null;
}

/** @param {any} node */
function bodyOf(node) {
  return String(node.data('body') ?? (node.data('kind') === 'Paragraph' || node.data('kind') === 'Footnote' ? 'Paragraphs' : node.data('kind') ?? 'Other'));
}

/** @param {any} node */
function decadeOf(node) {
  const year = node.data('year');
  return typeof year === 'number' ? `${Math.floor(year / 10) * 10}s` : 'undated';
}

/**
 * Nodes in groups (a body, a decade), each group a disc of its members, the most cited in the middle (a sunflower:
 * the i-th node at radius √i, turned by the golden angle), the groups in rows in their names' order.
 * @param {any} nodes @param {(node: any) => string} keyOf @param {number} aspect the canvas's width over its height
 */
function groupPositions(nodes, keyOf, aspect) {
  const SPACING = 34;
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  nodes.forEach((/** @type {any} */ node) => {
    const key = keyOf(node);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)?.push(node);
  });
  const keys = [...groups.keys()].sort((a, b) => (a === 'undated') !== (b === 'undated') ? (a === 'undated' ? 1 : -1) : a.localeCompare(b));
  const radius = (/** @type {number} */ n) => SPACING * Math.sqrt(n) + SPACING;
  const perRow = Math.max(1, Math.round(Math.sqrt(keys.length * aspect)));
  /** @type {Record<string, {x: number, y: number}>} */
  const positions = {};
  /** @type {{ text: string, x: number, y: number }[]} */
  const labels = [];
  let y = 0;
  for (let row = 0; row * perRow < keys.length; row++) {
    const rowKeys = keys.slice(row * perRow, (row + 1) * perRow);
    const rowRadius = Math.max(...rowKeys.map((k) => radius(groups.get(k)?.length ?? 0)));
    let x = 0;
    for (const key of rowKeys) {
      const members = (groups.get(key) ?? []).sort((/** @type {any} */ a, /** @type {any} */ b) => (b.data('weight') ?? 0) - (a.data('weight') ?? 0) || (a.id() < b.id() ? -1 : 1));
      const r = radius(members.length);
      const cx = x + r;
      const cy = y + rowRadius;
      members.forEach((node, i) => {
        const distance = SPACING * Math.sqrt(i);
        const angle = i * 2.399963;
        positions[node.id()] = { x: cx + distance * Math.cos(angle), y: cy + distance * Math.sin(angle) };
      });
      labels.push({ text: `${key} (${members.length})`, x: cx, y: cy - r });
      x += 2 * r + SPACING * 2;
    }
    y += 2 * rowRadius + SPACING * 3;
  }
  return { positions, labels };
}

/** The column of documents without a year, after every dated one. */
const UNDATED = 9999;

/** Model pixels between the timeline's year columns: room for a caption at the sizes the timeline draws them. */
const TIMELINE_COLUMN = 180;

/**
 * Places nodes in columns by year (oldest left); nodes without a year go in a last column.
 * @param {any} nodes
 */
function timelinePositions(nodes) {
  /** @type {Map<number, any[]>} */
  const columns = new Map();
  nodes.forEach((/** @type {any} */ node) => {
    const year = node.data('year') ?? UNDATED;
    if (!columns.has(year)) columns.set(year, []);
    columns.get(year)?.push(node);
  });
  const years = [...columns.keys()].sort((a, b) => a - b);
  /** @type {Record<string, {x: number, y: number}>} */
  const positions = {};
  years.forEach((year, column) => {
    const members = (columns.get(year) ?? []).sort((/** @type {any} */ a, /** @type {any} */ b) => a.id().localeCompare(b.id()));
    members.forEach((node, row) => {
      positions[node.id()] = { x: column * TIMELINE_COLUMN, y: (row - (members.length - 1) / 2) * 60 };
    });
  });
  return { positions, columns: years.map((year, column) => ({ year: year === UNDATED ? null : year, x: column * TIMELINE_COLUMN })) };
}
