// @ts-check
// Exports of the current view: PNG (drawn by Cytoscape in the browser), and JSON, GraphML and CSV
// written from the nodes and relationships on the canvas.

/**
 * @typedef {{ nodes: import('./api.js').ApiNode[], relationships: import('./api.js').ApiRelationship[] }} ViewGraph
 */

/** @param {Blob} blob @param {string} name */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @param {ViewGraph} graph */
export function toJson(graph) {
  const strip = (/** @type {any} */ n) => ({ id: n.id, labels: n.labels, properties: n.properties });
  const rels = graph.relationships.map((r) => ({ id: r.id, type: r.type, start: r.start, end: r.end, properties: r.properties }));
  return new Blob([JSON.stringify({ nodes: graph.nodes.map(strip), relationships: rels }, null, 2)], { type: 'application/json' });
}

/** @param {ViewGraph} graph */
export function toGraphMl(graph) {
  const keys = new Map();
  const keyOf = (/** @type {string} */ domain, /** @type {string} */ name) => {
    const id = `${domain === 'node' ? 'n' : 'e'}_${name}`;
    keys.set(id, { domain, name });
    return id;
  };
  const lines = [];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xml(node.id)}" labels=":${xml(node.labels.join(':'))}">`);
    lines.push(`      <data key="${keyOf('node', 'labels')}">${xml(node.labels.join(':'))}</data>`);
    for (const [name, value] of Object.entries(node.properties)) lines.push(`      <data key="${keyOf('node', name)}">${xml(text(value))}</data>`);
    lines.push('    </node>');
  }
  for (const r of graph.relationships) {
    lines.push(`    <edge id="${xml(r.id)}" source="${xml(r.start)}" target="${xml(r.end)}" label="${xml(r.type)}">`);
    lines.push(`      <data key="${keyOf('edge', 'type')}">${xml(r.type)}</data>`);
    for (const [name, value] of Object.entries(r.properties)) lines.push(`      <data key="${keyOf('edge', name)}">${xml(text(value))}</data>`);
    lines.push('    </edge>');
  }
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys].map(([id, k]) => `  <key id="${xml(id)}" for="${k.domain}" attr.name="${xml(k.name)}" attr.type="string"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  return new Blob([[...head, ...lines, '  </graph>', '</graphml>', ''].join('\n')], { type: 'application/graphml+xml' });
}

/**
 * Two CSV tables in one file (nodes, then relationships), as spreadsheet users expect.
 * @param {ViewGraph} graph
 */
export function toCsv(graph) {
  const nodeKeys = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.properties)))].filter((k) => k !== 'id').sort();
  const relKeys = [...new Set(graph.relationships.flatMap((r) => Object.keys(r.properties)))].sort();
  const rows = [
    ['id', 'labels', ...nodeKeys].map(csv).join(','),
    ...graph.nodes.map((n) => [n.id, n.labels.join(':'), ...nodeKeys.map((k) => text(n.properties[k]))].map(csv).join(',')),
    '',
    ['start', 'type', 'end', ...relKeys].map(csv).join(','),
    ...graph.relationships.map((r) => [r.start, r.type, r.end, ...relKeys.map((k) => text(r.properties[k]))].map(csv).join(',')),
  ];
  return new Blob([rows.join('\r\n') + '\r\n'], { type: 'text/csv' });
}

/** @param {unknown} value @returns {string} */
function text(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(';');
  return String(value);
}

/** @param {string} value */
function csv(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** @param {string} value */
function xml(value) {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
