import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Conversation, InboxFilter, SmsEvent } from '../../protocol/index.js';
import { asError, type LoadState } from '../internal/load-state.js';
import { SmsContextController } from '../internal/sms-context.js';
import { appendPage, applyConversation } from './inbox-state.js';

export interface InboxQuery {
  filter: InboxFilter;
  q: string;
}

/**
 * The inbox's conversations for a filter and a search: the first page, further pages on demand, live changes
 * reordered in. Reads the backend from `<sms-provider>`; unsubscribes when the host leaves the page.
 */
export class InboxController implements ReactiveController {
  conversations: readonly Conversation[] = [];
  state: LoadState = 'pending';
  /** The last failure, shown to the user as a label. */
  error: Error | null = null;
  nextCursor: string | null = null;
  loadingMore = false;

  private readonly context: SmsContextController;
  private _query: InboxQuery;
  private unsubscribe?: () => void;
  /** Bumped on every restart, so answers for a previous query or backend are dropped. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    query: Partial<InboxQuery> = {},
  ) {
    this._query = { filter: query.filter ?? 'all', q: query.q ?? '' };
    host.addController(this);
    this.context = new SmsContextController(host, () => this.restart());
  }

  private get backend() {
    return this.context.backend;
  }

  get query(): InboxQuery {
    return this._query;
  }

  set query(value: InboxQuery) {
    if (value.filter === this._query.filter && value.q === this._query.q) return;
    this._query = { ...value };
    this.restart();
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  hostConnected(): void {
    this.restart();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Loads the next page (older activity). */
  async loadMore(): Promise<void> {
    const { backend, nextCursor } = this;
    if (!backend || nextCursor === null || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await backend.conversations({ ...this.request(), cursor: nextCursor });
      if (generation !== this.generation) return;
      this.conversations = appendPage(this.conversations, page.items);
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (generation === this.generation) this.error = asError(error);
    } finally {
      if (generation === this.generation) {
        this.loadingMore = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Loads the list again from its first page. */
  reload(): void {
    this.restart();
  }

  private request() {
    const { filter, q } = this._query;
    return { filter, ...(q.trim() ? { q: q.trim() } : {}) };
  }

  private readonly onEvent = (event: SmsEvent) => {
    if (event.type === 'reset') {
      this.restart();
      return;
    }
    if (event.type !== 'conversation.updated') return;
    this.conversations = applyConversation(this.conversations, event.data, this._query.filter, this._query.q.trim() !== '');
    this.host.requestUpdate();
  };

  private stop(): void {
    this.generation += 1;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private restart(): void {
    this.stop();
    this.conversations = [];
    this.nextCursor = null;
    this.error = null;
    this.loadingMore = false;
    this.state = 'pending';
    if (!this.backend || !this.host.isConnected) return;
    this.unsubscribe = this.backend.subscribe(this.onEvent);
    this.load();
  }

  private async load(): Promise<void> {
    const backend = this.backend!;
    const generation = this.generation;
    this.host.requestUpdate();
    try {
      const page = await backend.conversations(this.request());
      if (generation !== this.generation) return;
      // Live changes that arrived while the page was on its way win over the page's older copies.
      this.conversations = appendPage(this.conversations, page.items);
      this.nextCursor = page.nextCursor;
      this.state = 'complete';
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = asError(error);
      this.state = 'error';
    }
    this.host.requestUpdate();
  }
}
