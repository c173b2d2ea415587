/**
 * Windowing for long lists, shared by the thread and the inbox: only the items in and near the view are in the
 * DOM, between two spacers that stand in for the rest. Rendered items are measured by a ResizeObserver, which
 * reports after the browser's own layout, so an update never forces a layout of its own just to measure: the
 * first frame is drawn with estimates and the spacers are corrected on the next. Unmeasured items count as the
 * average measured height. Rows are keyed, so whatever is in view stays where it is when items are added or
 * resized above it.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

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
  /** How far beyond each side of the view items are rendered, in pixels. */
  overscan?: number;
}

/** Within this many pixels of its sticky edge, the view counts as there. */
const EDGE_SLACK = 32;

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

  private readonly sizes = new Map<string, number>();
  private measured = 0;
  private offsets = new Float64Array(1);
  private stale = true;
  private scrollTop = 0;
  private viewport = innerHeight;
  /** The first row in view and its distance from the view's top, held there across an update. */
  private anchor?: { key: string; index: number; length: number; top: number };
  private target?: { index: number; block: Block };
  private scroller?: HTMLElement;
  private rows = new Set<Element>();
  private readonly keys = new WeakMap<Element, string>();
  private readonly observer = new ResizeObserver((entries) => this.onResize(entries));
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualListOptions<T>,
  ) {
    host.addController(this);
  }

  /** The spacers and the rendered rows, for the scroller's content. */
  render(items: readonly T[]): TemplateResult {
    if (items !== this.items) {
      this.items = items;
      this.stale = true;
    }
    const offsets = this.layout();
    [this.first, this.last] = this.range(this.top());
    const { first, last } = this;
    return html`<div aria-hidden="true" style="block-size:${offsets[first]}px"></div>${repeat(
        items.slice(first, last),
        this.options.key,
        this.options.renderItem,
      )}<div aria-hidden="true" style="block-size:${offsets[items.length] - offsets[last]}px"></div>`;
  }

  /** Renders the item at `index` and scrolls the scroller (never the page) so it shows at `block`. */
  scrollToIndex(index: number, block: Block = 'nearest'): Promise<boolean> {
    if (this.items.length) this.target = { index: Math.max(0, Math.min(index, this.items.length - 1)), block };
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  /** Goes to the sticky edge and follows it again. */
  pin(): void {
    this.pinned = true;
    this.host.requestUpdate();
  }

  /** Bound to the scroller's `scroll` event. */
  readonly onScroll = (): void => {
    const scroller = this.scroller;
    if (!scroller) return;
    this.scrollTop = scroller.scrollTop;
    this.pinned = this.atEdge(scroller);
    const [first, last] = this.range(this.scrollTop);
    if (first !== this.first || last !== this.last) this.host.requestUpdate();
  };

  hostUpdate(): void {
    const scroller = this.scroller;
    if (!scroller || this.pinned || this.target) return;
    const view = scroller.getBoundingClientRect().top;
    this.rendered(scroller).some((row, i) => {
      const { top, bottom } = row.getBoundingClientRect();
      if (bottom <= view) return false;
      this.anchor = { key: this.keys.get(row)!, index: this.first + i, length: this.items.length, top: top - view };
      return true;
    });
  }

  hostUpdated(): void {
    const scroller = this.options.scroller();
    if (!scroller) return;
    if (scroller !== this.scroller) {
      this.scroller = scroller;
      // Scroll positions are kept here, by key; the browser's own anchoring would fight them.
      scroller.style.overflowAnchor = 'none';
      this.observer.observe(scroller);
    }
    const rows = this.rendered(scroller);
    const seen = new Set<Element>();
    rows.forEach((row, i) => {
      this.keys.set(row, this.options.key(this.items[this.first + i]));
      seen.add(row);
      if (!this.rows.has(row)) this.observer.observe(row);
    });
    for (const row of this.rows) if (!seen.has(row)) this.observer.unobserve(row);
    this.rows = seen;
    // A hidden list has no box and cannot scroll: rendering again would never settle. Its resize, when shown, renders.
    if (!scroller.getClientRects().length) return;
    this.place(scroller, rows);
    // Only when the move left part of the view without rows; the overscan is topped up as the view scrolls.
    const [first, last] = this.range(this.scrollTop, 0);
    if (first < this.first || last > this.last) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.scroller = undefined;
    this.rows.clear();
  }

  /** Item tops in content pixels (`offsets[n]` is the total), recomputed only after items or sizes changed. */
  private layout(): Float64Array {
    if (!this.stale) return this.offsets;
    const { items, sizes } = this;
    const { key, estimate = 48 } = this.options;
    const guess = sizes.size ? this.measured / sizes.size : estimate;
    const offsets = this.offsets.length === items.length + 1 ? this.offsets : new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i += 1) offsets[i + 1] = offsets[i] + (sizes.get(key(items[i])) ?? guess);
    this.offsets = offsets;
    this.stale = false;
    return offsets;
  }

  /** Where the view should begin: the target in view, at the sticky edge, the anchor kept, or where it is. */
  private top(): number {
    const { offsets, viewport, target, anchor } = this;
    const end = Math.max(0, offsets[this.items.length] - viewport);
    let top = this.scrollTop;
    if (target) {
      top += shift(offsets[target.index] - top, offsets[target.index + 1] - top, viewport, target.block);
    } else if (this.pinned) {
      top = this.options.stick === 'end' ? end : 0;
    } else if (anchor) {
      anchor.index = this.indexOf(anchor);
      if (anchor.index >= 0) top = offsets[anchor.index] - anchor.top;
    }
    return Math.min(Math.max(0, top), end);
  }

  /** Where the anchor went: the same place after an append, moved by the count after a prepend, else searched. */
  private indexOf({ key, index, length }: { key: string; index: number; length: number }): number {
    const { items } = this;
    const keyOf = this.options.key;
    for (const i of [index + items.length - length, index]) if (items[i] !== undefined && keyOf(items[i]) === key) return i;
    return items.findIndex((item) => keyOf(item) === key);
  }

  /** The items to render for a view beginning at `top`, with the anchor and the target always among them. */
  private range(top: number, overscan = this.overscan): [number, number] {
    let first = this.indexAt(top - overscan);
    let last = Math.min(this.items.length, this.indexAt(top + this.viewport + overscan) + 1);
    for (const pinned of [this.anchor?.index, this.target?.index]) {
      if (pinned === undefined || pinned < 0) continue;
      first = Math.min(first, pinned);
      last = Math.max(last, pinned + 1);
    }
    return [first, last];
  }

  /**
   * Before the first measurement the view's height is the window's, already more than the view, so nothing is
   * rendered beyond it: the first frame stays small, and the overscan comes with the sizes on the next one.
   */
  private get overscan(): number {
    return this.sizes.size ? (this.options.overscan ?? 250) : 0;
  }

  /** The last item beginning at or above `y`. */
  private indexAt(y: number): number {
    let low = 0;
    let high = this.items.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.offsets[middle] <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private rendered(scroller: HTMLElement): Element[] {
    return [...scroller.children].slice(1, -1);
  }

  /** Records a measured height; answers how much it grew. */
  private resize(key: string, size: number): number {
    const old = this.sizes.get(key);
    if (old === size) return 0;
    this.sizes.set(key, size);
    this.measured += size - (old ?? 0);
    this.stale = true;
    return old === undefined ? 0 : size - old;
  }

  /** Moves the scroller to the target, the sticky edge or the anchor; only a target or an anchor is measured. */
  private place(scroller: HTMLElement, rows: Element[]): void {
    const { target, anchor } = this;
    this.target = this.anchor = undefined;
    if (!target && this.pinned) return this.toEdge(scroller);
    const index = target?.index ?? anchor?.index ?? -1;
    const box = rows[index - this.first]?.getBoundingClientRect();
    if (!box) return;
    const view = scroller.getBoundingClientRect();
    scroller.scrollTop += target
      ? shift(box.top - view.top, box.bottom - view.top, scroller.clientHeight, target.block)
      : box.top - view.top - anchor!.top;
    this.scrollTop = scroller.scrollTop;
    if (target) this.pinned = this.atEdge(scroller);
  }

  /** Keeps the view at its sticky edge; at the start that costs nothing when it is already there. */
  private toEdge(scroller: HTMLElement): void {
    if (this.options.stick === 'start' && this.scrollTop === 0) return;
    scroller.scrollTop = this.options.stick === 'end' ? scroller.scrollHeight : 0;
    this.scrollTop = scroller.scrollTop;
  }

  /** A row or the scroller changed size: keep the view steady, then redraw the spacers on the next frame. */
  private onResize(entries: ResizeObserverEntry[]): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const view = scroller.getBoundingClientRect().top;
    let above = 0;
    for (const { target, borderBoxSize } of entries) {
      const key = this.keys.get(target);
      if (key === undefined || !target.isConnected) continue;
      const grown = this.resize(key, borderBoxSize[0].blockSize);
      if (target.getBoundingClientRect().top < view) above += grown;
    }
    const viewport = scroller.clientHeight;
    if (!this.stale && viewport === this.viewport) return;
    this.viewport = viewport;
    if (this.pinned) this.toEdge(scroller);
    else {
      scroller.scrollTop += above;
      this.scrollTop = scroller.scrollTop;
    }
    // Not now: rows rendered inside a resize callback would be observed too late for this frame.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.host.requestUpdate());
  }

  private atEdge(scroller: HTMLElement): boolean {
    const gap = this.options.stick === 'end' ? scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight : scroller.scrollTop;
    return gap <= EDGE_SLACK;
  }
}
