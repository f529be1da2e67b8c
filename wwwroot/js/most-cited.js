// @ts-check
// A starting view for someone who does not know what to search for: the documents the collection cites
// most, sized by how often, with the citations among them.

import * as api from './api.js';
import { collectGraph, fromTyped } from './cypher-console.js';

/** @param {number} limit */
const query = (limit) => `MATCH (d:Document)<-[c:CITES]-(:Document)
WITH d, count(c) AS citedBy ORDER BY citedBy DESC LIMIT ${limit}
WITH collect({ d: d, citedBy: citedBy }) AS top
WITH top, [t IN top | t.d] AS documents
UNWIND top AS t
WITH t.d AS document, t.citedBy AS citedBy, documents
OPTIONAL MATCH (document)-[r:CITES]->(other:Document) WHERE other IN documents
RETURN document, citedBy, r, other`;

/**
 * The most cited documents and the citations among them, each node weighted by how often it is cited.
 * @param {number} limit how many documents
 * @returns {Promise<import('./api.js').ApiGraph>}
 */
export async function mostCited(limit) {
  // A whole number written into the query: JSON parameters arrive as floats, and LIMIT takes only an integer.
  const result = await api.cypher(query(Math.max(1, Math.trunc(limit))), {});
  const rows = result.data.values.map((row) => row.map(fromTyped));
  const graph = collectGraph(rows);
  /** @type {Map<string, number>} */
  const citedBy = new Map(rows.map((row) => [row[0].id, Number(row[1])]));
  const most = Math.max(1, ...citedBy.values());
  for (const node of graph.nodes) node.weight = Math.round((20 * (citedBy.get(node.id) ?? 0)) / most);
  return graph;
}
