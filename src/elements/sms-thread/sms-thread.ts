import { SmsThread } from './sms-thread.component.js';

export { SmsThread };

if (!customElements.get('sms-thread')) customElements.define('sms-thread', SmsThread);

declare global {
  interface HTMLElementTagNameMap {
    'sms-thread': SmsThread;
  }
}
