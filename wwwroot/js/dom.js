// @ts-check
// Small DOM helpers. Text from documents is only ever set as text (textContent), never as HTML.

/**
 * Creates an element with attributes and children. Strings become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | undefined | null | ((e: any) => void)>} [attributes]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'className') element.className = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}.`);
  return /** @type {T} */ (element);
}

/**
 * A count as the reader writes numbers: "91,259" in English, "91.259" in German (the browser's locale).
 * @param {number} n
 */
export function count(n) {
  return Number(n).toLocaleString();
}

/**
 * A form field by id (input, select or textarea), for its value.
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export function field(id) {
  return byId(id);
}

/** @param {Element} element */
export function clear(element) {
  element.replaceChildren();
}

/**
 * Text with one span marked, as [text before, <mark>span</mark>, text after] nodes.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
export function markedText(text, start, end) {
  if (!(start >= 0 && end > start && end <= text.length)) return [document.createTextNode(withoutEmphasis(text))];
  // The span's offsets count the source's characters: cut first, then drop the emphasis marks of each part.
  return [
    document.createTextNode(withoutEmphasis(text.slice(0, start))),
    el('mark', {}, withoutEmphasis(text.slice(start, end))),
    document.createTextNode(withoutEmphasis(text.slice(end))),
  ];
}

/**
 * Source text without Markdown's emphasis marks: documents read from Markdown keep "*Takes note*" in their
 * text, and a reader should see the words, not the asterisks. A lone "*" (a footnote mark) stays.
 * @param {string} text
 */
export function withoutEmphasis(text) {
  return text.replace(/(\*{1,2}|_{2})(?=\S)([^*\n]*?\S)\1/g, '$2').replace(/^\*{1,2}|\*{1,2}$/g, (mark, offset) =>
    // An emphasis cut in two by the span leaves a mark at the edge of a part.
    offset === 0 || offset + mark.length === text.length ? '' : mark);
}

/** Waits until the browser is idle enough, then runs f once per burst of calls.
 * @param {(...args: any[]) => void} f @param {number} ms */
export function debounce(f, ms) {
  /** @type {number | undefined} */
  let timer;
  return (/** @type {any[]} */ ...args) => {
    clearTimeout(timer);
    timer = window.setTimeout(() => f(...args), ms);
  };
}
