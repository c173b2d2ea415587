import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Media, Message } from '../../protocol/index.js';
import { formatDate } from '../internal/format.js';
import { LocalizeController } from '../internal/localize.js';
import { VirtualList } from '../internal/virtual-list.js';
import { ThreadController } from './thread-controller.js';
import { inlineNotice, isFailed, tooltipSide } from './thread-state.js';
import { threadMessages } from './sms-thread.messages.js';
import { styles } from './sms-thread.styles.js';

/** A document with a folded corner, for attachments that are not images. */
const fileIcon = html`<svg class="file-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75"
  stroke-linejoin="round" aria-hidden="true"><path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M9 13h6M9 17h6" /></svg>`;
/** Older messages are fetched when the view comes this close to the top. */
const TOP_SLACK = 200;

/**
 * @summary One conversation, oldest to newest and live: statuses, error labels with their reason, scheduled
 * messages with cancel, MMS attachments, older pages on scroll. Only the messages in and near the view are rendered, so 10,000 stay fast.
 *
 * Needs an `<sms-provider>` ancestor for its backend. Marks the conversation read when it shows it.
 *
 * @csspart base - The wrapper around everything.
 * @csspart log - The scrolling list of messages (`role="log"`).
 * @csspart message - Each message bubble; also `inbound` or `outbound`.
 * @csspart body - A message's text.
 * @csspart media - A message's attachments.
 * @csspart thumbnail - An image attachment (a download link around the image).
 * @csspart file - A non-image attachment chip (a download link with an icon, the file's name and size).
 * @csspart meta - The line under a bubble: time and status.
 * @csspart status - A message's status word.
 * @csspart error-label - The focusable error label of a failed message.
 * @csspart tooltip - The reason shown on hover or focus of the error label.
 * @csspart cancel-button - The cancel action of a scheduled message.
 * @csspart notice - The inline note for an opt-out or opt-in.
 * @csspart new-messages - The control that appears when messages arrive while scrolled up.
 * @csspart problem - A load or action failure.
 *
 * @cssprop --sms-color-accent - Outbound bubbles and controls.
 * @cssprop --sms-color-on-accent - Text on the accent colour.
 * @cssprop --sms-color-surface - Background.
 * @cssprop --sms-color-surface-raised - Inbound bubbles.
 * @cssprop --sms-color-text - Text.
 * @cssprop --sms-color-text-muted - Times, statuses and notices.
 * @cssprop --sms-color-danger - Error labels and failures.
 * @cssprop --sms-color-focus - Focus rings.
 * @cssprop --sms-radius - Bubble corner radius.
 * @cssprop --sms-space - Base spacing.
 * @cssprop --sms-font-family - Font.
 * @cssprop --sms-font-size - Base font size.
 * @cssprop --sms-thread-inbound-background - Inbound bubble background (defaults to the raised surface).
 * @cssprop --sms-thread-outbound-background - Outbound bubble background (defaults to the accent).
 * @cssprop --sms-thread-outbound-color - Outbound bubble text.
 */
export class SmsThread extends LitElement {
  static override styles = styles;

  /** The contact's number, E.164 (`+14155550142`). */
  @property({ reflect: true }) contact = '';

  /** How many messages each page asks for. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private unseen = 0;

  get #log() {
    return this.renderRoot.querySelector<HTMLElement>('.log') ?? undefined;
  }

  readonly #localize = new LocalizeController(this, threadMessages);

  /** The conversation's state: messages, load state, older pages. */
  readonly thread: ThreadController = new ThreadController(this, () => {
    if (!this.#list.pinned) this.unseen += 1;
  });

  /** Renders only the messages in and near the view; follows the newest while the view is at the end. */
  readonly #list = new VirtualList<Message>(this, {
    scroller: () => this.#log,
    key: (message) => message.id,
    renderItem: (message) => this.#renderMessage(message),
    stick: 'end',
    estimate: 64,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.thread.pageSize = this.pageSize;
    if (changed.has('contact')) {
      this.thread.contact = this.contact;
      this.scrollToEnd();
    }
  }

