import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { backendContext, meContext } from '../../backend/context.js';
import { getBackend } from '../../backend/http-backend.js';
import { reasonOf, type SmsBackend } from '../../backend/types.js';
import { localeContext, LocalizeController } from '../internal/localize.js';
import { SmsNumberRentedEvent } from '../internal/events.js';
import { styles } from './sms-provider.styles.js';
import { providerMessages } from './sms-provider.messages.js';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

const RTL_LANGUAGES = ['ar', 'fa', 'he', 'ur', 'yi'];

/**
 * @summary Connects the SMS elements inside it to a backend, the signed-in user and a locale.
 *
 * @slot - The page content holding `<sms-composer>`, `<sms-thread>`, `<sms-inbox>` and `<number-picker>`.
 * @csspart error - The label shown when the user's numbers cannot be loaded.
 * @cssprop --sms-color-accent - Buttons, links and focus rings.
 * @cssprop --sms-color-surface - Backgrounds of fields and panels.
 * @cssprop --sms-color-text - Body text.
 * @cssprop --sms-font-family - The font of every element inside.
 */
export class SmsProvider extends LitElement {
  static override styles = styles;

  /** Where the server stub is mounted; the adapter appends `/v1/...`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The bearer token (a property only, so it never appears in the DOM). */
  @property({ attribute: false }) token?: string;

  /** Called for a fresh token before each request, for tokens that expire. Takes precedence over `token`. */
  @property({ attribute: false }) getToken?: () => string | Promise<string>;

  /** A custom backend adapter; when set, `api-base` and the token are not used. */
  @property({ attribute: false }) backend?: SmsBackend;

  /** `light`, `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) theme: Theme = 'auto';

  /** The language of every element inside (`en`, `fr`, `he`, ...); the document's when unset. */
  @property({ reflect: true }) locale = '';

  /** `ltr` or `rtl`: the direction of every element inside; the locale's when unset. */
  @property({ attribute: 'dir' }) protected direction?: string;

  @state() private loadError?: string;
  readonly #backendProvider = new ContextProvider(this, { context: backendContext });
  readonly #meProvider = new ContextProvider(this, { context: meContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  readonly #localize = new LocalizeController(this, providerMessages);
  #loads = 0;

  constructor() {
    super();
    this.addEventListener(SmsNumberRentedEvent.type, () => void this.reload());
  }

  /** The backend in use: `backend` if set, else the shared HTTP adapter for `api-base` and the token. */
  get currentBackend(): SmsBackend | undefined {
    return this.#backendProvider.value;
  }

  protected override willUpdate(): void {
    const token = this.getToken ?? this.token;
    const backend = this.backend ?? (this.apiBase && token ? getBackend(this.apiBase, token) : undefined);
    if (backend !== this.currentBackend) {
      this.#backendProvider.setValue(backend);
      this.#meProvider.setValue(undefined);
      void this.reload();
    }
    const locale = this.locale || document.documentElement.lang || navigator.language || 'en';
    const dir = this.direction === 'rtl' || this.direction === 'ltr' ? this.direction : RTL_LANGUAGES.includes(locale.split('-')[0]!) ? 'rtl' : 'ltr';
    const settings = this.#localeProvider.value;
    if (locale !== settings?.locale || dir !== settings.dir) this.#localeProvider.setValue({ locale, dir });
  }

  /** Fetches the user's numbers again (after renting one, say). */
  async reload(): Promise<void> {
    const backend = this.currentBackend;
    const load = ++this.#loads;
    this.loadError = undefined;
    if (!backend) return;
    try {
      const me = await backend.me();
      if (load === this.#loads) this.#meProvider.setValue(me);
    } catch (error) {
      if (load === this.#loads) this.loadError = reasonOf(error);
    }
  }

  protected override render() {
    return html`${this.loadError
        ? html`<p part="error" class="label error" role="alert">${this.#localize.t('provider.load_failed', { reason: this.loadError })}</p>`
        : nothing}<slot></slot>`;
  }
}
