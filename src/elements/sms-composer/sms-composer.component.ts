import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { analyzeMessage, arrivalTime, BODY_LIMIT, parsePhone, toGsm, validateSend } from '../../rules/index.js';
import { DRAFT_FIELDS, type DraftField, type LabelParams, type Violation, type Warning } from '../../rules/types.js';
import type { Media, Recipient, SendRequest, SmsEvent } from '../../protocol/index.js';
import { BackendError, reasonOf, type SmsBackend } from '../../backend/types.js';
import { LocalizeController } from '../internal/localize.js';
import { ruleLabel } from '../internal/rule-messages.js';
import { SmsContextController } from '../internal/sms-context.js';
import { SmsSendErrorEvent, SmsSendEvent, SmsSentEvent, type SmsNumberRentedEvent } from '../internal/events.js';
import {
  fromLocalInput,
  loadDraft,
  normalizeNumber,
  recipientClocks,
  saveDraft,
  sendContext,
  senderChoices,
  toLocalInput,
  visibleViolations,
  type ComposerDraft,
} from './composer-state.js';
import { styles } from './sms-composer.styles.js';
import { composerMessages } from './sms-composer.messages.js';

interface PendingAttachment {
  file: File;
  previewUrl?: string;
  loaded: number;
  media?: Media;
  error?: string;
  abort: AbortController;
}

/**
 * @summary Writes and sends an SMS or MMS, showing every send rule the draft breaks before it is sent.
 *
 * @fires sms-send - Before sending; cancelable (`preventDefault()` stops the send). `detail.request`.
 * @fires sms-sent - The backend accepted the message. `detail.message`.
 * @fires sms-send-error - The send failed (server violations, network). `detail.error`, `detail.request`.
 * @fires sms-number-rented - A number was rented from the inline picker (bubbles from `<number-picker>`).
 *
 * @csspart form - The form around every field.
 * @csspart sender - The sender `<select>`.
 * @csspart recipient - The recipient input.
 * @csspart body - The message textarea.
 * @csspart meter - The character counter and segments · encoding meter.
 * @csspart attachments - The list of attachments.
 * @csspart send-button - The send (or schedule) button.
 * @csspart label - Each violation or warning label.
 *
 * @cssprop --sms-color-accent - The send button and focus rings.
 * @cssprop --sms-color-danger - Violation labels and invalid fields.
 * @cssprop --sms-color-warning - Warning labels.
 * @cssprop --sms-color-surface - Field backgrounds.
 * @cssprop --sms-radius - Corner radius of fields and buttons.
 * @cssprop --sms-composer-min-rows - Height of the message field in lines (default 4).
 */
export class SmsComposer extends LitElement {
  static override styles = styles;

  /** The recipient, E.164 or as typed; the user can change it. */
  @property({ reflect: true }) to = '';

  /** The sender, E.164; empty to choose by the recipient's country. */
  @property({ reflect: true }) from = '';

  @state() private recipientInput = '';
  @state() private fromChoice = '';
  @state() private body = '';
  @state() private attachments: PendingAttachment[] = [];
  @state() private later = false;
  @state() private sendAtInput = '';
  @state() private touched = new Set<DraftField>();
  /** The last send's failure, until the draft changes: the server's violations, or why the message did not go. */
  @state() private failure?: BackendError;
  @state() private sending = false;
  /** What the live region says about sending; when empty, it lists the problems to fix. */
  @state() private status = '';
  @state() private renting = false;
  @state() private recipient?: Recipient;
  @state() private dragging = false;

  readonly #localize = new LocalizeController(this, composerMessages);
  readonly #context = new SmsContextController(this, () => this.#follow());
  #followed?: SmsBackend;
  #unfollow?: () => void;
  #lookups = 0;

  /** The backend in use (from the nearest `<sms-provider>`). */
  get backend(): SmsBackend | undefined {
    return this.#context.backend;
  }

