import { SmsProvider } from './sms-provider.component.js';

export { SmsProvider };

if (!customElements.get('sms-provider')) customElements.define('sms-provider', SmsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'sms-provider': SmsProvider;
  }
}
