// @ts-check
// How the graph looks: one colour per kind of node, size by how often a document is cited,
// stubs (documents known only from citations) drawn hollow with a dashed border.

/** Kinds of node in legend order, with the colour and shape that draw them. */
export const KINDS = [
  { kind: 'Resolution', label: 'Resolution', color: '#1769aa', shape: 'ellipse' },
  { kind: 'Decision', label: 'Decision', color: '#4b9be0', shape: 'ellipse' },
  { kind: 'PresidentialStatement', label: 'Presidential statement', color: '#c2185b', shape: 'ellipse' },
  { kind: 'Report', label: 'Report', color: '#f0b429', shape: 'round-rectangle' },
  { kind: 'Letter', label: 'Letter', color: '#d98c2b', shape: 'round-rectangle' },
  { kind: 'Draft', label: 'Draft', color: '#9e9d24', shape: 'round-rectangle' },
  { kind: 'MeetingRecord', label: 'Meeting record', color: '#8d6e63', shape: 'round-rectangle' },
  { kind: 'Document', label: 'Other document', color: '#607d8b', shape: 'ellipse' },
  { kind: 'Paragraph', label: 'Paragraph', color: '#90a4ae', shape: 'round-rectangle' },
  { kind: 'Footnote', label: 'Footnote', color: '#b0bec5', shape: 'round-rectangle' },
  { kind: 'Organization', label: 'Organisation', color: '#2e7d32', shape: 'diamond' },
  { kind: 'Operation', label: 'Operation', color: '#6a1b9a', shape: 'diamond' },
  { kind: 'Agreement', label: 'Agreement', color: '#00897b', shape: 'hexagon' },
  { kind: 'Meeting', label: 'Meeting', color: '#795548', shape: 'triangle' },
  { kind: 'Session', label: 'Session', color: '#455a64', shape: 'triangle' },
  { kind: 'Series', label: 'Series', color: '#ef6c00', shape: 'star' },
];

/** The colour of a node whose kind the table does not know. */
export const DEFAULT_COLOR = '#607d8b';

const KIND_ORDER = KINDS.map((k) => k.kind);

/**
 * The one kind that decides how a node is drawn: its most specific label.
 * @param {string[]} labels
 */
export function kindOf(labels) {
  let best = 'Document';
  let bestIndex = Number.MAX_SAFE_INTEGER;
  for (const label of labels) {
    const index = KIND_ORDER.indexOf(label);
    if (index >= 0 && index < bestIndex) {
      best = label;
      bestIndex = index;
    }
  }
  return bestIndex === Number.MAX_SAFE_INTEGER && labels.length > 0 ? labels[0] : best;
}

/** @param {string} kind */
export function colorOf(kind) {
  return KINDS.find((k) => k.kind === kind)?.color ?? DEFAULT_COLOR;
}

/**
 * A short caption for a node: the symbol of a document, "op 2" for a paragraph, the name of an entity.
 * @param {{ id: string, labels: string[], properties: Record<string, any> }} node
 */
export function captionOf(node) {
  const p = node.properties ?? {};
  if (node.labels.includes('Paragraph')) {
    const doc = node.id.split('#')[0];
    const local = p.kind === 'operative' || p.kind === 'subparagraph' ? `op ${p.number ?? ''}`
      : p.kind === 'annex' ? `annex ${p.number ?? String(node.id.split('#annex.p')[1] ?? '')}`
      : `pp ${String(node.id.split('#pp')[1] ?? p.ordinal ?? '')}`;
    return `${doc} ${local}`.trim();
  }
  if (node.labels.includes('Footnote')) return `${node.id.split('#')[0]} fn ${p.number ?? ''}`;
  if (node.labels.includes('Session') && !p.name && !p.title) return `Session ${node.id.replace(/^session:/, '')}`;
  return String(p.symbol ?? p.name ?? p.title ?? node.id);
}

