/**
 * Windowing for long lists, shared by the thread and the inbox: only the items in and near the view are in the
 * DOM, between two spacers that stand in for the rest. Rendered items are measured by a ResizeObserver, which
 * reports after the browser's own layout, so an update never forces a layout of its own just to measure: the
 * first frame is drawn with estimates and the spacers are corrected on the next. Unmeasured items count as the
 * average measured height. Rows are keyed, so whatever is in view stays where it is when items are added or
 * resized above it; each item is rendered into a wrapper of its own, which stays in the DOM as long as the item is
 * in range, so a row keeps its focus and its images while others come and go.
 */
import { html, render, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export type Edge = 'start' | 'end';
export type Block = Edge | 'nearest';

export interface VirtualListOptions<T> {
  /** The scrolling element; it holds the list and nothing else. */
  scroller: () => HTMLElement | null | undefined;
  key: (item: T) => string;
  /** Renders one item as one element. */
  renderItem: (item: T) => TemplateResult;
  /** The edge the view keeps to while it is there, so new items at that edge come into view. */
  stick: Edge;
  /** Height of an item before any has been measured, in pixels. */
  estimate?: number;
}

/** Within this many pixels of its sticky edge, the view counts as there. */
const EDGE_SLACK = 32;
/** How far beyond each side of the view items are rendered, in pixels. */
const OVERSCAN = 250;

/** How far the view must move so a box spanning [top, bottom) (relative to the view) shows at `block`. */
const shift = (top: number, bottom: number, height: number, block: Block) =>
  block === 'start' ? top : block === 'end' ? bottom - height : Math.min(top, Math.max(0, bottom - height));

export class VirtualList<T> implements ReactiveController {
  items: readonly T[] = [];
  /** The rendered items are `items.slice(first, last)`. */
  first = 0;
  last = 0;
  /** Whether the view is at its sticky edge, and so follows it. */
  pinned = true;

  readonly #sizes = new Map<string, number>();
  #measured = 0;
  #offsets = new Float64Array(1);
  #stale = true;
  #scrollTop = 0;
  #viewport = innerHeight;
  /** The first row in view and its distance from the view's top, held there across an update (`index` is where it went). */
  #anchor?: { key: string; top: number; index?: number };
  #target?: { index: number; block: Block };
  #scroller?: HTMLElement;
  /** The wrapper each rendered item is rendered into, by key, in order. */
  #rows = new Map<string, HTMLElement>();
  readonly #observer = new ResizeObserver((entries) => this.#onResize(entries));
  #frame = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: VirtualListOptions<T>;

  constructor(host: ReactiveControllerHost, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The scroller's content: two spacers, between which the rows are rendered once the host has rendered. */
  render(items: readonly T[]): TemplateResult {
    if (items !== this.items) {
      this.items = items;
      this.#stale = true;
    }
    const offsets = this.#layout();
    [this.first, this.last] = this.#range(this.#top());
    return html`<div aria-hidden="true" style="block-size:${offsets[this.first]}px"></div><div
        aria-hidden="true"
        style="block-size:${offsets[items.length] - offsets[this.last]}px"
      ></div>`;
  }

  /** Renders the item at `index` and scrolls the scroller (never the page) so it shows at `block`. */
  scrollToIndex(index: number, block: Block = 'nearest'): Promise<boolean> {
    if (this.items.length) this.#target = { index: Math.max(0, Math.min(index, this.items.length - 1)), block };
    this.#host.requestUpdate();
    return this.#host.updateComplete;
  }

  /** Goes to the sticky edge and follows it again. */
  pin(): void {
    this.pinned = true;
    this.#host.requestUpdate();
  }

  /** Bound to the scroller's `scroll` event. */
  readonly onScroll = (): void => {
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    this.pinned = this.#atEdge(scroller);
    const [first, last] = this.#range(this.#scrollTop);
    if (first !== this.first || last !== this.last) this.#host.requestUpdate();
  };

  hostUpdate(): void {
    const scroller = this.#scroller;
    if (!scroller || this.pinned || this.#target) return;
    const view = scroller.getBoundingClientRect().top;
    for (const [key, wrapper] of this.#rows) {
      const { top, bottom } = wrapper.firstElementChild!.getBoundingClientRect();
      if (bottom > view) {
        this.#anchor = { key, top: top - view };
        return;
      }
    }
  }

  hostUpdated(): void {
    const scroller = this.#options.scroller();
    if (!scroller) return;
    if (scroller !== this.#scroller) {
      this.#scroller = scroller;
      // Scroll positions are kept here, by key; the browser's own anchoring would fight them.
      scroller.style.overflowAnchor = 'none';
      this.#observer.observe(scroller);
      // Back after a reconnection: the browser has forgotten the scroll position, and the rows are measured again.
      if (this.#scrollTop) scroller.scrollTop = this.#scrollTop;
      for (const wrapper of this.#rows.values()) this.#observer.observe(wrapper.firstElementChild!);
    }
    const rows = this.#renderRows(scroller);
    // A hidden list has no box and cannot scroll: rendering again would never settle. Its resize, when shown, renders.
    if (!scroller.getClientRects().length) return;
    this.#place(scroller, rows);
    // Only when the move left part of the view without rows; the overscan is topped up as the view scrolls.
    const [first, last] = this.#range(this.#scrollTop, 0);
    if (first < this.first || last > this.last) this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#scroller = undefined;
  }

  /** Item tops in content pixels (`offsets[n]` is the total), recomputed only after items or sizes changed. */
  #layout(): Float64Array {
    if (!this.#stale) return this.#offsets;
    const { items } = this;
    const sizes = this.#sizes;
    const { key, estimate = 48 } = this.#options;
    const guess = sizes.size ? this.#measured / sizes.size : estimate;
    const offsets = this.#offsets.length === items.length + 1 ? this.#offsets : new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i += 1) offsets[i + 1] = offsets[i] + (sizes.get(key(items[i])) ?? guess);
    this.#offsets = offsets;
    this.#stale = false;
    return offsets;
  }

  /** Where the view should begin: the target in view, at the sticky edge, the anchor kept, or where it is. */
  #top(): number {
    const offsets = this.#offsets;
    const viewport = this.#viewport;
    const target = this.#target;
    const anchor = this.#anchor;
    const end = Math.max(0, offsets[this.items.length] - viewport);
    let top = this.#scrollTop;
    if (target) {
      top += shift(offsets[target.index] - top, offsets[target.index + 1] - top, viewport, target.block);
    } else if (this.pinned) {
      top = this.#options.stick === 'end' ? end : 0;
    } else if (anchor) {
      const { key } = this.#options;
      anchor.index = this.items.findIndex((item) => key(item) === anchor.key);
      if (anchor.index >= 0) top = offsets[anchor.index] - anchor.top;
    }
    return Math.min(Math.max(0, top), end);
  }

  /**
   * The items to render for a view beginning at `top`, with the anchor and the target always among them. Before the
   * first measurement the view's height is the window's, already more than the view, so nothing is rendered beyond
   * it: the first frame stays small, and the overscan comes with the sizes on the next one.
   */
  #range(top: number, overscan = this.#sizes.size ? OVERSCAN : 0): [number, number] {
    let first = this.#indexAt(top - overscan);
    let last = Math.min(this.items.length, this.#indexAt(top + this.#viewport + overscan) + 1);
    for (const pinned of [this.#anchor?.index, this.#target?.index]) {
      if (pinned === undefined || pinned < 0) continue;
      first = Math.min(first, pinned);
      last = Math.max(last, pinned + 1);
    }
    return [first, last];
  }

  /** The last item beginning at or above `y`. */
  #indexAt(y: number): number {
    let low = 0;
    let high = this.items.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#offsets[middle] <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * Renders each item in range into its own wrapper (`display: contents`, so the item's element is the row) and
   * puts the wrappers in order between the spacers. An item that stays keeps its wrapper where it is, so only rows
   * that come or go touch the DOM, and focus and images stay with their items. Answers the rows' elements.
   */
  #renderRows(scroller: HTMLElement): Element[] {
    const { key, renderItem } = this.#options;
    const items = this.items.slice(this.first, this.last);
    const keys = items.map(key);
    const kept = new Set(keys);
    for (const [id, wrapper] of this.#rows) {
      if (kept.has(id)) continue;
      this.#observer.unobserve(wrapper.firstElementChild!);
      wrapper.remove();
    }
    const rows = new Map<string, HTMLElement>();
    let previous = scroller.firstElementChild!;
    items.forEach((item, i) => {
      let wrapper = this.#rows.get(keys[i]);
      if (!wrapper) {
        wrapper = document.createElement('div');
        wrapper.style.display = 'contents';
      }
      render(renderItem(item), wrapper, { host: this.#host });
      if (!this.#rows.has(keys[i])) this.#observer.observe(wrapper.firstElementChild!);
      if (previous.nextElementSibling !== wrapper) previous.after(wrapper);
      rows.set(keys[i], wrapper);
      previous = wrapper;
    });
    this.#rows = rows;
    return [...rows.values()].map((wrapper) => wrapper.firstElementChild!);
  }

  /** Moves the scroller to the target, the sticky edge or the anchor; only a target or an anchor is measured. */
  #place(scroller: HTMLElement, rows: Element[]): void {
    const target = this.#target;
    const anchor = this.#anchor;
    this.#target = this.#anchor = undefined;
    if (!target && this.pinned) return this.#toEdge(scroller);
    const index = target?.index ?? anchor?.index ?? -1;
    const box = rows[index - this.first]?.getBoundingClientRect();
    if (!box) return;
    const view = scroller.getBoundingClientRect();
    scroller.scrollTop += target
      ? shift(box.top - view.top, box.bottom - view.top, scroller.clientHeight, target.block)
      : box.top - view.top - anchor!.top;
    this.#scrollTop = scroller.scrollTop;
    if (target) this.pinned = this.#atEdge(scroller);
  }

  /** Keeps the view at its sticky edge; at the start that costs nothing when it is already there. */
  #toEdge(scroller: HTMLElement): void {
    if (this.#options.stick === 'start' && this.#scrollTop === 0) return;
    scroller.scrollTop = this.#options.stick === 'end' ? scroller.scrollHeight : 0;
    this.#scrollTop = scroller.scrollTop;
  }

  /** A row or the scroller changed size: keep the view steady, then redraw the spacers on the next frame. */
  #onResize(entries: ResizeObserverEntry[]): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const view = scroller.getBoundingClientRect().top;
    const sizes = new Map(entries.map((entry) => [entry.target, entry.borderBoxSize[0].blockSize]));
    let above = 0;
    for (const [key, wrapper] of this.#rows) {
      const row = wrapper.firstElementChild!;
      const size = sizes.get(row);
      const old = this.#sizes.get(key);
      if (size === undefined || size === old) continue;
      this.#sizes.set(key, size);
      this.#measured += size - (old ?? 0);
      this.#stale = true;
      // A row that grew above the view would push what is in view down.
      if (old !== undefined && row.getBoundingClientRect().top < view) above += size - old;
    }
    const viewport = scroller.clientHeight;
    if (!this.#stale && viewport === this.#viewport) return;
    this.#viewport = viewport;
    if (this.pinned) this.#toEdge(scroller);
    else {
      scroller.scrollTop += above;
      this.#scrollTop = scroller.scrollTop;
    }
    // Not now: rows rendered inside a resize callback would be observed too late for this frame.
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
  }

  #atEdge(scroller: HTMLElement): boolean {
    const gap = this.#options.stick === 'end' ? scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight : scroller.scrollTop;
    return gap <= EDGE_SLACK;
  }
}
