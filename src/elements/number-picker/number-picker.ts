import { NumberPicker } from './number-picker.component.js';

export { NumberPicker };

if (!customElements.get('number-picker')) customElements.define('number-picker', NumberPicker);

declare global {
  interface HTMLElementTagNameMap {
    'number-picker': NumberPicker;
  }
}
