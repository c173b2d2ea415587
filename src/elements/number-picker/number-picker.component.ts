import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { senderViolations, SUPPORTED_COUNTRIES } from '../../rules/index.js';
import type { Capabilities, PhoneNumber } from '../../rules/types.js';
import type { AvailableNumbers } from '../../protocol/index.js';
import { LocalizeController } from '../internal/localize.js';
import { ruleLabel, ruleMessages } from '../internal/rule-messages.js';
import { SmsContextController } from '../internal/sms-context.js';
import { SmsNumberChangeEvent, SmsNumberRentedEvent } from '../internal/events.js';
import { styles } from './number-picker.styles.js';
import { pickerMessages } from './number-picker.messages.js';

export const PICKER_MODES = ['select', 'rent'] as const;
export type PickerMode = (typeof PICKER_MODES)[number];

type RentKind = 'personal' | 'group';

/**
 * @summary Chooses one of the user's numbers (`mode="select"`) or finds and rents a new one (`mode="rent"`).
 *
 * @fires sms-number-change - A usable number was chosen in select mode. `detail.number`.
 * @fires sms-number-rented - A number was rented. `detail.number`.
 *
 * @csspart group - The fieldset around the choices or the search.
 * @csspart option - One number (select mode) or one available number (rent mode).
 * @csspart badges - The SMS / MMS / voice capability badges of a number.
 * @csspart warning - The warning that only voice-only numbers are available.
 * @csspart rent-button - The button renting an available number.
 *
 * @cssprop --sms-color-accent - The rent buttons and focus rings.
 * @cssprop --sms-color-warning - The voice-only warning.
 * @cssprop --sms-color-border - Borders of the options.
 */
export class NumberPicker extends LitElement {
  static override styles = styles;

  /** `select`: choose among the user's numbers; `rent`: search numbers for rent and rent one. */
  @property({ reflect: true }) mode: PickerMode = 'select';

  /** Select mode: the chosen number, E.164. */
  @property() value = '';

  /** Rent mode: the country searched first (ISO code, e.g. `GB`). */
  @property() country = '';

  /** Rent mode: the area code searched first. */
  @property({ attribute: 'area-code' }) areaCode = '';

  @state() private kind: RentKind = 'personal';
  @state() private results?: AvailableNumbers;
  @state() private busy: 'search' | 'rent' | '' = '';
  @state() private error = '';
  @state() private rented = '';

  private readonly localize = new LocalizeController(this, pickerMessages, ruleMessages);
  private readonly context = new SmsContextController(this);

