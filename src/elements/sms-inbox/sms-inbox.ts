import { SmsInbox } from './sms-inbox.component.js';

export { SmsInbox };

if (!customElements.get('sms-inbox')) customElements.define('sms-inbox', SmsInbox);

declare global {
  interface HTMLElementTagNameMap {
    'sms-inbox': SmsInbox;
  }
}
