import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { INBOX_FILTERS, type Conversation, type InboxFilter } from '../../protocol/index.js';
import { SmsConversationSelectEvent } from '../internal/events.js';
import { formatDate } from '../internal/format.js';
import { LocalizeController } from '../internal/localize.js';
import { VirtualList } from '../internal/virtual-list.js';
import { InboxController } from './inbox-controller.js';
import { inboxMessages } from './sms-inbox.messages.js';
import { styles } from './sms-inbox.styles.js';

/** The next page is fetched when the rendered rows come this close to the end of the list. */
const END_SLACK = 10;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY = 250;
/** Page Up and Page Down move the active conversation by this many. */
const PAGE_STEP = 10;

/** A DOM id for a conversation's option, stable while the list reorders. */
const optionId = (contact: string) => `conversation-${contact.replace(/\W/g, '_')}`;

/**
 * @summary The conversations of the workspace by latest activity, with unread state and the latest message; a
 * filter (all, unread, has a failed SMS), a search, live reordering and full keyboard use. Only the rows in and near the view are rendered.
 *
 * Needs an `<sms-provider>` ancestor for its backend. Arrow keys, Home, End, Page Up and Page Down move through
 * the list; Enter or Space (or a click) chooses a conversation.
 *
 * @fires sms-conversation-select - A conversation was chosen; `detail: { contact, conversation }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart tools - The row holding the search box and the filter.
 * @csspart search - The search box.
 * @csspart filter - The filter select.
 * @csspart list - The scrolling list of conversations (`role="listbox"`).
 * @csspart conversation - Each conversation; also `unread`, `errored`, `active` and `selected` when they apply.
 * @csspart name - A conversation's contact name or number.
 * @csspart time - A conversation's latest activity.
 * @csspart preview - A conversation's latest message.
 * @csspart unread-badge - The unread dot.
 * @csspart error-badge - The label of a conversation with a failed SMS.
 * @csspart problem - A load failure.
 *
 * @cssprop --sms-color-accent - The unread dot, focus and selection.
 * @cssprop --sms-color-surface - Background.
 * @cssprop --sms-color-surface-raised - Hovered and active rows.
 * @cssprop --sms-color-text - Text.
 * @cssprop --sms-color-text-muted - Times and previews.
 * @cssprop --sms-color-danger - The error badge and failures.
 * @cssprop --sms-color-border - Row separators and fields.
 * @cssprop --sms-color-focus - Focus rings.
 * @cssprop --sms-radius - Corner radius of fields and badges.
 * @cssprop --sms-space - Base spacing.
 * @cssprop --sms-font-family - Font.
 * @cssprop --sms-font-size - Base font size.
 */
export class SmsInbox extends LitElement {
  static override styles = styles;

  /** Which conversations to list: `all`, `unread` or `errored` (has a failed SMS). */
  @property({ reflect: true }) filter: InboxFilter = 'all';

  /** The search: names, numbers and message text. */
  @property() q = '';

  /** The contact of the conversation shown as chosen. Set by the element on choice; a page may set it too. */
  @property() selected = '';

  /** The conversation the keyboard is on. */
  @state() private active = '';

