import { SmsComposer } from './sms-composer.component.js';
import '../number-picker/number-picker.js';

export { SmsComposer };

if (!customElements.get('sms-composer')) customElements.define('sms-composer', SmsComposer);

declare global {
  interface HTMLElementTagNameMap {
    'sms-composer': SmsComposer;
  }
}
