import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { analyzeMessage, BODY_LIMIT, parsePhone, toGsm } from '../../rules/index.js';
import type { DraftField, Violation, Warning } from '../../rules/types.js';
import type { Media, Recipient, SendRequest, SmsEvent } from '../../protocol/index.js';
import { BackendError, type SmsBackend } from '../../backend/types.js';
import { LocalizeController } from '../internal/localize.js';
import { ruleLabel, ruleMessages } from '../internal/rule-messages.js';
import { SmsContextController } from '../internal/sms-context.js';
import { SmsNumberRentedEvent, SmsSendErrorEvent, SmsSendEvent, SmsSentEvent } from '../internal/events.js';
import {
  checkDraft,
  deviceTimeZone,
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
  key: number;
  file: File;
  previewUrl?: string;
  loaded: number;
  media?: Media;
  error?: string;
  abort: AbortController;
}

const FIELDS: DraftField[] = ['from', 'to', 'body', 'attachments', 'sendAt'];

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
  @state() private serverViolations: Violation[] = [];
  @state() private sending = false;
  @state() private sendError = '';
  @state() private status = '';
  @state() private renting = false;
  @state() private recipient?: Recipient;
  @state() private dragging = false;

  @query('input[type=file]') private fileInput!: HTMLInputElement;

  private readonly localize = new LocalizeController(this, composerMessages, ruleMessages);
  private readonly context = new SmsContextController(this, (backend) => {
    if (!backend) this.recipient = undefined;
    this.follow();
  });
  private followed?: SmsBackend;
  private unfollow?: () => void;
  private attachmentKeys = 0;
  private lookups = 0;

  /** The backend in use (from the nearest `<sms-provider>`). */
  get backend(): SmsBackend | undefined {
    return this.context.backend;
  }

  /** Sends the draft as the send button would; resolves when done (whatever the outcome). */
  async send(): Promise<void> {
    FIELDS.forEach((field) => this.touched.add(field));
    this.touched = new Set(this.touched);
    const backend = this.context.backend;
    const check = this.check();
    if (!backend || check.violations.length || this.uploading || this.sending) {
      this.status = this.problemsSummary(check.violations);
      return;
    }
    const request: SendRequest = {
      to: normalizeNumber(this.recipientInput),
      body: this.body,
      ...(this.fromChoice || check.from ? { from: this.fromChoice || check.from } : {}),
      ...(this.attachments.length ? { attachments: this.attachments.map((a) => ({ id: a.media!.id })) } : {}),
      ...(this.draft.sendAt ? { sendAt: this.draft.sendAt } : {}),
    };
    if (!this.dispatchEvent(new SmsSendEvent({ request }))) {
      this.status = this.localize.t('composer.canceled');
      return;
    }
    this.sending = true;
    this.sendError = '';
    this.status = this.localize.t('composer.sending');
    try {
      const message = await backend.send(request);
      this.clear();
      this.status = this.localize.t(message.status === 'scheduled' ? 'composer.scheduled' : 'composer.sent');
      this.dispatchEvent(new SmsSentEvent({ message }));
    } catch (caught) {
      const error = caught instanceof BackendError ? caught : new BackendError(0, 'unknown', String(caught));
      if (error.violations.length) {
        this.serverViolations = error.violations;
        this.status = this.problemsSummary(error.violations);
      } else {
        this.sendError = this.localize.t('composer.send_failed', { reason: error.message });
        this.status = this.sendError;
      }
      this.dispatchEvent(new SmsSendErrorEvent({ error, request }));
    } finally {
      this.sending = false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(SmsNumberRentedEvent.type, this.onRented);
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(SmsNumberRentedEvent.type, this.onRented);
    this.follow();
    for (const attachment of this.attachments) this.release(attachment);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('to')) {
      this.recipientInput = this.to;
      const stored = loadDraft(localStorage, this.to);
      this.body = stored?.body ?? '';
      this.sendAtInput = stored?.sendAt ? toLocalInput(new Date(stored.sendAt)) : '';
      this.later = Boolean(stored?.sendAt);
      this.touched = new Set();
      this.serverViolations = [];
      this.sendError = '';
      void this.lookUpRecipient();
    }
    if (changed.has('from')) this.fromChoice = this.from;
  }

  private get draft(): ComposerDraft {
    const sendAt = this.later ? (fromLocalInput(this.sendAtInput) ?? (this.sendAtInput ? 'invalid' : undefined)) : undefined;
    return {
      to: this.recipientInput,
      from: this.fromChoice,
      body: this.body,
      attachments: this.attachments.map(({ file }) => ({ name: file.name, type: file.type, size: file.size })),
      ...(sendAt ? { sendAt } : {}),
    };
  }

  private get uploading(): boolean {
    return this.attachments.some((a) => !a.media);
  }

  private ruleContext() {
    return sendContext(this.context.me?.numbers ?? [], this.recipient, new Date());
  }

  private check() {
    return checkDraft(this.draft, this.ruleContext());
  }

  /** Follows the backend's events while connected, so an opt-out or opt-in shows at once, as the server sees it. */
  private follow(): void {
    const backend = this.isConnected ? this.context.backend : undefined;
    if (backend === this.followed) return;
    this.unfollow?.();
    this.followed = backend;
    this.unfollow = backend?.subscribe(this.onEvent);
    // Whatever changed while nothing listened is fetched afresh.
    if (backend) void this.lookUpRecipient();
  }

  private readonly onEvent = (event: SmsEvent): void => {
    if (event.type === 'reset') void this.lookUpRecipient();
    else if (event.type === 'recipient.updated' && event.data.e164 === normalizeNumber(this.recipientInput)) {
      // Newer than any lookup still on its way.
      this.lookups += 1;
      this.recipient = event.data;
    }
  };

  private async lookUpRecipient(): Promise<void> {
    const lookup = ++this.lookups;
    const parsed = parsePhone(this.recipientInput);
    const backend = this.context.backend;
    if (!backend || !parsed.ok || parsed.shortCode) {
      this.recipient = undefined;
      return;
    }
    try {
      const recipient = await backend.recipient(parsed.e164);
      if (lookup === this.lookups) this.recipient = recipient;
    } catch {
      // Without the recipient's state the server still checks opt-outs when the message is sent.
      if (lookup === this.lookups) this.recipient = undefined;
    }
  }

  private edited(field: DraftField): void {
    this.touched = new Set(this.touched).add(field);
    this.serverViolations = [];
    this.sendError = '';
    this.status = '';
    saveDraft(localStorage, this.recipientInput, { body: this.body, ...(this.draft.sendAt && this.later ? { sendAt: this.draft.sendAt } : {}) });
  }

  private clear(): void {
    for (const attachment of this.attachments) this.release(attachment);
    this.attachments = [];
    this.body = '';
    this.later = false;
    this.sendAtInput = '';
    this.touched = new Set();
    saveDraft(localStorage, this.recipientInput, { body: '' });
  }

  private addFiles(files: Iterable<File>): void {
    const added = [...files].map(
      (file): PendingAttachment => ({
        key: ++this.attachmentKeys,
        file,
        ...(file.type.startsWith('image/') && file.type !== 'image/svg+xml' ? { previewUrl: URL.createObjectURL(file) } : {}),
        loaded: 0,
        abort: new AbortController(),
      }),
    );
    if (!added.length) return;
    this.attachments = [...this.attachments, ...added];
    this.edited('attachments');
    for (const attachment of added) void this.upload(attachment);
  }

  private async upload(attachment: PendingAttachment): Promise<void> {
    const backend = this.context.backend;
    const update = (changes: Partial<PendingAttachment>) => {
      Object.assign(attachment, changes);
      this.attachments = [...this.attachments];
    };
    if (!backend) return update({ error: 'no backend' });
    try {
      const media = await backend.upload(attachment.file, {
        signal: attachment.abort.signal,
        onProgress: (loaded) => update({ loaded }),
      });
      update({ media, loaded: attachment.file.size });
    } catch (error) {
      if (!attachment.abort.signal.aborted) update({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  private removeAttachment(attachment: PendingAttachment): void {
    this.release(attachment);
    this.attachments = this.attachments.filter((a) => a !== attachment);
    this.edited('attachments');
  }

  private release(attachment: PendingAttachment): void {
    attachment.abort.abort();
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
  }

  private readonly onRented = (event: SmsNumberRentedEvent) => {
    this.renting = false;
    this.fromChoice = event.detail.number.e164;
  };

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (event.dataTransfer?.files.length) this.addFiles(event.dataTransfer.files);
  }

  private onPaste(event: ClipboardEvent): void {
    const files = event.clipboardData?.files;
    if (files?.length) {
      event.preventDefault();
      this.addFiles(files);
    }
  }

  private problemsSummary(violations: Violation[]): string {
    if (!violations.length) return '';
    const list = violations.map((v) => ruleLabel(this.localize.locale, v)).join(' ');
    return this.localize.plural('composer.problems', violations.length, { list });
  }

  private labels(field: DraftField, violations: Violation[], warnings: Warning[], extra?: TemplateResult): TemplateResult {
    const locale = this.localize.locale;
    return html`<div class="labels" id="${field}-labels">
      ${violations.map((v) => html`<p class="label error" part="label" data-code=${v.code}>${ruleLabel(locale, v)}</p>`)}
      ${warnings.map(
        (w) => html`<p class="label warning" part="label" data-code=${w.code}>
          ${ruleLabel(locale, w)}
          ${w.code === 'unicode'
            ? html`<button type="button" class="link" @click=${this.fixUnicode}>${this.localize.t('composer.fix_unicode')}</button>`
            : nothing}
        </p>`,
      )}
      ${extra ?? nothing}
    </div>`;
  }

  private fixUnicode(): void {
    this.body = toGsm(this.body);
    this.edited('body');
  }

  protected override render() {
    const t = (id: string, params?: Record<string, string | number>) => this.localize.t(id, params);
    const draft = this.draft;
    const context = this.ruleContext();
    const check = checkDraft(draft, context);
    const violations = [
      ...visibleViolations(check.violations, draft, this.touched),
      ...this.serverViolations.filter((s) => !check.violations.some((v) => v.code === s.code)),
    ];
    const byField = (field: DraftField) => violations.filter((v) => v.field === field);
    const warningsOf = (field: DraftField) => check.warnings.filter((w) => (w.field ?? 'body') === field);
    const invalid = (field: DraftField) => (byField(field).length ? 'true' : 'false');
    const analysis = analyzeMessage(this.body);
    const choices = senderChoices(draft, context);
    const chosen = this.fromChoice || check.from || '';
    const noSender = check.violations.some((v) => v.code === 'no_sender');
    const country = parsePhone(this.recipientInput);
    const arrival = draft.sendAt && draft.sendAt !== 'invalid' ? new Date(draft.sendAt) : new Date();
    const clocks = recipientClocks(this.recipientInput, arrival);
    const blocked = check.violations.length > 0 || this.serverViolations.length > 0 || this.uploading || this.sending || !this.context.backend;

    return html`<form
      part="form"
      dir=${this.localize.dir}
      lang=${this.localize.locale}
      class=${this.dragging ? 'dragging' : ''}
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.send();
      }}
      @keydown=${this.onKeydown}
      @dragover=${(event: DragEvent) => {
        event.preventDefault();
        this.dragging = true;
      }}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.onDrop}
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
            this.edited('from');
          }}
        >
          ${chosen ? nothing : html`<option value="" selected>${t(noSender ? 'composer.from_none' : 'composer.from_auto')}</option>`}
          ${chosen && !choices.some((c) => c.number.e164 === chosen) ? html`<option value=${chosen} selected>${chosen}</option>` : nothing}
          ${choices.map(
            ({ number, reason }) =>
              html`<option value=${number.e164} ?disabled=${Boolean(reason) && number.e164 !== chosen} ?selected=${number.e164 === chosen}>
                ${number.label} · ${number.e164}${reason ? ` (${this.localize.t(`reason.${reason}`, undefined, t('reason.other'))})` : ''}
              </option>`,
          )}
        </select>
        ${this.labels(
          'from',
          byField('from'),
          warningsOf('from'),
          noSender
            ? html`<button type="button" class="link" aria-expanded=${this.renting ? 'true' : 'false'} @click=${() => (this.renting = !this.renting)}>
                ${t('composer.rent')}
              </button>`
            : undefined,
        )}
        ${this.renting
          ? html`<number-picker class="rent" mode="rent" country=${country.ok ? country.country : ''}></number-picker>`
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
          .value=${live(this.recipientInput)}
          aria-describedby="to-labels"
          aria-invalid=${invalid('to')}
          @input=${(event: Event) => {
            this.recipientInput = (event.target as HTMLInputElement).value;
            this.edited('to');
            void this.lookUpRecipient();
          }}
        />
        ${this.labels('to', byField('to'), warningsOf('to'))}
      </div>

      <div class="field">
        <label for="body">${t('composer.body')}</label>
        <textarea
          id="body"
          part="body"
          rows="4"
          .value=${live(this.body)}
          aria-describedby="body-meter body-labels shortcut"
          aria-invalid=${invalid('body')}
          @input=${(event: Event) => {
            this.body = (event.target as HTMLTextAreaElement).value;
            this.edited('body');
          }}
          @paste=${this.onPaste}
        ></textarea>
        <div class="meter" id="body-meter" part="meter">
          <span class=${analysis.characters > BODY_LIMIT ? 'over' : ''}>${t('composer.counter', { count: analysis.characters, limit: BODY_LIMIT })}</span>
          <span>${this.localize.plural('composer.meter', analysis.segments, { encoding: analysis.encoding })}</span>
        </div>
        <span id="shortcut" class="visually-hidden">${t('composer.shortcut')}</span>
        ${this.labels('body', byField('body'), warningsOf('body'))}
      </div>

      <div class="field">
        ${this.attachments.length
          ? html`<ul part="attachments" class="attachments" aria-label=${t('composer.attachments')}>
              ${this.attachments.map((a) => this.renderAttachment(a))}
            </ul>`
          : nothing}
        <div class="row">
          <button type="button" @click=${() => this.fileInput.click()} aria-describedby="attachments-labels">${t('composer.attach')}</button>
          <input
            type="file"
            multiple
            hidden
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              if (input.files) this.addFiles(input.files);
              input.value = '';
            }}
          />
          ${this.dragging ? html`<span class="muted">${t('composer.drop')}</span>` : nothing}
        </div>
        ${this.labels('attachments', byField('attachments'), warningsOf('attachments'))}
      </div>

      <div class="field">
        <div class="row">
          <input
            id="later"
            type="checkbox"
            .checked=${live(this.later)}
            @change=${(event: Event) => {
              this.later = (event.target as HTMLInputElement).checked;
              if (this.later && !this.sendAtInput) this.sendAtInput = toLocalInput(new Date(Date.now() + 60 * 60 * 1000));
              this.edited('sendAt');
            }}
          />
          <label for="later">${t('composer.later')}</label>
        </div>
        ${this.later
          ? html`<label for="send-at">${t('composer.send_at', { zone: deviceTimeZone() })}</label>
              <input
                id="send-at"
                type="datetime-local"
                .value=${live(this.sendAtInput)}
                min=${toLocalInput(new Date())}
                aria-describedby="sendAt-labels"
                aria-invalid=${invalid('sendAt')}
                @input=${(event: Event) => {
                  this.sendAtInput = (event.target as HTMLInputElement).value;
                  this.edited('sendAt');
                }}
              />`
          : nothing}
        ${this.labels(
          'sendAt',
          byField('sendAt'),
          warningsOf('sendAt'),
          clocks.length
            ? html`<p class="label muted" data-role="recipient-time">
                ${t('composer.recipient_time', { times: clocks.map((c) => `${c.time} (${c.zone})`).join(', ') })}
              </p>`
            : undefined,
        )}
      </div>

      <div class="actions">
        ${this.sendError ? html`<p class="label error" part="label" role="alert">${this.sendError}</p>` : nothing}
        <button class="primary" type="submit" part="send-button" ?disabled=${blocked}>
          ${this.sending ? t('composer.sending') : t(this.later ? 'composer.schedule' : 'composer.send')}
        </button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status || this.problemsSummary(violations)}</div>
    </form>`;
  }

  private renderAttachment(attachment: PendingAttachment): TemplateResult {
    const { file } = attachment;
    const percent = Math.round((attachment.loaded / Math.max(file.size, 1)) * 100);
    return html`<li class="attachment">
      ${attachment.previewUrl ? html`<img src=${attachment.previewUrl} alt="" />` : html`<span class="chip" aria-hidden="true">${file.name.split('.').pop()}</span>`}
      <span class="name">${file.name}</span>
      ${attachment.error
        ? html`<span class="label error">${this.localize.t('composer.upload_failed', { name: file.name, reason: attachment.error })}</span>`
        : attachment.media
          ? nothing
          : html`<progress max="100" value=${percent} aria-label=${this.localize.t('composer.uploading', { name: file.name, percent })}></progress>`}
      <button type="button" class="remove" aria-label=${this.localize.t('composer.remove', { name: file.name })} @click=${() => this.removeAttachment(attachment)}>×</button>
    </li>`;
  }
}
