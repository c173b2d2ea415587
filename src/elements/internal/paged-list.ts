import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsBackend } from '../../backend/types.js';
import type { Page, SmsEvent } from '../../protocol/index.js';
import { SmsContextController } from './sms-context.js';

/** Where the first page stands; `error` comes with a message the element shows as a label. */
export type LoadState = 'pending' | 'complete' | 'error';

/** How a list names and orders its items, so pages and live events make one list. */
export interface ListOrder<T> {
  /** Names an item across pages and live events. */
  key: (item: T) => string;
  /** The list's order; never 0 for two different items. */
  compare: (a: T, b: T) => number;
}

/**
 * `list` with a page added, the page in the backend's order. The first page takes in the live items that came while
 * it was on its way, each in its place; a further page goes before or after the list, at the end it continues. An
 * item already listed stays as it is: a live event brought it, newer than the page's copy.
 */
export function mergePage<T>(list: readonly T[], page: readonly T[], order: ListOrder<T>, first: boolean): readonly T[] {
  if (first) return list.reduce((merged, item) => placeItem(merged, item, order), page);
  const listed = new Set(list.map(order.key));
  const fresh = page.filter((item) => !listed.has(order.key(item)));
  return list.length && fresh.length && order.compare(fresh[0], list[0]) < 0 ? [...fresh, ...list] : [...list, ...fresh];
}

/**
 * `list` with `item` in its place, replacing the item of the same key; with neither when `keep` is false. An update
 * that leaves the order as it was (a message's new status) stays where the item was; a new place is searched from
 * the end, where new items of a thread go.
 */
export function placeItem<T>(list: readonly T[], item: T, { key, compare }: ListOrder<T>, keep = true): readonly T[] {
  const index = list.findIndex((other) => key(other) === key(item));
  if (keep && index !== -1 && compare(list[index], item) === 0) return list.with(index, item);
  const rest = index === -1 ? list : list.toSpliced(index, 1);
  return keep ? rest.toSpliced(rest.findLastIndex((other) => compare(other, item) < 0) + 1, 0, item) : rest;
}

/** A further page that failed is not asked for again sooner: the elements ask whenever the view nears the end. */
const RETRY_DELAY = 5000;

/**
 * A list the backend serves in pages and keeps live: the first page whenever the host connects or what it
 * lists changes (restart), further pages on demand, live events merged in, everything again after a `reset`.
 * Answers that arrive after a restart are dropped. Reads the backend from `<sms-provider>`.
 */
export abstract class PagedList<T> implements ReactiveController {
  items: readonly T[] = [];
  state: LoadState = 'pending';
  /** The last failure of a load or an action, shown to the user as a label. */
  error: Error | null = null;
  nextCursor: string | null = null;
  /** A further page is on its way. */
  loadingMore = false;

  protected readonly context: SmsContextController;
  #unsubscribe?: () => void;
  /** Bumped on every restart, so answers for what was listed before are dropped. */
  #generation = 0;
  /** When a further page may be asked for again after a failure (`performance.now()`). */
  #retryAt = 0;

  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    protected readonly order: ListOrder<T>,
  ) {
    host.addController(this);
    this.context = new SmsContextController(host, () => this.restart());
  }

  /** The page after `cursor`, or the first. */
  protected abstract fetchPage(backend: SmsBackend, cursor?: string): Promise<Page<T>>;
  /** Merges a live event other than `reset` into `items`. */
  protected abstract apply(event: SmsEvent): void;

  /** Whether there is anything to list (a thread needs a contact). */
  protected get wanted(): boolean {
    return true;
  }

  /** After the first page arrived. */
  protected loaded(): void {}

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  hostConnected(): void {
    this.restart();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Loads the next page, when there is one, none is on its way, and the last one did not fail a moment ago. */
  loadMore(): Promise<void> | undefined {
    const { backend } = this.context;
    if (!backend || this.nextCursor === null || this.loadingMore || performance.now() < this.#retryAt) return;
    this.loadingMore = true;
    return this.#load(backend, this.nextCursor);
  }

  /** Lists everything again from the first page. */
  restart(): void {
    this.#stop();
    this.items = [];
    this.nextCursor = null;
    this.error = null;
    this.loadingMore = false;
    this.state = 'pending';
    this.#retryAt = 0;
    const { backend } = this.context;
    if (backend && this.wanted && this.host.isConnected) {
      this.#unsubscribe = backend.subscribe((event) => (event.type === 'reset' ? this.restart() : this.apply(event)));
      void this.#load(backend);
    }
    this.host.requestUpdate();
  }

  /** Records a failed action (the list stays as it is). */
  protected fail(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error));
    this.host.requestUpdate();
  }

  async #load(backend: SmsBackend, cursor?: string): Promise<void> {
    const generation = this.#generation;
    this.host.requestUpdate();
    const first = cursor === undefined;
    try {
      const page = await this.fetchPage(backend, cursor);
      if (generation !== this.#generation) return;
      this.items = mergePage(this.items, page.items, this.order, first);
      this.nextCursor = page.nextCursor;
      if (first) {
        this.state = 'complete';
        this.loaded();
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      if (first) this.state = 'error';
      else this.#retryAt = performance.now() + RETRY_DELAY;
      this.fail(error);
    }
    this.loadingMore = false;
    this.host.requestUpdate();
  }

  #stop(): void {
    this.#generation += 1;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