  /** Sends the draft as the send button would; resolves when done (whatever the outcome). */
  async send(): Promise<void> {
    this.touched = new Set(DRAFT_FIELDS);
    const backend = this.#context.backend;
    const draft = this.#draft;
    const check = validateSend(draft, this.#ruleContext());
    if (!backend || check.violations.length || this.#uploading || this.sending) {
      this.status = '';
      return;
    }
    const request: SendRequest = {
      to: normalizeNumber(draft.to),
      body: draft.body,
      // With nothing violated, a sender is named or the rules chose one.
      from: draft.from || check.from,
      ...(this.attachments.length ? { attachments: this.attachments.map((a) => ({ id: a.media!.id })) } : {}),
      ...(draft.sendAt ? { sendAt: draft.sendAt } : {}),
    };
    if (!this.dispatchEvent(new SmsSendEvent({ request }))) {
      this.status = this.#localize.t('composer.canceled');
      return;
    }
    this.sending = true;
    this.failure = undefined;
    this.status = this.#localize.t('composer.sending');
    try {
      const message = await backend.send(request);
      for (const attachment of this.attachments) this.#release(attachment);
      this.attachments = [];
      saveDraft(localStorage, this.recipientInput, { body: '' });
      this.#restoreDraft();
      this.status = this.#localize.t(message.status === 'scheduled' ? 'composer.scheduled' : 'composer.sent');
      this.dispatchEvent(new SmsSentEvent({ message }));
    } catch (caught) {
      const error = caught instanceof BackendError ? caught : new BackendError(0, 'unknown', reasonOf(caught));
      this.failure = error;
      this.status = '';
      this.dispatchEvent(new SmsSendErrorEvent({ error, request }));
    } finally {
      this.sending = false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow();
    // A composer moved in the page is back before this runs; only one that stays gone lets its uploads go.
    queueMicrotask(() => {
      if (!this.isConnected) for (const attachment of this.attachments) this.#release(attachment);
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('to')) {
      this.recipientInput = this.to;
      this.#restoreDraft();
    }
    if (changed.has('from')) this.fromChoice = this.from;
    // Whether `to` set it just above or the user typed it, the recipient's opt-out state follows.
    if (changed.has('recipientInput')) void this.#lookUpRecipient();
  }

  /** Takes up the draft kept for the recipient (none once sent), with nothing touched or reported yet. */
  #restoreDraft(): void {
    const stored = loadDraft(localStorage, this.recipientInput);
    const sendAt = Date.parse(stored?.sendAt ?? '');
    this.body = stored?.body ?? '';
    this.later = !Number.isNaN(sendAt);
    this.sendAtInput = this.later ? toLocalInput(new Date(sendAt)) : '';
    this.touched = new Set();
    this.failure = undefined;
  }

  get #draft(): ComposerDraft {
    return {
      to: this.recipientInput,
      from: this.fromChoice,
      body: this.body,
      attachments: this.attachments.map(({ file }) => file),
      // Sending later with no time (or one that does not read) is not sending in the future.
      sendAt: this.later ? (fromLocalInput(this.sendAtInput) ?? 'invalid') : undefined,
    };
  }

  get #uploading(): boolean {
    return this.attachments.some((a) => !a.media);
  }

  #ruleContext() {
    return sendContext(this.#context.me?.numbers ?? [], this.recipient, new Date());
  }

  /** Follows the backend's events while connected, so an opt-out or opt-in shows at once, as the server sees it. */
  #follow(): void {
    const backend = this.isConnected ? this.#context.backend : undefined;
    if (backend === this.#followed) return;
    this.#unfollow?.();
    this.#followed = backend;
    this.#unfollow = backend?.subscribe(this.#onEvent);
    // Whatever changed while nothing listened is fetched afresh (and forgotten without a backend).
    void this.#lookUpRecipient();
  }