  /** Searches the numbers for rent in `country` and `areaCode`. */
  async search(): Promise<void> {
    const backend = this.context.backend;
    if (!backend) return;
    this.busy = 'search';
    this.error = '';
    this.rented = '';
    try {
      this.results = await backend.availableNumbers({
        country: this.country || 'US',
        ...(this.areaCode ? { areaCode: this.areaCode } : {}),
      });
    } catch (error) {
      this.error = this.localize.t('picker.failed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = '';
    }
  }

  private async rent(e164: string): Promise<void> {
    const backend = this.context.backend;
    if (!backend) return;
    this.busy = 'rent';
    this.error = '';
    try {
      const number = await backend.rentNumber({ phoneNumber: e164, kind: this.kind });
      this.rented = this.localize.t('picker.rented', { number: number.e164 });
      this.results = this.results && { ...this.results, items: this.results.items.filter((item) => item.e164 !== e164) };
      this.dispatchEvent(new SmsNumberRentedEvent({ number }));
    } catch (error) {
      this.error = this.localize.t('picker.failed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = '';
    }
  }

  private choose(number: PhoneNumber): void {
    this.value = number.e164;
    this.dispatchEvent(new SmsNumberChangeEvent({ number }));
  }

  private badges(capabilities: Capabilities): TemplateResult {
    const t = (id: string, params?: Record<string, string>) => this.localize.t(id, params);
    return html`<span part="badges">
      ${(['sms', 'mms', 'voice'] as const).map((capability) =>
        capabilities[capability]
          ? html`<span class="badge">${t(`badge.${capability}`)}</span>`
          : html`<span class="badge off"><span aria-hidden="true">${t(`badge.${capability}`)}</span><span class="visually-hidden">${t('badge.missing', { capability: t(`badge.${capability}`) })}</span></span>`,
      )}
    </span>`;
  }

  protected override render() {
    return this.mode === 'rent' ? this.renderRent() : this.renderSelect();
  }

  private renderSelect(): TemplateResult {
    const t = (id: string) => this.localize.t(id);
    const numbers = this.context.me?.numbers ?? [];
    return html`<fieldset part="group" role="radiogroup" dir=${this.localize.dir} lang=${this.localize.locale}>
      <legend>${t('picker.numbers')}</legend>
      ${numbers.length ? nothing : html`<p class="muted">${t('picker.none')}</p>`}
      <ul>
        ${numbers.map((number) => {
          const reason = senderViolations(number)[0];
          const id = `number-${number.id}`;
          return html`<li part="option" class=${reason ? 'disabled' : ''}>
            <input
              type="radio"
              name="number"
              id=${id}
              .value=${number.e164}
              .checked=${number.e164 === this.value}
              ?disabled=${Boolean(reason)}
              aria-describedby=${reason ? `${id}-reason` : nothing}
              @change=${() => this.choose(number)}
            />
            <label for=${id}>${number.label} <span class="number" dir="ltr">${number.e164}</span></label>
            ${this.badges(number.capabilities)}
            ${reason
              ? html`<span class="reason label" id="${id}-reason" data-code=${reason.code}>${ruleLabel(this.localize.locale, reason)}</span>`
              : nothing}
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }

  private renderRent(): TemplateResult {
    const t = (id: string, params?: Record<string, string>) => this.localize.t(id, params);
    const names = new Intl.DisplayNames([this.localize.locale], { type: 'region' });
    const results = this.results;
    return html`<fieldset part="group" dir=${this.localize.dir} lang=${this.localize.locale}>
      <legend>${t('picker.rent_title')}</legend>
      <form
        class="search"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.search();
        }}
      >
        <label
          >${t('picker.country')}
          <select .value=${this.country || 'US'} @change=${(event: Event) => (this.country = (event.target as HTMLSelectElement).value)}>
            ${SUPPORTED_COUNTRIES.map((code) => html`<option value=${code} ?selected=${code === (this.country || 'US')}>${names.of(code) ?? code}</option>`)}
          </select>
        </label>
        <label
          >${t('picker.area_code')}
          <input
            inputmode="numeric"
            pattern="[0-9]*"
            maxlength="5"
            size="6"
            .value=${this.areaCode}
            @input=${(event: Event) => (this.areaCode = (event.target as HTMLInputElement).value.replace(/\D/g, ''))}
          />
        </label>
        <button type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'search' ? t('picker.searching') : t('picker.search')}</button>
      </form>
      <div class="kinds" role="radiogroup" aria-label=${t('picker.kind')}>
        ${(['personal', 'group'] as const).map(
          (kind) => html`<label
            ><input type="radio" name="kind" .value=${kind} .checked=${this.kind === kind} @change=${() => (this.kind = kind)} />
            ${t(`picker.kind.${kind}`)}</label
          >`,
        )}
      </div>
      ${results?.onlyVoice ? html`<p class="label warning" part="warning" role="alert">${t('picker.only_voice')}</p>` : nothing}
      ${results && !results.items.length && !this.rented ? html`<p class="muted">${t('picker.no_results')}</p>` : nothing}
      ${results?.items.length
        ? html`<ul aria-label=${t('picker.results')}>
            ${results.items.map(
              (item) => html`<li part="option">
                <span class="number" dir="ltr">${item.e164}</span>
                ${this.badges(item.capabilities)}
                <button type="button" class="primary" part="rent-button" ?disabled=${this.busy !== ''} @click=${() => this.rent(item.e164)}>
                  ${t('picker.rent', { number: item.e164 })}
                </button>
                ${item.locality ? html`<span class="muted reason">${item.locality}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.error ? html`<p class="label error" role="alert">${this.error}</p>` : nothing}
      <p class="label" role="status">${this.rented}</p>
    </fieldset>`;
  }
}
