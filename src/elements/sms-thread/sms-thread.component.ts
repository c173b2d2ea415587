import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { Media, Message } from '../../protocol/index.js';
import type { LabelParams } from '../../rules/types.js';
import { LocalizeController } from '../internal/localize.js';
import { ThreadController } from './thread-controller.js';
import { inlineNotice, isFailed } from './thread-state.js';
import { styles } from './sms-thread.styles.js';
import './sms-thread.messages.js';

/** Within this many pixels of the end, the view counts as "at the bottom" and follows new messages. */
const BOTTOM_SLACK = 32;
/** Older messages are fetched when the view comes this close to the top. */
const TOP_SLACK = 200;

/**
 * @summary One conversation, oldest to newest and live: statuses, error labels with their reason, scheduled
 * messages with cancel, MMS attachments, older pages on scroll. Virtualized, so 10,000 messages stay fast.
 *
 * Needs an `<sms-provider>` ancestor for its backend. Marks the conversation read when it shows it.
 *
 * @csspart base - The wrapper around everything.
 * @csspart log - The scrolling list of messages (`role="log"`).
 * @csspart message - Each message bubble; also `inbound` or `outbound`.
 * @csspart body - A message's text.
 * @csspart media - A message's attachments.
 * @csspart thumbnail - An image attachment (a download link around the image).
 * @csspart file - A non-image attachment chip (a download link).
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

  @query('.log') private log?: HTMLElement & VirtualizerHostElement;

  private readonly localize = new LocalizeController(this);

  /** The conversation's state: messages, load state, older pages. */
  readonly thread: ThreadController = new ThreadController(this, {
    contact: this.contact,
    onLive: (message, type) => this.onLive(message, type),
  });

  /** While true the view is pinned to the newest message; the user scrolling away ends it. */
  @state() private following = true;
  /** False until the first page has been shown and scrolled to its end. */
  private settled = false;
  /** While the view moves itself (to the end, or back to an anchor), its scroll events are not the user's. */
  private busy = false;
  private formatters?: { locale: string; time: Intl.DateTimeFormat; size: Intl.NumberFormat };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contact')) {
      this.thread.contact = this.contact;
      this.settled = false;
      this.scrollToEnd();
    }
  }

  protected override updated(): void {
    if (!this.settled && !this.busy && this.thread.state === 'complete') this.settle();
  }

  /** Waits for the first page to be laid out at its end before scroll events count as the user's. */
  private async settle(): Promise<void> {
    const contact = this.contact;
    this.busy = true;
    await this.layoutSettled();
    this.busy = false;
    if (contact !== this.contact) return;
    this.settled = true;
    this.onScroll();
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToEnd(): void {
    this.unseen = 0;
    this.following = true;
  }

  private onLive(message: Message, type: 'message.created' | 'message.updated'): void {
    if (!this.settled || type !== 'message.created') return;
    if (this.thread.messages.at(-1)?.id !== message.id) return;
    if (!this.following) this.unseen += 1;
  }

  private onScroll(): void {
    const log = this.log;
    if (!log || !this.settled || this.busy) return;
    if (log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK) this.scrollToEnd();
    if (log.scrollTop < TOP_SLACK && this.thread.hasOlder && !this.thread.loadingOlder) this.loadOlder();
  }

  /** Loads the previous page and keeps the message that was at the top exactly where it was. */
  private async loadOlder(): Promise<void> {
    const anchor = this.topVisible();
    this.busy = true;
    const added = await this.thread.loadOlder();
    if (added && anchor && !this.following) await this.restore(anchor);
    this.busy = false;
    if (added) this.onScroll();
  }

  private async restore(anchor: { id: string; offset: number }): Promise<void> {
    await this.updateComplete;
    const log = this.log!;
    const index = this.thread.messages.findIndex((m) => m.id === anchor.id);
    for (let round = 0; round < 6; round += 1) {
      await this.layoutSettled();
      const row = this.rowOf(anchor.id);
      if (!row) {
        // Not rendered: let the virtualizer bring it to the top first (no native scrollIntoView, the page stays put).
        log[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'start' });
        continue;
      }
      const drift = row.getBoundingClientRect().top - log.getBoundingClientRect().top - anchor.offset;
      if (Math.abs(drift) < 1) break;
      log.scrollTop += drift;
    }
  }

  private readonly onUnpinned = () => {
    this.following = false;
  };

  private topVisible(): { id: string; offset: number } | undefined {
    const log = this.log;
    if (!log) return undefined;
    const top = log.getBoundingClientRect().top;
    for (const row of log.querySelectorAll<HTMLElement>('.row')) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom > top) return { id: row.dataset.id!, offset: rect.top - top };
    }
    return undefined;
  }

  private rowOf(id: string): HTMLElement | null {
    return this.log?.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`) ?? null;
  }

  /** The virtualizer's layout pass, or a few frames when it has nothing to lay out. */
  private async layoutSettled(): Promise<void> {
    const frames = new Promise<void>((resolve) => {
      let left = 3;
      const tick = () => (--left ? requestAnimationFrame(tick) : resolve());
      requestAnimationFrame(tick);
    });
    // The virtualizer rejects this promise when it is disconnected mid-layout; that only ends the wait.
    const layout = this.log?.[virtualizerRef]?.layoutComplete.catch(() => undefined);
    await Promise.race(layout ? [layout, frames] : [frames]);
  }

  private readonly t = (id: string, params?: LabelParams) => this.localize.t(id, params);

  private get format() {
    const locale = this.localize.locale;
    if (this.formatters?.locale !== locale) {
      this.formatters = {
        locale,
        time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
        size: new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }),
      };
    }
    return this.formatters;
  }

  override render() {
    const { thread } = this;
    const t = this.t;
    return html`
      <div part="base" class="base" dir=${this.localize.dir} lang=${this.localize.locale}>
        ${thread.state === 'pending' && thread.messages.length === 0
          ? html`<p class="status-line" role="status">${t('sms-thread.loading')}</p>`
          : nothing}
        ${thread.error ? this.renderProblem(thread.error) : nothing}
        ${thread.loadingOlder ? html`<p class="status-line" role="status">${t('sms-thread.loading-older')}</p>` : nothing}
        ${thread.state === 'complete' && thread.messages.length === 0
          ? html`<p class="status-line">${t('sms-thread.empty')}</p>`
          : nothing}
        <div
          part="log"
          class="log"
          role="log"
          tabindex="0"
          aria-label=${t('sms-thread.label', { contact: this.contact })}
          aria-busy=${thread.state === 'pending' || thread.loadingOlder ? 'true' : 'false'}
          @scroll=${this.onScroll}
          @unpinned=${this.onUnpinned}
        >
          ${virtualize({
            items: thread.messages as Message[],
            keyFunction: (message: Message) => message.id,
            renderItem: (message: Message) => this.renderMessage(message),
            scroller: true,
            layout: flow(
              this.following && thread.messages.length ? { pin: { index: thread.messages.length - 1, block: 'end' } } : {},
            ),
          })}
        </div>
        ${this.unseen > 0
          ? html`<button part="new-messages" class="new-messages" @click=${this.scrollToEnd}>
              ${t('sms-thread.new-messages', { count: this.unseen })}
            </button>`
          : nothing}
      </div>
    `;
  }

  private renderProblem(error: Error) {
    const key = this.thread.state === 'error' ? 'sms-thread.load-failed' : 'sms-thread.action-failed';
    return html`<p part="problem" class="problem" role="alert">
      ${this.t(key, { reason: error.message })}
    </p>`;
  }

  private renderMessage(message: Message) {
    const t = this.t;
    const notice = inlineNotice(message);
    return html`
      <div class=${classMap({ row: true, [message.direction]: true, [message.status]: true })} data-id=${message.id}>
        <div part="message ${message.direction}" class="bubble">
          <span class="visually-hidden">${t(message.direction === 'inbound' ? 'sms-thread.them' : 'sms-thread.you')}:</span>
          ${message.body ? html`<p part="body" class="body">${message.body}</p>` : nothing}
          ${message.media.length ? html`<div part="media" class="media">${message.media.map((m) => this.renderMedia(m))}</div>` : nothing}
        </div>
        <div part="meta" class="meta">
          <time datetime=${message.createdAt}>${this.format.time.format(new Date(message.createdAt))}</time>
          ${this.renderStatus(message)}
        </div>
        ${notice ? html`<p part="notice" class="notice">${t(`sms-thread.notice.${notice}`)}</p>` : nothing}
      </div>
    `;
  }

  private renderStatus(message: Message) {
    const t = this.t;
    if (isFailed(message)) {
      const id = `reason-${message.id}`;
      return html`<span class="error-wrap">
        <span part="error-label" class="error" tabindex="0" aria-describedby=${id}
          >${message.error?.label ?? t('sms-thread.error')}</span
        ><span part="tooltip" class="tooltip" role="tooltip" id=${id}
          >${message.error?.reason ?? t('sms-thread.error-reason')}</span
        >
      </span>`;
    }
    if (message.status === 'scheduled') {
      const time = this.format.time.format(new Date(message.sendAt ?? message.createdAt));
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

  private renderMedia(media: Media) {
    const label = this.t('sms-thread.download', { name: media.name });
    if (media.type.startsWith('image/')) {
      return html`<a part="thumbnail" class="thumbnail" href=${media.url} download=${media.name} title=${label}>
        <img src=${media.url} alt=${media.name} loading="lazy" />
      </a>`;
    }
    return html`<a part="file" class="file" href=${media.url} download=${media.name} title=${label}>
      <span>${media.name}</span>
      <span>${this.format.size.format(Math.max(1, Math.round(media.size / 1000)))}</span>
    </a>`;
  }
}