  readonly #onEvent = (event: SmsEvent): void => {
    if (event.type === 'reset') void this.#lookUpRecipient();
    else if (event.type === 'recipient.updated' && event.data.e164 === normalizeNumber(this.recipientInput)) {
      // Newer than any lookup still on its way.
      this.#lookups += 1;
      this.recipient = event.data;
    }
  };

  async #lookUpRecipient(): Promise<void> {
    const lookup = ++this.#lookups;
    const parsed = parsePhone(this.recipientInput);
    const backend = this.#followed;
    let recipient: Recipient | undefined;
    if (backend && parsed.ok && !parsed.shortCode) {
      // Without the recipient's state the server still checks opt-outs when the message is sent.
      recipient = await backend.recipient(parsed.e164).catch(() => undefined);
    }
    if (lookup === this.#lookups) this.recipient = recipient;
  }

  #edited(field: DraftField): void {
    this.touched = new Set(this.touched).add(field);
    this.failure = undefined;
    this.status = '';
    saveDraft(localStorage, this.recipientInput, { body: this.body, sendAt: this.later ? fromLocalInput(this.sendAtInput) : undefined });
  }

  #addFiles(files: Iterable<File>): void {
    const added = [...files].map(
      (file): PendingAttachment => ({
        file,
        previewUrl: file.type.startsWith('image/') && file.type !== 'image/svg+xml' ? URL.createObjectURL(file) : undefined,
        loaded: 0,
        abort: new AbortController(),
      }),
    );
    if (!added.length) return;
    this.attachments = [...this.attachments, ...added];
    this.#edited('attachments');
    for (const attachment of added) void this.#upload(attachment);
  }

  async #upload(attachment: PendingAttachment): Promise<void> {
    try {
      const backend = this.#context.backend;
      if (!backend) throw new Error('no backend');
      attachment.media = await backend.upload(attachment.file, {
        signal: attachment.abort.signal,
        onProgress: (loaded) => {
          attachment.loaded = loaded;
          this.requestUpdate();
        },
      });
    } catch (error) {
      if (attachment.abort.signal.aborted) return;
      attachment.error = reasonOf(error);
    }
    this.requestUpdate();
  }

  #removeAttachment(attachment: PendingAttachment): void {
    this.#release(attachment);
    this.attachments = this.attachments.filter((a) => a !== attachment);
    this.#edited('attachments');
  }

  #release(attachment: PendingAttachment): void {
    attachment.abort.abort();
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
  }

  #onRented(event: SmsNumberRentedEvent): void {
    this.renting = false;
    this.fromChoice = event.detail.number.e164;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.#addFiles(event.dataTransfer?.files ?? []);
  }

  #onPaste(event: ClipboardEvent): void {
    const files = event.clipboardData?.files;
    if (files?.length) {
      event.preventDefault();
      this.#addFiles(files);
    }
  }

  #fixUnicode(): void {
    this.body = toGsm(this.body);
    this.#edited('body');
  }

  protected override render() {
    const t = (id: string, params?: LabelParams) => this.#localize.t(id, params);
    const locale = this.#localize.locale;
    const draft = this.#draft;
    const context = this.#ruleContext();
    const check = validateSend(draft, context);
    const serverViolations = this.failure?.violations ?? [];
    const violations = [
      ...visibleViolations(check.violations, draft, this.touched),
      ...serverViolations.filter((s) => !check.violations.some((v) => v.code === s.code)),
    ];
    const sendError = this.failure && !serverViolations.length ? t('composer.send_failed', { reason: this.failure.message }) : '';
    const problems = violations.length
      ? this.#localize.plural('composer.problems', violations.length, { list: violations.map((v) => ruleLabel(locale, v)).join(' ') })
      : '';
    const label = (kind: 'error' | 'warning') => (item: Violation | Warning) =>
      html`<p class="label ${kind}" part="label" data-code=${item.code}>
        ${ruleLabel(locale, item)}
        ${item.code === 'unicode' ? html`<button type="button" class="link" @click=${this.#fixUnicode}>${t('composer.fix_unicode')}</button>` : nothing}
      </p>`;
    /** A field's violations and warnings (its control names them in `aria-describedby`), then `extra`. */
    const labels = (field: DraftField, extra: TemplateResult | typeof nothing = nothing) =>
      html`<div class="labels" id="${field}-labels">
        ${violations.filter((v) => v.field === field).map(label('error'))}
        ${check.warnings.filter((w) => w.field === field).map(label('warning'))}
        ${extra}
      </div>`;
    const invalid = (field: DraftField) => String(violations.some((v) => v.field === field));
    const analysis = analyzeMessage(this.body);
    const choices = senderChoices(draft, context);
    const chosen = this.fromChoice || check.from || '';
    const noSender = check.violations.some((v) => v.code === 'no_sender');
    const country = parsePhone(this.recipientInput);
    // At the time the quiet-hours rule judges: the send-later time when it is valid, else now.
    const clocks = recipientClocks(this.recipientInput, arrivalTime(draft.sendAt, context.now));
    const blocked = check.violations.length > 0 || serverViolations.length > 0 || this.#uploading || this.sending || !this.#context.backend;

    return html`<form
      part="form"
      dir=${this.#localize.dir}
      lang=${this.#localize.locale}
      class=${this.dragging ? 'dragging' : ''}
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.send();
      }}
      @keydown=${this.#onKeydown}
      @dragover=${(event: DragEvent) => {
        event.preventDefault();
        this.dragging = true;
      }}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.#onDrop}
    >
      <div class="field">
        <label for="from">${t('composer.from')}</label>
        <select
          id="from"
          part="sender"
          aria-describedby="from-labels"
          aria-invalid=${invalid('from')}
          @change=${(event: Event) => {
            this.fromChoice = (event.target as HTMLSelectElement).value;
            this.#edited('from');
          }}
        >
          ${choices.some((c) => c.number.e164 === chosen)
            ? nothing
            : html`<option value=${chosen} selected>${chosen || t(noSender ? 'composer.from_none' : 'composer.from_auto')}</option>`}
          ${choices.map(
            ({ number, reason }) =>
              html`<option value=${number.e164} ?disabled=${Boolean(reason) && number.e164 !== chosen} ?selected=${number.e164 === chosen}>
                ${number.label} · ${number.e164}${reason ? ` (${this.#localize.t(`reason.${reason}`, undefined, t('reason.other'))})` : ''}
              </option>`,
          )}
        </select>
        ${labels(
          'from',
          noSender
            ? html`<button type="button" class="link" aria-expanded=${String(this.renting)} @click=${() => (this.renting = !this.renting)}>
                ${t('composer.rent')}
              </button>`
            : nothing,
        )}
        ${this.renting
          ? html`<number-picker class="rent" mode="rent" country=${country.ok ? country.country : ''} @sms-number-rented=${this.#onRented}></number-picker>`
          : nothing}
      </div>

      <div class="field">
        <label for="to">${t('composer.to')}</label>
        <input
          id="to"
          part="recipient"
          type="tel"
          autocomplete="off"
          dir="ltr"
          placeholder=${t('composer.to_placeholder')}
          .value=${this.recipientInput}
          aria-describedby="to-labels"
          aria-invalid=${invalid('to')}
          @input=${(event: Event) => {
            this.recipientInput = (event.target as HTMLInputElement).value;
            this.#edited('to');
          }}
        />
        ${labels('to')}
      </div>

      <div class="field">
        <label for="body">${t('composer.body')}</label>
        <textarea
          id="body"
          part="body"
          rows="4"
          .value=${this.body}
          aria-describedby="body-meter body-labels shortcut"
          aria-invalid=${invalid('body')}
          @input=${(event: Event) => {
            this.body = (event.target as HTMLTextAreaElement).value;
            this.#edited('body');
          }}
          @paste=${this.#onPaste}
        ></textarea>
        <div class="meter" id="body-meter" part="meter">
          <span class=${analysis.characters > BODY_LIMIT ? 'over' : ''}>${t('composer.counter', { count: analysis.characters, limit: BODY_LIMIT })}</span>
          <span>${this.#localize.plural('composer.meter', analysis.segments, { encoding: analysis.encoding })}</span>
        </div>
        <span id="shortcut" class="visually-hidden">${t('composer.shortcut')}</span>
        ${labels('body')}
      </div>

      <div class="field">
        ${this.attachments.length
          ? html`<ul part="attachments" class="attachments" aria-label=${t('composer.attachments')}>
              ${this.attachments.map((a) => this.#renderAttachment(a))}
            </ul>`
          : nothing}
        <div class="row">
          <button type="button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click()} aria-describedby="attachments-labels">${t('composer.attach')}</button>
          <input
            type="file"
            multiple
            hidden
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              this.#addFiles(input.files ?? []);
              input.value = '';
            }}
          />
          ${this.dragging ? html`<span class="muted">${t('composer.drop')}</span>` : nothing}
        </div>
        ${labels('attachments')}
      </div>

      <div class="field">
        <div class="row">
          <input
            id="later"
            type="checkbox"
            .checked=${this.later}
            @change=${(event: Event) => {
              this.later = (event.target as HTMLInputElement).checked;
              if (this.later && !this.sendAtInput) this.sendAtInput = toLocalInput(new Date(Date.now() + 60 * 60 * 1000));
              this.#edited('sendAt');
            }}
          />
          <label for="later">${t('composer.later')}</label>
        </div>
        ${this.later
          ? html`<label for="send-at">${t('composer.send_at', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}</label>
              <input
                id="send-at"
                type="datetime-local"
                .value=${this.sendAtInput}
                min=${toLocalInput(new Date())}
                aria-describedby="sendAt-labels"
                aria-invalid=${invalid('sendAt')}
                @input=${(event: Event) => {
                  this.sendAtInput = (event.target as HTMLInputElement).value;
                  this.#edited('sendAt');
                }}
              />`
          : nothing}
        ${labels(
          'sendAt',
          clocks.length
            ? html`<p class="label muted" data-role="recipient-time">
                ${t('composer.recipient_time', { times: clocks.map((c) => `${c.time} (${c.zone})`).join(', ') })}
              </p>`
            : nothing,
        )}
      </div>

      <div class="actions">
        ${sendError ? html`<p class="label error" part="label" role="alert">${sendError}</p>` : nothing}
        <button class="primary" type="submit" part="send-button" ?disabled=${blocked}>
          ${t(this.sending ? 'composer.sending' : this.later ? 'composer.schedule' : 'composer.send')}
        </button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status || sendError || problems}</div>
    </form>`;
  }

  #renderAttachment(attachment: PendingAttachment): TemplateResult {
    const { file } = attachment;
    const percent = Math.round((attachment.loaded / Math.max(file.size, 1)) * 100);
    return html`<li class="attachment">
      ${attachment.previewUrl ? html`<img src=${attachment.previewUrl} alt="" />` : html`<span class="chip" aria-hidden="true">${file.name.split('.').pop()}</span>`}
      <span class="name">${file.name}</span>
      ${attachment.error
        ? html`<span class="label error">${this.#localize.t('composer.upload_failed', { name: file.name, reason: attachment.error })}</span>`
        : attachment.media
          ? nothing
          : html`<progress max="100" value=${percent} aria-label=${this.#localize.t('composer.uploading', { name: file.name, percent })}></progress>`}
      <button type="button" class="remove" aria-label=${this.#localize.t('composer.remove', { name: file.name })} @click=${() => this.#removeAttachment(attachment)}>×</button>
    </li>`;
  }
}
