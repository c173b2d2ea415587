import type { ReactiveControllerHost } from 'lit';
import type { SmsBackend } from '../../backend/types.js';
import type { Conversation, InboxFilter, SmsEvent } from '../../protocol/index.js';
import { PagedList } from '../internal/paged-list.js';
import { applyConversation, conversationOrder } from './inbox-state.js';

export interface InboxQuery {
  filter: InboxFilter;
  q: string;
}

/** The inbox's conversations for a filter and a search, newest activity first, live changes reordered in. */
export class InboxController extends PagedList<Conversation> {
  #query: InboxQuery = { filter: 'all', q: '' };

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, conversationOrder);
  }

  get query(): InboxQuery {
    return this.#query;
  }

  set query(value: InboxQuery) {
    if (value.filter === this.#query.filter && value.q === this.#query.q) return;
    this.#query = { ...value };
    this.restart();
  }

  protected override fetchPage(backend: SmsBackend, cursor?: string) {
    const { filter, q } = this.#query;
    return backend.conversations({ filter, cursor, ...(q.trim() ? { q: q.trim() } : {}) });
  }

  protected override apply(event: SmsEvent): void {
    if (event.type !== 'conversation.updated') return;
    this.items = applyConversation(this.items, event.data, this.#query.filter, this.#query.q.trim() !== '');
    this.host.requestUpdate();
  }
}
