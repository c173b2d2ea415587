import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { senderViolations, SUPPORTED_COUNTRIES } from '../../rules/index.js';
import type { Capabilities } from '../../rules/types.js';
import type { AvailableNumbers } from '../../protocol/index.js';
import { reasonOf, type SmsBackend } from '../../backend/types.js';
import { LocalizeController } from '../internal/localize.js';
import { ruleLabel } from '../internal/rule-messages.js';
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
  @state() private busy?: 'search' | 'rent';
  /** Why the last search or rental failed. */
  @state() private failure?: string;
  /** The number just rented. */
  @state() private rented?: string;

  readonly #localize = new LocalizeController(this, pickerMessages);
  readonly #context = new SmsContextController(this);

  /** Searches the numbers for rent in `country` and `areaCode`. */
  search(): Promise<void> {
    return this.#run('search', async (backend) => {
      this.rented = undefined;
      this.results = await backend.availableNumbers({
        country: this.country || 'US',
        ...(this.areaCode ? { areaCode: this.areaCode } : {}),
      });
    });
  }

  #rent(e164: string): Promise<void> {
    return this.#run('rent', async (backend) => {
      const number = await backend.rentNumber({ phoneNumber: e164, kind: this.kind });
      this.rented = number.e164;
      this.results = this.results && { ...this.results, items: this.results.items.filter((item) => item.e164 !== e164) };
      this.dispatchEvent(new SmsNumberRentedEvent({ number }));
    });
  }

  /** A backend call with the buttons disabled meanwhile and its failure shown as a label. */
  async #run(busy: 'search' | 'rent', call: (backend: SmsBackend) => Promise<void>): Promise<void> {
    const backend = this.#context.backend;
    if (!backend) return;
    this.busy = busy;
    this.failure = undefined;
    try {
      await call(backend);
    } catch (error) {
      this.failure = reasonOf(error);
    }
    this.busy = undefined;
  }

  #badges(capabilities: Capabilities): TemplateResult {
    const { t } = this.#localize;
    return html`<span part="badges">
      ${(['sms', 'mms', 'voice'] as const).map((capability) => {
        const name = t(`badge.${capability}`);
        return capabilities[capability]
          ? html`<span class="badge">${name}</span>`
          : html`<span class="badge off"><span aria-hidden="true">${name}</span><span class="visually-hidden">${t('badge.missing', { capability: name })}</span></span>`;
      })}
    </span>`;
  }

  protected override render() {
    const { t, dir, locale } = this.#localize;
    const rent = this.mode === 'rent';
    return html`<fieldset part="group" role=${rent ? nothing : 'radiogroup'} dir=${dir} lang=${locale}>
      <legend>${t(rent ? 'picker.rent_title' : 'picker.numbers')}</legend>
      ${rent ? this.#renderRent() : this.#renderSelect()}
    </fieldset>`;
  }

  #renderSelect(): TemplateResult {
    const numbers = this.#context.me?.numbers ?? [];
    return html`${numbers.length ? nothing : html`<p class="muted">${this.#localize.t('picker.none')}</p>`}
      <ul>
        ${numbers.map((number) => {
          const reason = senderViolations(number)[0];
          const id = `number-${number.id}`;
          return html`<li part="option">
            <input
              type="radio"
              name="number"
              id=${id}
              .value=${number.e164}
              .checked=${number.e164 === this.value}
              ?disabled=${Boolean(reason)}
              aria-describedby=${reason ? `${id}-reason` : nothing}
              @change=${() => {
                this.value = number.e164;
                this.dispatchEvent(new SmsNumberChangeEvent({ number }));
              }}
            />
            <label for=${id}>${number.label} <span class="number" dir="ltr">${number.e164}</span></label>
            ${this.#badges(number.capabilities)}
            ${reason
              ? html`<span class="reason label" id="${id}-reason" data-code=${reason.code}>${ruleLabel(this.#localize.locale, reason)}</span>`
              : nothing}
          </li>`;
        })}
      </ul>`;
  }

  #renderRent(): TemplateResult {
    const { t, locale } = this.#localize;
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const { results, busy } = this;
    return html`<form
        class="search"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.search();
        }}
      >
        <label
          >${t('picker.country')}
          <select @change=${(event: Event) => (this.country = (event.target as HTMLSelectElement).value)}>
            ${SUPPORTED_COUNTRIES.map((code) => html`<option value=${code} .selected=${code === (this.country || 'US')}>${names.of(code)}</option>`)}
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
        <button type="submit" ?disabled=${busy}>${t(busy === 'search' ? 'picker.searching' : 'picker.search')}</button>
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
      ${busy === 'rent' ? html`<p class="muted" role="status">${t('picker.renting')}</p>` : nothing}
      ${results?.items.length
        ? html`<ul aria-label=${t('picker.results')}>
            ${results.items.map(
              (item) => html`<li part="option">
                <span class="number" dir="ltr">${item.e164}</span>
                ${this.#badges(item.capabilities)}
                <button type="button" class="primary" part="rent-button" ?disabled=${busy} @click=${() => this.#rent(item.e164)}>
                  ${t('picker.rent', { number: item.e164 })}
                </button>
                ${item.locality ? html`<span class="muted reason">${item.locality}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.failure ? html`<p class="label error" role="alert">${t('picker.failed', { reason: this.failure })}</p>` : nothing}
      <p class="label" role="status">${this.rented && t('picker.rented', { number: this.rented })}</p>`;
  }
}
