import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/backend/memory-backend.js';
import type { NumberPicker } from '../../../src/elements/number-picker/number-picker.component.js';
import type { SmsProvider } from '../../../src/elements/sms-provider/sms-provider.component.js';
import type { SmsNumberChangeEvent, SmsNumberRentedEvent } from '../../../src/elements/internal/events.js';
import { registerMessages } from '../../../src/elements/internal/localize.js';
import { he } from '../../../src/elements/internal/locales/he.js';
import { labelFor } from '../../../src/rules/index.js';
import { typeInto, until } from '../internal/helpers.js';

registerMessages('he', he);
let memory: MemoryBackend;
beforeEach(() => (memory = new MemoryBackend({ delays: { sent: 5, delivered: 5, reply: 5, upload: 0 } })));
afterEach(() => memory.dispose());

async function mount(mode: 'select' | 'rent', attributes: { country?: string; locale?: string } = {}) {
  const provider = await fixture<SmsProvider>(html`<sms-provider .backend=${memory} locale=${attributes.locale ?? 'en'}>
    <number-picker mode=${mode} country=${attributes.country ?? ''}></number-picker>
  </sms-provider>`);
  const picker = provider.querySelector('number-picker')!;
  if (mode === 'select') await until(() => (picker.shadowRoot?.querySelectorAll('input[type=radio]').length ?? 0) > 0);
  return { provider, picker };
}

const $ = <T extends Element>(picker: NumberPicker, selector: string) => picker.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element>(picker: NumberPicker, selector: string) => [...picker.shadowRoot!.querySelectorAll<T>(selector)];

describe('<number-picker mode="select">', () => {
  it('lists the numbers with badges; external, voice-only and non-member ones disabled with the reason', async () => {
    const { picker } = await mount('select');
    const rows = $$(picker, '[part~=option]').map((row) => ({
      number: row.querySelector('input')!.value,
      disabled: row.querySelector('input')!.disabled,
      reason: row.querySelector('.reason')?.getAttribute('data-code') ?? null,
      badges: [...row.querySelectorAll('.badge:not(.off)')].map((b) => b.textContent!.trim()),
    }));
    expect(rows).to.deep.equal([
      { number: '+14155550100', disabled: false, reason: null, badges: ['SMS', 'MMS', 'Voice'] },
      { number: '+447400123456', disabled: false, reason: null, badges: ['SMS', 'Voice'] },
      { number: '+14155550101', disabled: false, reason: null, badges: ['SMS', 'MMS', 'Voice'] },
      { number: '+61412345678', disabled: true, reason: 'sender_not_member', badges: ['SMS', 'Voice'] },
      { number: '+14155550102', disabled: true, reason: 'sender_not_sms_capable', badges: ['Voice'] },
      { number: '+14155550103', disabled: true, reason: 'sender_external', badges: ['Voice'] },
    ]);
    const voiceOnly = $<HTMLInputElement>(picker, 'input[value="+14155550102"]');
    expect(picker.shadowRoot!.getElementById(voiceOnly.getAttribute('aria-describedby')!)!.textContent).to.equal(
      labelFor('sender_not_sms_capable', { from: '+14155550102' }),
    );
    await expect(picker).to.be.accessible();
  });

  it('fires sms-number-change when a usable number is chosen by keyboard', async () => {
    const { picker } = await mount('select');
    const changed = new Promise<SmsNumberChangeEvent>((resolve) => picker.addEventListener('sms-number-change', (e) => resolve(e), { once: true }));
    const sales = $<HTMLInputElement>(picker, 'input[value="+14155550101"]');
    sales.focus();
    sales.click();
    const event = await changed;
    expect(event.detail.number.label).to.equal('Sales line');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(picker.value).to.equal('+14155550101');
  });
});

describe('<number-picker mode="rent">', () => {
  it('warns when only voice-only numbers are available (GB, area code 20)', async () => {
    const { picker } = await mount('rent', { country: 'GB' });
    expect($<HTMLSelectElement>(picker, 'select').value).to.equal('GB');
    typeInto($(picker, 'input[inputmode=numeric]'), '20');
    await picker.updateComplete;
    $<HTMLButtonElement>(picker, 'form button[type=submit]').click();
    await until(() => Boolean(picker.shadowRoot!.querySelector('[part=warning]')));
    expect($(picker, '[part=warning]').textContent).to.contain('voice-only');
    expect($$(picker, '[part~=option] .badge:not(.off)').map((b) => b.textContent!.trim())).to.not.include('SMS');
    await expect(picker).to.be.accessible();
  });

  it('searches, rents a group number, fires sms-number-rented, and the provider reloads the numbers', async () => {
    const { provider, picker } = await mount('rent', { country: 'US' });
    let rentedEvent: SmsNumberRentedEvent | undefined;
    provider.addEventListener('sms-number-rented', (e) => (rentedEvent = e));
    typeInto($(picker, 'input[inputmode=numeric]'), '212');
    await picker.updateComplete;
    $<HTMLButtonElement>(picker, 'form button[type=submit]').click();
    await until(() => $$(picker, '[part=rent-button]').length > 0);
    expect(picker.shadowRoot!.querySelector('[part=warning]')).to.equal(null);
    $<HTMLInputElement>(picker, 'input[name=kind][value=group]').click();
    const first = $$(picker, '[part~=option] .number')[0]!.textContent!;
    // A select-mode picker beside it shows the provider's numbers, which must come to include the rented one.
    const mine = provider.appendChild(document.createElement('number-picker'));
    await until(() => $$(mine, 'input[name=number]').length > 0);
    expect($$<HTMLInputElement>(mine, 'input[name=number]').map((input) => input.value)).not.to.include(first);
    // Held until the picker has shown that it is renting, with its buttons disabled.
    const rent = memory.rentNumber.bind(memory);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    memory.rentNumber = async (request) => (await gate, rent(request));
    $<HTMLButtonElement>(picker, '[part=rent-button]').click();
    await until(() => $(picker, '[role=status]')?.textContent === 'Renting…');
    expect($$<HTMLButtonElement>(picker, '[part=rent-button]').every((button) => button.disabled)).to.equal(true);
    release();
    await until(() => Boolean(rentedEvent));
    expect(rentedEvent!.detail.number).to.include({ e164: first, kind: 'group', member: true });
    expect($(picker, '[role=status]').textContent).to.contain(first);
    await until(() => $$<HTMLInputElement>(mine, 'input[name=number]').some((input) => input.value === first));
  });

  it('is right-to-left in Hebrew', async () => {
    const { picker } = await mount('rent', { country: 'IL', locale: 'he' });
    expect(getComputedStyle($(picker, 'fieldset')).direction).to.equal('rtl');
    expect($(picker, 'legend').textContent).to.equal('שכירת מספר');
    await expect(picker).to.be.accessible();
  });
});