  get #listbox() {
    return this.renderRoot.querySelector<HTMLElement>('.list') ?? undefined;
  }

  readonly #localize = new LocalizeController(this, inboxMessages);

  /** The list's state: conversations, load state, paging. */
  readonly inbox = new InboxController(this);

  /** Renders only the conversations in and near the view; stays at the top while the view is there. */
  readonly #list = new VirtualList<Conversation>(this, {
    scroller: () => this.#listbox,
    key: (conversation) => conversation.contact,
    renderItem: (conversation) => this.#renderConversation(conversation),
    stick: 'start',
    estimate: 60,
  });

  #searchTimer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') || changed.has('q')) {
      const filter = (INBOX_FILTERS as readonly string[]).includes(this.filter) ? this.filter : 'all';
      this.inbox.query = { filter, q: this.q };
    }
    const conversations = this.inbox.items;
    if (conversations.length && !conversations.some((c) => c.contact === this.active)) {
      this.active = conversations.find((c) => c.contact === this.selected)?.contact ?? conversations[0].contact;
    }
  }

  /** Fetches the next page when the rendered rows come near the end: on scroll, or when the list does not fill its box. */
  protected override updated(): void {
    if (this.#list.last >= this.inbox.items.length - END_SLACK) this.inbox.loadMore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Chooses a conversation: marks it selected and tells the page. */
  select(contact: string): void {
    const conversation = this.inbox.items.find((c) => c.contact === contact);
    this.active = contact;
    this.selected = contact;
    this.dispatchEvent(new SmsConversationSelectEvent({ contact, conversation }));
  }

  #onKeydown(event: KeyboardEvent): void {
    const conversations = this.inbox.items;
    if (!conversations.length) return;
    const last = conversations.length - 1;
    const current = Math.max(0, conversations.findIndex((c) => c.contact === this.active));
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, current + 1),
      ArrowUp: Math.max(0, current - 1),
      PageDown: Math.min(last, current + PAGE_STEP),
      PageUp: Math.max(0, current - PAGE_STEP),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.active = conversations[moves[event.key]].contact;
      // The option must be rendered for aria-activedescendant to point at it.
      this.#list.scrollToIndex(moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(conversations[current].contact);
    }
  }

  #onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.q = value), SEARCH_DELAY);
  }

  #onFilter(event: Event): void {
    this.filter = (event.target as HTMLSelectElement).value as InboxFilter;
  }

  /** The time for today's activity, the date for older. */
  #formatTime(iso: string): string {
    const today = new Date(iso).toDateString() === new Date().toDateString();
    return formatDate(this.#localize.locale, iso, today ? 'time' : 'date');
  }

  override render() {
    const { inbox } = this;
    const { t } = this.#localize;
    const conversations = inbox.items;
    const rows = this.#list.render(conversations);
    const rendered = conversations.slice(this.#list.first, this.#list.last).some((c) => c.contact === this.active);
    return html`
      <div part="base" class="base" dir=${this.#localize.dir} lang=${this.#localize.locale}>
        <div part="tools" class="tools">
          <input
            part="search"
            type="search"
            .value=${this.q}
            aria-label=${t('sms-inbox.search')}
            placeholder=${t('sms-inbox.search-placeholder')}
            @input=${this.#onSearch}
          />
          <select part="filter" aria-label=${t('sms-inbox.filter')} @change=${this.#onFilter}>
            ${INBOX_FILTERS.map(
              (filter) => html`<option value=${filter} ?selected=${filter === this.filter}>${t(`sms-inbox.filter.${filter}`)}</option>`,
            )}
          </select>
        </div>
        ${inbox.error
          ? html`<p part="problem" class="problem" role="alert">${t('sms-inbox.load-failed', { reason: inbox.error.message })}</p>`
          : nothing}
        ${inbox.state === 'pending' ? html`<p class="status-line" role="status">${t('sms-inbox.loading')}</p>` : nothing}
        ${inbox.state === 'complete' && conversations.length === 0
          ? html`<p class="status-line" role="status">
              ${this.q.trim() ? t('sms-inbox.empty-search', { q: this.q.trim() }) : t('sms-inbox.empty')}
            </p>`
          : nothing}
        <div
          part="list"
          class="list scroller"
          role="listbox"
          tabindex="0"
          aria-label=${t('sms-inbox.label')}
          aria-activedescendant=${rendered ? optionId(this.active) : nothing}
          aria-busy=${inbox.state === 'pending' || inbox.loadingMore ? 'true' : 'false'}
          @keydown=${this.#onKeydown}
          @scroll=${this.#list.onScroll}
        >
          ${rows}
        </div>
        ${inbox.loadingMore ? html`<p class="status-line" role="status">${t('sms-inbox.loading-more')}</p>` : nothing}
      </div>
    `;
  }

  #renderConversation(conversation: Conversation) {
    const { t } = this.#localize;
    const { lastMessage, unread, hasError, contact } = conversation;
    const text = lastMessage.body || (lastMessage.media.length ? t('sms-inbox.attachment') : '');
    const preview = lastMessage.direction === 'outbound' ? t('sms-inbox.you', { body: text }) : text;
    const selected = contact === this.selected;
    // The states that apply, named alike as parts and as classes.
    const states = [unread && 'unread', hasError && 'errored', contact === this.active && 'active', selected && 'selected']
      .filter(Boolean)
      .join(' ');
    return html`
      <div
        id=${optionId(contact)}
        part="conversation ${states}"
        class="option ${states}"
        role="option"
        aria-selected=${selected ? 'true' : 'false'}
        @click=${() => this.select(contact)}
      >
        <span part="name" class="name">${conversation.contactName ?? contact}</span>
        <time part="time" datetime=${conversation.updatedAt}>${this.#formatTime(conversation.updatedAt)}</time>
        <span part="preview" class="preview">${preview}</span>
        <span class="badges">
          ${hasError
            ? html`<span part="error-badge" class="badge danger" title=${t('sms-inbox.error-hint')}
                >${t('sms-inbox.error')}<span class="visually-hidden">: ${t('sms-inbox.error-hint')}</span></span
              >`
            : nothing}
          ${unread
            ? html`<span part="unread-badge" class="dot"><span class="visually-hidden">${t('sms-inbox.unread')}</span></span>`
            : nothing}
        </span>
      </div>
    `;
  }
}
