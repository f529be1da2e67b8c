// @ts-check
// A layout for graphs too large for a force simulation to finish while a person waits: one pass over
// the nodes, no iterations, the same picture for the same graph. Each node that hangs off one other
// node (a paragraph off its document, a leaf off the document it cites) is a satellite placed in rings
// around that node; the remaining "anchor" nodes, each with its ring, go on a sunflower spiral, the
// largest clusters in the middle. Hubs and what hangs off them read at a glance; edges between
// anchors show how clusters connect.

/** Relationships that make the end node a part of the start node (its paragraph, its footnote). */
const PART_OF = new Set(['HAS_PARAGRAPH', 'HAS_FOOTNOTE']);

/** Room a satellite takes on its ring, in model units (satellites are drawn 14-18 px wide). */
const SATELLITE_SPACING = 20;

/** Golden angle: successive anchors never line up, so the spiral fills the disc evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * @typedef {{ id: string, size: number }} LayoutNode
 * @typedef {{ source: string, target: string, type: string }} LayoutEdge
 */

/**
 * Computes positions for every node.
 * @param {LayoutNode[]} nodes
 * @param {LayoutEdge[]} edges
 * @returns {Map<string, {x: number, y: number}>}
 */
export function clusterPositions(nodes, edges) {
  /** @type {Map<string, number>} */
  const degree = new Map(nodes.map((n) => [n.id, 0]));
  /** @type {Map<string, string>} */
  const partOf = new Map();
  /** @type {Map<string, string>} the best-connected neighbour of each node, for a leaf */
  const onlyNeighbour = new Map();
  for (const edge of edges) {
    if (!degree.has(edge.source) || !degree.has(edge.target) || edge.source === edge.target) continue;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    if (PART_OF.has(edge.type)) partOf.set(edge.target, edge.source);
    onlyNeighbour.set(edge.source, edge.target);
    onlyNeighbour.set(edge.target, edge.source);
  }

  /** @type {Map<string, string>} satellite → the node it circles */
  const parent = new Map();
  for (const node of nodes) {
    const owner = partOf.get(node.id);
    if (owner !== undefined) parent.set(node.id, owner);
    else if (degree.get(node.id) === 1) {
      const neighbour = /** @type {string} */ (onlyNeighbour.get(node.id));
      // Two leaves joined only to each other: the smaller id anchors the pair.
      if (!(degree.get(neighbour) === 1 && neighbour > node.id)) parent.set(node.id, neighbour);
    }
  }

  /** A satellite's satellite (a paragraph's footnote) joins the same rings; cycles of ownership stop at an anchor. */
  /** @param {string} id */
  const anchorOf = (id) => {
    let current = id;
    for (let steps = 0; steps < 8 && parent.has(current); steps++) current = /** @type {string} */ (parent.get(current));
    return current;
  };

  /** @type {Map<string, string[]>} */
  const satellites = new Map();
  /** @type {LayoutNode[]} */
  const anchors = [];
  for (const node of nodes) {
    const anchor = parent.has(node.id) ? anchorOf(node.id) : node.id;
    if (anchor === node.id) {
      anchors.push(node);
      continue;
    }
    const list = satellites.get(anchor);
    if (list) list.push(node.id);
    else satellites.set(anchor, [node.id]);
  }

  // Only if ownership ran in a circle can a group's anchor be someone's satellite: its group then stands alone.
  const anchorIds = new Set(anchors.map((a) => a.id));
  const sizeOf = new Map(nodes.map((n) => [n.id, n.size]));
  for (const [anchor, members] of satellites) {
    if (anchorIds.has(anchor)) continue;
    satellites.delete(anchor);
    for (const id of members) anchors.push({ id, size: sizeOf.get(id) ?? 14 });
  }

  const byId = new Intl.Collator(undefined, { numeric: true });
  /** @type {Map<string, {x: number, y: number}>} */
  const positions = new Map();
  /** @type {{ node: LayoutNode, radius: number, rings: string[][] }[]} */
  const clusters = anchors.map((node) => {
    const members = (satellites.get(node.id) ?? []).sort(byId.compare);
    /** @type {string[][]} */
    const rings = [];
    let ringRadius = node.size / 2 + SATELLITE_SPACING;
    for (let start = 0; start < members.length;) {
      const capacity = Math.max(6, Math.floor((2 * Math.PI * ringRadius) / SATELLITE_SPACING));
      rings.push(members.slice(start, start + capacity));
      start += capacity;
      ringRadius += SATELLITE_SPACING;
    }
    const radius = rings.length === 0 ? node.size / 2 + 8 : node.size / 2 + SATELLITE_SPACING * rings.length + 8;
    return { node, radius, rings };
  });
  clusters.sort((a, b) => b.radius - a.radius || (degree.get(b.node.id) ?? 0) - (degree.get(a.node.id) ?? 0) || byId.compare(a.node.id, b.node.id));

  // The i-th cluster sits just outside a disc holding the area of all before it, at the golden angle.
  let areaBefore = 0;
  clusters.forEach((cluster, i) => {
    const distance = i === 0 ? 0 : Math.max(Math.sqrt((areaBefore * 1.5) / Math.PI), clusters[0].radius + cluster.radius);
    const angle = i * GOLDEN_ANGLE;
    const cx = distance * Math.cos(angle);
    const cy = distance * Math.sin(angle);
    areaBefore += Math.PI * cluster.radius * cluster.radius;
    positions.set(cluster.node.id, { x: cx, y: cy });
    cluster.rings.forEach((ring, r) => {
      const ringRadius = cluster.node.size / 2 + SATELLITE_SPACING * (r + 1);
      ring.forEach((id, k) => {
        const a = (2 * Math.PI * k) / ring.length - Math.PI / 2;
        positions.set(id, { x: cx + ringRadius * Math.cos(a), y: cy + ringRadius * Math.sin(a) });
      });
    });
  });
  return positions;
}
