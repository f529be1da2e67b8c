// @ts-check
// The page's panels at every window size. Below the widths set in app.css the filters (left) and the
// details (right) leave the grid and become drawers over the canvas, opened from the top bar; the
// bottom panel (Cypher console, evolution) can be resized by its top edge or take the whole page.
// Emits "resize" whenever the canvas may have changed size.

/** Widths (px) below which a side panel is a drawer; they match the @media rules of app.css. */
const DETAILS_DRAWER_BELOW = 1100;
const TOOLS_DRAWER_BELOW = 900;

/** The bottom panel's height stays within these (px), so neither it nor the canvas disappears. */
const MIN_BOTTOM = 140;
const MIN_CANVAS = 120;

export class PanelLayout extends EventTarget {
  /**
   * @param {{ topbar: HTMLElement, tools: HTMLElement, toolsToggle: HTMLButtonElement, details: HTMLElement,
   *   detailsToggle: HTMLButtonElement, bottom: HTMLElement, bottomHandle: HTMLElement, fullToggle: HTMLButtonElement }} elements
   */
  constructor(elements) {
    super();
    this.e = elements;
    elements.toolsToggle.addEventListener('click', () => this.toggle('tools'));
    elements.detailsToggle.addEventListener('click', () => this.toggle('details'));
    elements.fullToggle.addEventListener('click', () => this.setFullPage(elements.bottom.dataset.full !== 'true'));
    this.#trackTopbar();
    this.#resizable();
    window.addEventListener('resize', () => {
      // Widening the window puts the panels back in the grid: a drawer left open would cover nothing.
      if (!this.isDrawer('tools')) this.#set('tools', false);
      if (!this.isDrawer('details')) this.#set('details', false);
      this.#notify();
    });
  }

  /** @param {'tools' | 'details'} panel */
  isDrawer(panel) {
    return window.innerWidth < (panel === 'tools' ? TOOLS_DRAWER_BELOW : DETAILS_DRAWER_BELOW);
  }

  /** @param {'tools' | 'details'} panel */
  isOpen(panel) {
    return (panel === 'tools' ? this.e.tools : this.e.details).classList.contains('open');
  }

  /** @param {'tools' | 'details'} panel @param {boolean} [open] */
  toggle(panel, open = !this.isOpen(panel)) {
    // One drawer at a time: at tablet width two would cover the whole canvas.
    if (open) this.#set(panel === 'tools' ? 'details' : 'tools', false);
    this.#set(panel, open);
  }

  /** Opens the details drawer when the details are a drawer (a person selected something and wants to read it). */
  revealDetails() {
    if (this.isDrawer('details')) this.toggle('details', true);
  }

  /** Closes whatever covers the canvas; false when nothing did. */
  closeOverlays() {
    let closed = false;
    for (const panel of /** @type {const} */ (['tools', 'details'])) {
      if (this.isOpen(panel)) { this.#set(panel, false); closed = true; }
    }
    if (this.e.bottom.dataset.full === 'true') { this.setFullPage(false); closed = true; }
    return closed;
  }

  /** @param {boolean} full */
  setFullPage(full) {
    this.e.bottom.dataset.full = String(full);
    this.e.fullToggle.setAttribute('aria-pressed', String(full));
    this.e.fullToggle.textContent = full ? '⤡ Restore' : '⤢ Full page';
    this.#notify();
  }

  get fullPage() {
    return this.e.bottom.dataset.full === 'true';
  }

  /** @param {'tools' | 'details'} panel @param {boolean} open */
  #set(panel, open) {
    const [element, toggle] = panel === 'tools' ? [this.e.tools, this.e.toolsToggle] : [this.e.details, this.e.detailsToggle];
    element.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }

  /** The full-page panel starts below the top bar, whose height changes when it wraps onto two rows. */
  #trackTopbar() {
    const update = () => document.documentElement.style.setProperty('--topbar-height', `${this.e.topbar.offsetHeight}px`);
    new ResizeObserver(update).observe(this.e.topbar);
    update();
  }

  /** Drag the bottom panel's top edge (or use the arrow keys on it) to give it more or less of the page. */
  #resizable() {
    const { bottom, bottomHandle } = this.e;
    /** @param {number} height */
    const setHeight = (height) => {
      const max = window.innerHeight - this.e.topbar.offsetHeight - MIN_CANVAS;
      const clamped = Math.round(Math.max(MIN_BOTTOM, Math.min(max, height)));
      document.documentElement.style.setProperty('--drawer-height', `${clamped}px`);
      this.#notify();
    };
    bottomHandle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      bottomHandle.setPointerCapture(event.pointerId);
      const move = (/** @type {PointerEvent} */ e) => setHeight(window.innerHeight - e.clientY);
      const up = () => {
        bottomHandle.removeEventListener('pointermove', move);
        bottomHandle.removeEventListener('pointerup', up);
      };
      bottomHandle.addEventListener('pointermove', move);
      bottomHandle.addEventListener('pointerup', up);
    });
    bottomHandle.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      event.preventDefault();
      setHeight(bottom.offsetHeight + (event.key === 'ArrowUp' ? 40 : -40));
    });
  }

  #notify() {
    requestAnimationFrame(() => this.dispatchEvent(new Event('resize')));
  }
}

/**
 * Keyboard: "/" puts the cursor in the search box (unless one is typing), Esc closes what covers the
 * page, or leaves a field. @param {HTMLInputElement} search @param {() => boolean} closeOverlays
 */
export function keyboardShortcuts(search, closeOverlays) {
  document.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
      search.select();
    } else if (event.key === 'Escape') {
      if (closeOverlays()) return;
      if (typing && target !== search) target.blur();
    }
  });
}