/** @returns {any[]} the Cytoscape stylesheet */
export function stylesheet() {
  /** @type {any[]} */
  const style = [
    {
      selector: 'node',
      style: {
        label: 'data(caption)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#1d2330',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#fbfcfd',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 'mapData(weight, 0, 20, 18, 56)',
        height: 'mapData(weight, 0, 20, 18, 56)',
        'background-color': DEFAULT_COLOR,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
    ...KINDS.map((k) => ({ selector: `node[kind = "${k.kind}"]`, style: { 'background-color': k.color, shape: k.shape } })),
    {
      selector: 'node[?stub]',
      style: { 'background-color': '#ffffff', 'background-opacity': 1, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#7a8597', color: '#5d6778' },
    },
    { selector: 'node[kind = "Paragraph"], node[kind = "Footnote"]', style: { width: 14, height: 14, 'font-size': 8 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#1d2330', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'overlay-color': '#1769aa', 'overlay-opacity': 0.18, 'overlay-padding': 6, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#1769aa' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(count, 1, 6, 1.2, 4)',
        'line-color': '#b7c0cc',
        'target-arrow-color': '#b7c0cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: '',
        'font-size': 8,
        color: '#5d6778',
        'text-rotation': 'autorotate',
        'text-background-color': '#fbfcfd',
        'text-background-opacity': 0.9,
      },
    },
    { selector: 'edge[type = "CITES"]', style: { 'line-color': '#7ea6cf', 'target-arrow-color': '#7ea6cf' } },
    { selector: 'edge[type = "SUCCEEDS"]', style: { 'line-color': '#ef6c00', 'target-arrow-color': '#ef6c00', 'line-style': 'solid', width: 2.5 } },
    { selector: 'edge[type = "HAS_PARAGRAPH"], edge[type = "HAS_FOOTNOTE"]', style: { 'line-color': '#dde1e8', 'target-arrow-color': '#dde1e8', 'line-style': 'dotted' } },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-color': '#9ccc9e', 'target-arrow-color': '#9ccc9e' } },
    { selector: 'edge:selected, edge.hover', style: { label: 'data(type)', 'line-color': '#1769aa', 'target-arrow-color': '#1769aa', 'z-index': 9 } },
    // A path marks its nodes by their border only: their size still says how often they are cited.
    { selector: 'node.path', style: { 'border-color': '#e53935', 'border-width': 3, 'border-style': 'solid', 'z-index': 20 } },
    { selector: 'edge.path', style: { 'line-color': '#e53935', 'target-arrow-color': '#e53935', width: 4, label: 'data(type)', color: '#b3261e', 'z-index': 20 } },
    {
      selector: 'node.more',
      style: { shape: 'round-rectangle', 'background-color': '#eef1f5', 'border-color': '#1769aa', 'border-width': 1, 'border-style': 'solid', width: 64, height: 20, 'text-valign': 'center', 'text-margin-y': 0, color: '#1769aa', 'font-size': 9, 'text-background-opacity': 0 },
    },
    { selector: 'edge[type = "MORE"]', style: { width: 1, 'line-style': 'dashed', 'target-arrow-shape': 'none', 'line-color': '#c5d3e3' } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return style;
}

/**
 * The whole stylesheet of a graph of hundreds or thousands of nodes, written on its own rather than as overrides of
 * {@link stylesheet}: Cytoscape applies every property of every rule an element matches, one by one, and with the
 * overrides each of five thousand nodes took some twenty-five properties (fonts, caption backgrounds, borders) that
 * were then switched off, which cost a third of a second before the first frame. Here a node takes its size, colour
 * and shape, nothing else: straight edges without arrows (no curve to fit between each pair), no borders, and
 * captions only on the hubs and on what a person selects, follows or zooms in on, which is all anyone can read at
 * that scale anyway.
 * @returns {any[]} the Cytoscape stylesheet
 */
export function largeGraphStyle() {
  const caption = { label: 'data(caption)', 'font-size': 10, 'font-family': 'system-ui, sans-serif', color: '#1d2330', 'text-valign': 'bottom',
    'text-margin-y': 3, 'text-background-color': '#fbfcfd', 'text-background-opacity': 0.85, 'text-background-padding': '1px' };
  return [
    { selector: 'node', style: { width: 'mapData(weight, 0, 20, 18, 56)', height: 'mapData(weight, 0, 20, 18, 56)', 'background-color': DEFAULT_COLOR } },
    ...KINDS.map((k) => ({ selector: `node[kind = "${k.kind}"]`, style: { 'background-color': k.color, shape: k.shape } })),
    { selector: 'node[kind = "Paragraph"], node[kind = "Footnote"]', style: { width: 14, height: 14 } },
    { selector: 'node[?stub]', style: { 'background-color': '#d5dbe3' } },
    { selector: 'node.hub', style: { ...caption, 'font-size': 11, 'font-weight': 'bold', 'text-max-width': '2000px', 'text-background-padding': '2px', 'z-index': 5 } },
    { selector: 'node:selected, node.path, node.focus', style: { ...caption, 'text-wrap': 'ellipsis', 'text-max-width': '140px', 'z-index': 10 } },
    { selector: 'node:selected', style: { 'overlay-color': '#1769aa', 'overlay-opacity': 0.18, 'overlay-padding': 6, 'font-weight': 'bold' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#1d2330', 'border-style': 'double' } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#1769aa' } },
    { selector: 'node.path', style: { 'border-color': '#e53935', 'border-width': 3, 'z-index': 20 } },
    // Zoomed in to a few hundred nodes, every node in view is captioned (see GraphView's level of detail).
    { selector: 'node.near', style: { ...caption, 'text-wrap': 'ellipsis', 'text-max-width': '140px', 'text-background-opacity': 0.7, 'min-zoomed-font-size': 6 } },
    {
      selector: 'node.more',
      style: { ...caption, shape: 'round-rectangle', 'background-color': '#eef1f5', 'border-color': '#1769aa', 'border-width': 1, width: 64, height: 20, 'text-valign': 'center', 'text-margin-y': 0, color: '#1769aa', 'font-size': 9, 'text-background-opacity': 0 },
    },
    // Faint edges let the clusters show through the thousands of lines between them.
    { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': '#b7c0cc', opacity: 0.45 } },
    { selector: 'edge[type = "CITES"]', style: { 'line-color': '#7ea6cf' } },
    { selector: 'edge[type = "SUCCEEDS"]', style: { 'line-color': '#ef6c00', width: 2 } },
    { selector: 'edge[type = "HAS_PARAGRAPH"], edge[type = "HAS_FOOTNOTE"]', style: { 'line-color': '#dde1e8' } },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-color': '#9ccc9e' } },
    { selector: 'edge[type = "MORE"]', style: { 'line-style': 'dashed', 'line-color': '#c5d3e3' } },
    {
      selector: 'edge:selected, edge.hover, edge.path',
      style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'target-arrow-color': '#1769aa', 'line-color': '#1769aa', width: 2.5, opacity: 1,
        label: 'data(type)', 'font-size': 8, color: '#5d6778', 'text-rotation': 'autorotate', 'text-background-color': '#fbfcfd', 'text-background-opacity': 0.9, 'z-index': 9 },
    },
    { selector: 'edge.path', style: { 'line-color': '#e53935', 'target-arrow-color': '#e53935', width: 4, color: '#b3261e', 'z-index': 20 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
