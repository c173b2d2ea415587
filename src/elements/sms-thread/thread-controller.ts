import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Message, SmsEvent } from '../../protocol/index.js';
import { asError, type LoadState } from '../internal/load-state.js';
import { SmsContextController } from '../internal/sms-context.js';
import { belongsTo, prependPage, upsertMessage } from './thread-state.js';

export interface ThreadControllerOptions {
  /** The contact's E.164 number. */
  contact: string;
  /** Messages asked for per page. */
  pageSize?: number;
  /** Called after a live event changed the list (the view decides whether to follow it). */
  onLive?: (message: Message, type: 'message.created' | 'message.updated') => void;
}

/**
 * One conversation's messages, oldest to newest: the newest page first, older pages on demand, live events merged
 * in. Reads the backend from `<sms-provider>`; unsubscribes when the host leaves the page.
 */
export class ThreadController implements ReactiveController {
  messages: readonly Message[] = [];
  state: LoadState = 'pending';
  /** The last failure of a load or an action, shown to the user as a label. */
  error: Error | null = null;
  nextCursor: string | null = null;
  loadingOlder = false;

  private readonly context: SmsContextController;
  private _contact: string;
  private readonly pageSize: number;
  private readonly onLive?: ThreadControllerOptions['onLive'];
  private unsubscribe?: () => void;
  /** Bumped on every restart, so answers for a previous contact or backend are dropped. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    options: ThreadControllerOptions,
  ) {
    this._contact = options.contact;
    this.pageSize = options.pageSize ?? 50;
    this.onLive = options.onLive;
    host.addController(this);
    this.context = new SmsContextController(host, () => this.restart());
  }

  private get backend() {
    return this.context.backend;
  }

  get contact(): string {
    return this._contact;
  }

  set contact(value: string) {
    if (value === this._contact) return;
    this._contact = value;
    this.restart();
  }

  get hasOlder(): boolean {
    return this.nextCursor !== null;
  }

  hostConnected(): void {
    this.restart();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Loads the page before the oldest shown; resolves with how many messages were added in front. */
  async loadOlder(): Promise<number> {
    const { backend, nextCursor } = this;
    if (!backend || nextCursor === null || this.loadingOlder) return 0;
    const generation = this.generation;
    this.loadingOlder = true;
    this.host.requestUpdate();
    try {
      const page = await backend.messages({ contact: this._contact, cursor: nextCursor, limit: this.pageSize });
      if (generation !== this.generation) return 0;
      const before = this.messages.length;
      this.messages = prependPage(this.messages, page.items);
      this.nextCursor = page.nextCursor;
      return this.messages.length - before;
    } catch (error) {
      if (generation === this.generation) this.error = asError(error);
      return 0;
    } finally {
      if (generation === this.generation) {
        this.loadingOlder = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Cancels a scheduled message; the answer replaces it in the list. */
  async cancel(id: string): Promise<void> {
    if (!this.backend) return;
    try {
      this.merge(await this.backend.cancel(id));
    } catch (error) {
      this.error = asError(error);
    }
    this.host.requestUpdate();
  }

  /** Marks the conversation read; a failure here is not worth interrupting the user for, but is still shown. */
  async markRead(): Promise<void> {
    if (!this.backend) return;
    try {
      await this.backend.markRead(this._contact);
    } catch (error) {
      this.error = asError(error);
      this.host.requestUpdate();
    }
  }

  private merge(message: Message): void {
    this.messages = upsertMessage(this.messages, message);
  }

  private readonly onEvent = (event: SmsEvent) => {
    if (event.type === 'reset') {
      this.messages = [];
      this.load();
      return;
    }
    if (event.type !== 'message.created' && event.type !== 'message.updated') return;
    if (!belongsTo(event.data, this._contact)) return;
    this.merge(event.data);
    this.host.requestUpdate();
    // A reply that arrives while the conversation is on screen has been seen.
    if (event.type === 'message.created' && event.data.direction === 'inbound') this.markRead();
    this.onLive?.(event.data, event.type);
  };

  private stop(): void {
    this.generation += 1;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private restart(): void {
    this.stop();
    this.messages = [];
    this.nextCursor = null;
    this.error = null;
    this.loadingOlder = false;
    if (!this.backend || !this._contact || !this.host.isConnected) {
      this.state = 'pending';
      return;
    }
    this.unsubscribe = this.backend.subscribe(this.onEvent);
    this.load();
  }

  private async load(): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const generation = ++this.generation;
    this.state = 'pending';
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await backend.messages({ contact: this._contact, limit: this.pageSize });
      if (generation !== this.generation) return;
      // Live events that arrived while the page was on its way are kept.
      this.messages = this.messages.reduce(upsertMessage, page.items);
      this.nextCursor = page.nextCursor;
      this.state = 'complete';
      // A contact with no conversation yet has nothing to read (and the server knows no conversation to mark).
      if (this.messages.length) void this.markRead();
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = asError(error);
      this.state = 'error';
    }
    this.host.requestUpdate();
  }
}
