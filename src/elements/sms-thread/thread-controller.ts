import type { ReactiveControllerHost } from 'lit';
import type { SmsBackend } from '../../backend/types.js';
import type { Message, SmsEvent } from '../../protocol/index.js';
import { PagedList, placeItem } from '../internal/paged-list.js';
import { belongsTo, messageOrder } from './thread-state.js';

/**
 * One conversation's messages, oldest to newest: the newest page first, older pages on demand (`loadMore`), live
 * events merged in, the conversation marked read when shown and when a reply arrives.
 */
export class ThreadController extends PagedList<Message> {
  /** Messages asked for per page. */
  pageSize = 50;
  #contact = '';

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** Called when a new message arrives as the newest (the view decides whether to follow it). */
    private readonly onNewest?: () => void,
  ) {
    super(host, messageOrder);
  }

  /** The contact's E.164 number. */
  get contact(): string {
    return this.#contact;
  }

  set contact(value: string) {
    if (value === this.#contact) return;
    this.#contact = value;
    this.restart();
  }

  /** Cancels a scheduled message; the answer replaces it in the list. */
  async cancel(id: string): Promise<void> {
    try {
      const message = await this.context.backend?.cancel(id);
      if (message) this.items = placeItem(this.items, message, messageOrder);
      this.host.requestUpdate();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Marks the conversation read; a failure here is not worth interrupting the user for, but is still shown. */
  async markRead(): Promise<void> {
    try {
      await this.context.backend?.markRead(this.#contact);
    } catch (error) {
      this.fail(error);
    }
  }

  protected override get wanted(): boolean {
    return this.#contact !== '';
  }

  protected override fetchPage(backend: SmsBackend, cursor?: string) {
    return backend.messages({ contact: this.#contact, limit: this.pageSize, cursor });
  }

  /** A contact with no conversation yet has nothing to read (and the server knows no conversation to mark). */
  protected override loaded(): void {
    if (this.items.length) void this.markRead();
  }

  protected override apply(event: SmsEvent): void {
    if ((event.type !== 'message.created' && event.type !== 'message.updated') || !belongsTo(event.data, this.#contact)) return;
    this.items = placeItem(this.items, event.data, messageOrder);
    this.host.requestUpdate();
    if (event.type !== 'message.created') return;
    // A reply that arrives while the conversation is on screen has been seen.
    if (event.data.direction === 'inbound') void this.markRead();
    if (this.items.at(-1) === event.data) this.onNewest?.();
  }
}
