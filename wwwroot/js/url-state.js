// @ts-check
// The shareable URL: the view's state (nodes on the canvas, selection, pins, filters, layout, open
// panel, Cypher query, compared versions, series timeline, whole-series view, path) lives in the URL's fragment, as JSON.

/**
 * @typedef {{
 *   nodes?: string[], selected?: string | null, pins?: Record<string, {x: number, y: number}>,
 *   layout?: string, hiddenKinds?: string[], hiddenTypes?: string[], hiddenBodies?: string[],
 *   years?: [number, number] | null, tab?: string | null, query?: string, params?: string,
 *   evolution?: [string, string] | null, series?: string, wholeSeries?: string, changedOnly?: boolean, full?: boolean,
 *   path?: [string, string] | null, pathTypes?: string, pathDirection?: string, pathCount?: number
 * }} ViewState
 */

/** Most node ids a URL carries; beyond that the link would be too long to share. */
export const MAX_NODES_IN_URL = 300;

/** @param {ViewState} state */
export function toUrl(state) {
  const compact = Object.fromEntries(Object.entries(state).filter(([, v]) =>
    v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)));
  const url = new URL(window.location.href);
  url.hash = `view=${encodeURIComponent(JSON.stringify(compact))}`;
  return url.toString();
}

/** @returns {ViewState | null} */
export function fromUrl() {
  const match = /(?:^#|&)view=([^&]*)/.exec(window.location.hash);
  if (!match) return null;
  try {
    const state = JSON.parse(decodeURIComponent(match[1]));
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}

/** Replaces the URL without adding to the history, so that reloading restores the view. @param {ViewState} state */
export function remember(state) {
  history.replaceState(null, '', toUrl(state));
}