  protected override updated(): void {
    this.#loadOlderWhenAtTop();
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToEnd(): void {
    this.unseen = 0;
    this.#list.pin();
  }

  #onScroll(): void {
    this.#list.onScroll();
    if (this.#list.pinned) this.unseen = 0;
    this.#loadOlderWhenAtTop();
  }

  /** Older messages come when the view nears the top (or the first page does not fill it); the list keeps the view still. */
  #loadOlderWhenAtTop(): void {
    if (this.#log && this.#log.scrollTop < TOP_SLACK) this.thread.loadMore();
  }

  #formatTime(iso: string): string {
    return formatDate(this.#localize.locale, iso, 'dateTime');
  }

  override render() {
    const { thread } = this;
    const { t } = this.#localize;
    return html`
      <div part="base" class="base" dir=${this.#localize.dir} lang=${this.#localize.locale}>
        ${thread.state === 'pending' && thread.items.length === 0
          ? html`<p class="status-line" role="status">${t('sms-thread.loading')}</p>`
          : nothing}
        ${thread.error
          ? html`<p part="problem" class="problem" role="alert">
              ${t(thread.state === 'error' ? 'sms-thread.load-failed' : 'sms-thread.action-failed', {
                reason: thread.error.message,
              })}
            </p>`
          : nothing}
        ${thread.loadingMore ? html`<p class="status-line" role="status">${t('sms-thread.loading-older')}</p>` : nothing}
        ${thread.state === 'complete' && thread.items.length === 0
          ? html`<p class="status-line">${t('sms-thread.empty')}</p>`
          : nothing}
        <div
          part="log"
          class="log scroller"
          role="log"
          tabindex="0"
          aria-label=${t('sms-thread.label', { contact: this.contact })}
          aria-busy=${thread.state === 'pending' || thread.loadingMore ? 'true' : 'false'}
          @scroll=${this.#onScroll}
        >
          ${this.#list.render(thread.items)}
        </div>
        ${this.unseen > 0
          ? html`<button part="new-messages" class="new-messages" @click=${this.scrollToEnd}>
              ${t('sms-thread.new-messages', { count: this.unseen })}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderMessage(message: Message) {
    const { t } = this.#localize;
    const notice = inlineNotice(message);
    return html`
      <div class="row ${message.direction} ${message.status}" data-id=${message.id}>
        <div part="message ${message.direction}" class="bubble">
          <span class="visually-hidden">${t(message.direction === 'inbound' ? 'sms-thread.them' : 'sms-thread.you')}:</span>
          ${message.body ? html`<p part="body" class="body">${message.body}</p>` : nothing}
          ${message.media.length ? html`<div part="media" class="media">${message.media.map((m) => this.#renderMedia(m))}</div>` : nothing}
        </div>
        <div part="meta" class="meta">
          <time datetime=${message.createdAt}>${this.#formatTime(message.createdAt)}</time>
          ${this.#renderStatus(message)}
        </div>
        ${notice ? html`<p part="notice" class="notice">${t(`sms-thread.notice.${notice}`)}</p>` : nothing}
      </div>
    `;
  }

  /** Opens the reason below the label when the label sits high in the log (bound as a listener on the label). */
  #placeTooltip(event: Event): void {
    const label = event.currentTarget as HTMLElement;
    if (!this.#log) return;
    const side = tooltipSide(label.getBoundingClientRect(), this.#log.getBoundingClientRect());
    label.parentElement!.classList.toggle('below', side === 'below');
  }

  #renderStatus(message: Message) {
    const { t } = this.#localize;
    if (isFailed(message)) {
      const id = `reason-${message.id}`;
      return html`<span class="error-wrap">
        <span
          part="error-label"
          class="error badge danger"
          tabindex="0"
          aria-describedby=${id}
          @mouseenter=${this.#placeTooltip}
          @focus=${this.#placeTooltip}
          >${message.error?.label ?? t('sms-thread.error')}</span
        ><span part="tooltip" class="tooltip" role="tooltip" id=${id}
          >${message.error?.reason ?? t('sms-thread.error-reason')}</span
        >
      </span>`;
    }
    if (message.status === 'scheduled') {
      const time = this.#formatTime(message.sendAt ?? message.createdAt);
      return html`<span part="status" class="status">${t('sms-thread.scheduled-for', { time })}</span>
        <button
          part="cancel-button"
          class="cancel"
          type="button"
          aria-label=${t('sms-thread.cancel-label', { time })}
          @click=${() => this.thread.cancel(message.id)}
        >
          ${t('sms-thread.cancel')}
        </button>`;
    }
    if (message.direction === 'inbound') return nothing;
    return html`<span part="status" class="status">${t(`sms-thread.status.${message.status}`)}</span>`;
  }

  #renderMedia(media: Media) {
    const label = this.#localize.t('sms-thread.download', { name: media.name });
    if (media.type.startsWith('image/')) {
      return html`<a part="thumbnail" class="thumbnail" href=${media.url} download=${media.name} title=${label}>
        <img src=${media.url} alt=${media.name} loading="lazy" />
      </a>`;
    }
    const kilobytes = Math.max(1, Math.round(media.size / 1000));
    const size = kilobytes.toLocaleString(this.#localize.locale, { style: 'unit', unit: 'kilobyte' });
    return html`<a part="file" class="file" href=${media.url} download=${media.name} title=${label}>
      ${fileIcon}
      <span class="file-name">${media.name}</span>
      <span class="file-size">${size}</span>
    </a>`;
  }
}
