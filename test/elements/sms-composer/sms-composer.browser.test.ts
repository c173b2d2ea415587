import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/backend/memory-backend.js';
import { HttpBackend } from '../../../src/backend/http-backend.js';
import { createSmsApi } from '../../../src/backend/msw.js';
import type { SmsComposer } from '../../../src/elements/sms-composer/sms-composer.component.js';
import type { SmsProvider } from '../../../src/elements/sms-provider/sms-provider.component.js';
import type { SmsSendErrorEvent, SmsSentEvent } from '../../../src/elements/internal/events.js';
import type { EventListener, SmsBackend } from '../../../src/backend/types.js';
import { registerMessages } from '../../../src/elements/internal/localize.js';
import { he } from '../../../src/elements/internal/locales/he.js';
import { attach, sized, typeInto, until } from '../internal/helpers.js';

const fast = { sent: 5, delivered: 5, reply: 5, upload: 5 };
registerMessages('he', he);
let memory: MemoryBackend;

beforeEach(() => {
  localStorage.clear();
  memory = new MemoryBackend({ delays: fast });
});
afterEach(() => memory.dispose());

async function mount(attributes: { to?: string; from?: string; locale?: string } = {}, backend: SmsBackend = memory) {
  const provider = await fixture<SmsProvider>(html`<sms-provider .backend=${backend} locale=${attributes.locale ?? 'en'}>
    <sms-composer to=${attributes.to ?? ''} from=${attributes.from ?? ''}></sms-composer>
  </sms-provider>`);
  const composer = provider.querySelector('sms-composer')!;
  await until(() => (composer.shadowRoot?.querySelectorAll('#from option').length ?? 0) > 1);
  return composer;
}

const $ = <T extends Element>(composer: SmsComposer, selector: string) => composer.shadowRoot!.querySelector<T>(selector)!;
const codes = (composer: SmsComposer, field: string) =>
  [...composer.shadowRoot!.querySelectorAll(`#${field}-labels [data-code]`)].map((label) => label.getAttribute('data-code'));
const sendButton = (composer: SmsComposer) => $<HTMLButtonElement>(composer, '[part=send-button]');
const settle = async (composer: SmsComposer) => {
  await composer.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 30));
  await composer.updateComplete;
};
const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
const DAY = 86_400_000;

interface RuleCase {
  code: string;
  field: string;
  to?: string;
  from?: string;
  setup: (composer: SmsComposer) => Promise<void> | void;
  fix: (composer: SmsComposer) => Promise<void> | void;
}

const setTo = (value: string) => (c: SmsComposer) => typeInto($(c, '#to'), value);
const setBody = (value: string) => (c: SmsComposer) => typeInto($(c, '#body'), value);
const setFrom = (value: string) => (c: SmsComposer) => typeInto($(c, '#from'), value);
const files = (list: File[]) => (c: SmsComposer) => attach($(c, 'input[type=file]'), list);
const removeFirst = (c: SmsComposer) => $<HTMLButtonElement>(c, '.attachment .remove').click();
const later = (offset: number) => async (c: SmsComposer) => {
  $<HTMLInputElement>(c, '#later').click();
  await c.updateComplete;
  typeInto($(c, '#send-at'), localInput(new Date(Date.now() + offset)));
};
const moveSendAt = (offset: number) => (c: SmsComposer) => typeInto($(c, '#send-at'), localInput(new Date(Date.now() + offset)));

const ruleCases: RuleCase[] = [
  { code: 'invalid_number', field: 'to', setup: setTo('12'), fix: setTo('+14155550177') },
  { code: 'short_code', field: 'to', setup: setTo('55555'), fix: setTo('+14155550177') },
  { code: 'unsupported_country', field: 'to', setup: setTo('+4915112345678'), fix: setTo('+14155550177') },
  { code: 'no_sender', field: 'from', setup: setTo('+61412000111'), fix: setTo('+14155550177') },
  { code: 'sender_external', field: 'from', from: '+14155550103', setup: () => {}, fix: setFrom('+14155550100') },
  { code: 'sender_not_sms_capable', field: 'from', from: '+14155550102', setup: () => {}, fix: setFrom('+14155550101') },
  { code: 'sender_not_member', field: 'from', from: '+61412345678', setup: () => {}, fix: setFrom('+14155550100') },
  { code: 'international', field: 'from', from: '+447400123456', setup: () => {}, fix: setFrom('+14155550100') },
  {
    code: 'opted_out',
    field: 'to',
    setup: async (c) => {
      await memory.inbound({ from: '+14155550199', to: '+14155550100', body: 'STOP' });
      setTo('+14155550199')(c);
    },
    fix: setTo('+14155550177'),
  },
  { code: 'body_empty', field: 'body', setup: async (c) => { setBody('x')(c); await c.updateComplete; setBody('')(c); }, fix: setBody('Hello') },
  { code: 'body_too_long', field: 'body', setup: setBody('a'.repeat(1001)), fix: setBody('a'.repeat(1000)) },
  { code: 'mms_not_supported', field: 'attachments', to: '+447400654321', setup: files([sized('a.png', 'image/png', 100)]), fix: removeFirst },
  {
    code: 'too_many_attachments',
    field: 'attachments',
    setup: files(Array.from({ length: 11 }, (_, i) => sized(`p${i}.png`, 'image/png', 10))),
    fix: removeFirst,
  },
  {
    code: 'attachments_too_large',
    field: 'attachments',
    setup: files([sized('a.pdf', 'application/pdf', 400_000), sized('b.pdf', 'application/pdf', 400_000)]),
    fix: removeFirst,
  },
  { code: 'attachment_type', field: 'attachments', setup: files([sized('tool.exe', 'application/x-msdownload', 10)]), fix: removeFirst },
  { code: 'schedule_in_past', field: 'sendAt', setup: later(-DAY), fix: moveSendAt(DAY) },
  { code: 'schedule_too_far', field: 'sendAt', setup: later(40 * DAY), fix: moveSendAt(10 * DAY) },
];

describe('<sms-composer> rule labels', () => {
  for (const rule of ruleCases) {
    it(`shows ${rule.code} next to ${rule.field}, blocks sending, and clears it when fixed`, async () => {
      const composer = await mount({ to: rule.to ?? '+14155550177', ...(rule.from ? { from: rule.from } : {}) });
      setBody('Hello')(composer);
      await rule.setup(composer);
      await settle(composer);
      expect(codes(composer, rule.field)).to.include(rule.code);
      expect(sendButton(composer).disabled).to.equal(true);
      const field = $(composer, `[aria-describedby~="${rule.field}-labels"]`);
      expect(field, `a control described by ${rule.field}-labels`).to.exist;
      expect($(composer, '[role=status]').textContent).to.contain($(composer, `#${rule.field}-labels [data-code=${rule.code}]`).textContent!.trim().slice(0, 20));
      await rule.fix(composer);
      await settle(composer);
      expect(codes(composer, rule.field)).not.to.include(rule.code);
    });
  }
});

describe('<sms-composer>', () => {
  it('is accessible, with the counter and the segments · encoding meter', async () => {
    const composer = await mount({ to: '+14155550177' });
    setBody('Hello there')(composer);
    await settle(composer);
    expect($(composer, '[part=meter]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('11 / 1000 1 segment · GSM-7');
    await expect(composer).to.be.accessible();
  });

  it('orders usable senders first, disables the others with the reason, and picks by the recipient country', async () => {
    const composer = await mount({ to: '+447400654321' });
    const options = [...composer.shadowRoot!.querySelectorAll<HTMLOptionElement>('#from option')];
    const usable = options.filter((o) => !o.disabled).map((o) => o.value);
    expect(usable).to.deep.equal(['+447400123456']);
    expect(options[0]!.value).to.equal('+447400123456');
    expect($<HTMLSelectElement>(composer, '#from').value).to.equal('+447400123456');
    const external = options.find((o) => o.value === '+14155550103')!;
    expect(external.disabled).to.equal(true);
    expect(external.textContent).to.contain('external number');
  });

  it('names the characters that force Unicode and fixes them in one click', async () => {
    const composer = await mount({ to: '+14155550177' });
    setBody('Let’s meet — “soon”')(composer);
    await settle(composer);
    const warning = $(composer, '#body-labels [data-code=unicode]');
    expect(warning.textContent).to.contain('’');
    expect($(composer, '[part=meter]').textContent).to.contain('UCS-2');
    warning.querySelector('button')!.click();
    await settle(composer);
    expect($<HTMLTextAreaElement>(composer, '#body').value).to.equal(`Let's meet - "soon"`);
    expect(codes(composer, 'body')).not.to.include('unicode');
    expect($(composer, '[part=meter]').textContent).to.contain('GSM-7');
  });

  it('sends now: sms-send, then sms-sent with the queued message, and clears the draft', async () => {
    const composer = await mount({ to: '+14155550177' });
    const order: string[] = [];
    composer.addEventListener('sms-send', () => order.push('send'));
    const sent = new Promise<SmsSentEvent>((resolve) => composer.addEventListener('sms-sent', (e) => resolve(e), { once: true }));
    setBody('Hello from the composer')(composer);
    await settle(composer);
    sendButton(composer).click();
    const event = await sent;
    order.push('sent');
    expect(order).to.deep.equal(['send', 'sent']);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.message).to.include({ status: 'queued', body: 'Hello from the composer', from: '+14155550100' });
    await settle(composer);
    expect($<HTMLTextAreaElement>(composer, '#body').value).to.equal('');
    expect(localStorage.length).to.equal(0);
  });

  it('sends later in the device time zone and shows the recipient local time', async () => {
    const composer = await mount({ to: '+12125550123' });
    setBody('Scheduled hello')(composer);
    const at = new Date(Date.now() + 2 * 3_600_000);
    await later(2 * 3_600_000)(composer);
    await settle(composer);
    expect($(composer, 'label[for=send-at]').textContent).to.contain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const nyTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    expect($(composer, '[data-role=recipient-time]').textContent).to.contain(`${nyTime} (America/New_York)`);
    expect(sendButton(composer).textContent!.trim()).to.equal('Schedule');
    const sent = new Promise<SmsSentEvent>((resolve) => composer.addEventListener('sms-sent', (e) => resolve(e), { once: true }));
    sendButton(composer).click();
    const { message } = (await sent).detail;
    expect(message.status).to.equal('scheduled');
    expect(Math.abs(Date.parse(message.sendAt!) - at.getTime())).to.be.below(60_000);
  });

  it('does not send at once when "Send later" is checked without a time', async () => {
    const composer = await mount({ to: '+14155550188' });
    setBody('Later, but when?')(composer);
    $<HTMLInputElement>(composer, '#later').click();
    await composer.updateComplete;
    typeInto($(composer, '#send-at'), '');
    await settle(composer);
    expect(codes(composer, 'sendAt')).to.include('schedule_in_past');
    expect(sendButton(composer).disabled).to.equal(true);
    await composer.send();
    expect((await memory.messages({ contact: '+14155550188' })).items).to.have.length(0);
  });

  it('uploads attachments with previews and progress, then sends them', async () => {
    const composer = await mount({ to: '+14155550177' });
    files([sized('photo.png', 'image/png', 2000), sized('notes.pdf', 'application/pdf', 1000)])(composer);
    await composer.updateComplete;
    expect(composer.shadowRoot!.querySelectorAll('.attachment progress').length).to.equal(2);
    expect(sendButton(composer).disabled, 'blocked while uploading').to.equal(true);
    await until(() => composer.shadowRoot!.querySelectorAll('.attachment progress').length === 0);
    expect($(composer, '.attachment img')).to.exist;
    expect($(composer, '.attachment .chip').textContent).to.equal('pdf');
    await expect(composer).to.be.accessible();
    const sent = new Promise<SmsSentEvent>((resolve) => composer.addEventListener('sms-sent', (e) => resolve(e), { once: true }));
    sendButton(composer).click();
    const { message } = (await sent).detail;
    expect(message.media.map((m) => m.name)).to.deep.equal(['photo.png', 'notes.pdf']);
  });

  it('warns about quiet hours at the recipient when the message would arrive, without blocking', async () => {
    const composer = await mount({ to: '+12125550123' });
    setBody('Late hello')(composer);
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' });
    let offset = 2 * 3_600_000;
    while (hour.format(new Date(Date.now() + offset)) !== '23') offset += 3_600_000;
    await later(offset)(composer);
    await settle(composer);
    const quiet = [...composer.shadowRoot!.querySelectorAll('[data-code=quiet_hours]')];
    expect(quiet).to.have.length(1);
    expect(quiet[0]!.textContent).to.contain('America/New_York');
    expect(sendButton(composer).disabled).to.equal(false);
    moveSendAt(offset - 12 * 3_600_000)(composer);
    await settle(composer);
    expect(composer.shadowRoot!.querySelectorAll('[data-code=quiet_hours]')).to.have.length(0);
  });

  it('keeps its uploads when moved in the page, and lets them go when removed', async () => {
    const slow = new MemoryBackend({ delays: { ...fast, upload: 200 } });
    const composer = await mount({ to: '+14155550177' }, slow);
    setBody('Moved')(composer);
    files([sized('photo.png', 'image/png', 2000)])(composer);
    await composer.updateComplete;
    const elsewhere = document.body.appendChild(document.createElement('sms-provider'));
    elsewhere.backend = slow;
    elsewhere.append(composer);
    await until(() => composer.shadowRoot!.querySelectorAll('.attachment progress').length === 0);
    await until(() => !sendButton(composer).disabled);
    expect($(composer, '.attachment .label.error')).to.equal(null);

    const preview = $(composer, '.attachment img').getAttribute('src')!;
    composer.remove();
    await Promise.resolve();
    expect(await fetch(preview).then(() => 'kept', () => 'released')).to.equal('released');
    elsewhere.remove();
    slow.dispose();
  });

  it('attaches dropped and pasted files', async () => {
    const composer = await mount({ to: '+14155550177' });
    const dropped = new DataTransfer();
    dropped.items.add(sized('dropped.png', 'image/png', 100));
    $(composer, 'form').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    const pasted = new DataTransfer();
    pasted.items.add(sized('pasted.pdf', 'application/pdf', 100));
    $(composer, '#body').dispatchEvent(new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }));
    await composer.updateComplete;
    expect([...composer.shadowRoot!.querySelectorAll('.attachment .name')].map((n) => n.textContent)).to.deep.equal(['dropped.png', 'pasted.pdf']);
    removeFirst(composer);
    await composer.updateComplete;
    expect([...composer.shadowRoot!.querySelectorAll('.attachment .name')].map((n) => n.textContent)).to.deep.equal(['pasted.pdf']);
  });

  it('lets the page veto a send by cancelling sms-send', async () => {
    const composer = await mount({ to: '+14155550188' });
    composer.addEventListener('sms-send', (event) => event.preventDefault());
    let sent = false;
    composer.addEventListener('sms-sent', () => (sent = true));
    setBody('Vetoed')(composer);
    await settle(composer);
    await composer.send();
    expect(sent).to.equal(false);
    expect((await memory.messages({ contact: '+14155550188' })).items).to.have.length(0);
    expect($<HTMLTextAreaElement>(composer, '#body').value).to.equal('Vetoed');
  });

  it('sends with Ctrl+Enter', async () => {
    const composer = await mount({ to: '+14155550177' });
    setBody('Shortcut')(composer);
    await settle(composer);
    const sent = new Promise<SmsSentEvent>((resolve) => composer.addEventListener('sms-sent', (e) => resolve(e), { once: true }));
    $(composer, '#body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    expect((await sent).detail.message.body).to.equal('Shortcut');
  });

  it('keeps the draft per recipient across a reload', async () => {
    const first = await mount({ to: '+14155550177' });
    setBody('Half-written thought')(first);
    await settle(first);
    first.parentElement!.remove();
    const again = await mount({ to: '+1 415 555 0177' });
    expect($<HTMLTextAreaElement>(again, '#body').value).to.equal('Half-written thought');
    const other = await mount({ to: '+14155550188' });
    expect($<HTMLTextAreaElement>(other, '#body').value).to.equal('');
  });

  it('offers to rent a number when there is no sender, with an inline picker for the country', async () => {
    const composer = await mount({ to: '+61412000111' });
    const rent = $<HTMLButtonElement>(composer, '#from-labels button');
    rent.click();
    await composer.updateComplete;
    const picker = $(composer, 'number-picker');
    expect(picker.getAttribute('mode')).to.equal('rent');
    expect(picker.getAttribute('country')).to.equal('AU');
    expect(rent.getAttribute('aria-expanded')).to.equal('true');
  });

  it('follows the recipient opting out and back in while it is open', async () => {
    const composer = await mount({ to: '+14155550188' });
    setBody('Still there?')(composer);
    await settle(composer);
    expect(codes(composer, 'to')).to.deep.equal([]);
    await memory.inbound({ from: '+14155550188', to: '+14155550100', body: 'Stop.' });
    await until(() => codes(composer, 'to').includes('opted_out'));
    expect(sendButton(composer).disabled).to.equal(true);
    await memory.inbound({ from: '+14155550188', to: '+14155550100', body: 'START' });
    await until(() => !codes(composer, 'to').includes('opted_out'));
    expect(sendButton(composer).disabled).to.equal(false);
  });

  it('ignores another recipient’s opt-out, refetches its own on reset, and stops listening when removed', async () => {
    const listeners = new Set<EventListener>();
    const backend = Object.create(memory) as MemoryBackend;
    backend.subscribe = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const composer = await mount({ to: '+14155550188' }, backend);
    setBody('Still there?')(composer);
    await settle(composer);
    expect(listeners.size).to.equal(1);
    const [listener] = listeners;
    listener!({ id: '1', type: 'recipient.updated', data: { e164: '+14155550199', optedOut: true, blockedSenders: [] } });
    await settle(composer);
    expect(codes(composer, 'to')).to.deep.equal([]);
    // Opted out while no event reached the composer: only a refetch can tell.
    await memory.inbound({ from: '+14155550188', to: '+14155550100', body: 'STOP' });
    await settle(composer);
    expect(codes(composer, 'to')).to.deep.equal([]);
    listener!({ id: '2', type: 'reset', data: null });
    await until(() => codes(composer, 'to').includes('opted_out'));
    composer.remove();
    expect(listeners.size).to.equal(0);
  });

  it('is right-to-left and localized under a Hebrew provider', async () => {
    const composer = await mount({ to: '12', locale: 'he' });
    await settle(composer);
    expect(getComputedStyle($(composer, 'form')).direction).to.equal('rtl');
    expect(sendButton(composer).textContent!.trim()).to.equal('שליחה');
    expect($(composer, '#to-labels [data-code=invalid_number]').textContent).to.contain('מספר טלפון תקין');
    await expect(composer).to.be.accessible();
  });
});

describe('<sms-composer> over HTTP (msw)', () => {
  const api = createSmsApi(memory = new MemoryBackend({ delays: fast }), { apiBase: '/api' });
  const worker = setupWorker(...api.handlers);
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  const mountHttp = (to: string) => mount({ to }, new HttpBackend({ apiBase: '/api', token: 'demo-alice', retryDelays: { send: [10] } }));

  it('sends with an attachment through the HTTP adapter', async () => {
    const composer = await mountHttp('+14155550177');
    setBody('Over the wire')(composer);
    files([sized('photo.jpg', 'image/jpeg', 5000)])(composer);
    await until(() => composer.shadowRoot!.querySelectorAll('.attachment progress').length === 0 && !sendButton(composer).disabled);
    const sent = new Promise<SmsSentEvent>((resolve) => composer.addEventListener('sms-sent', (e) => resolve(e), { once: true }));
    sendButton(composer).click();
    const { message } = (await sent).detail;
    expect(message).to.include({ body: 'Over the wire', status: 'queued' });
    expect(message.media).to.have.length(1);
  });

  it('shows the server 422 violations next to their fields, as its own', async () => {
    worker.use(
      http.post('/api/v1/messages', () =>
        HttpResponse.json(
          { error: { code: 'rule_violation', message: 'Refused', violations: [{ code: 'opted_out', field: 'to', message: 'This recipient opted out (replied STOP).' }] } },
          { status: 422 },
        ),
      ),
    );
    const composer = await mountHttp('+14155550177');
    setBody('Refused by the server')(composer);
    await settle(composer);
    const failed = new Promise<SmsSendErrorEvent>((resolve) => composer.addEventListener('sms-send-error', (e) => resolve(e), { once: true }));
    sendButton(composer).click();
    expect((await failed).detail.error.status).to.equal(422);
    await settle(composer);
    expect(codes(composer, 'to')).to.deep.equal(['opted_out']);
    expect(sendButton(composer).disabled).to.equal(true);
    setBody('Refused by the server, edited')(composer);
    await settle(composer);
    expect(codes(composer, 'to')).to.deep.equal([]);
  });

  it('shows a network failure as a label and fires sms-send-error', async () => {
    worker.use(http.post('/api/v1/messages', () => HttpResponse.error()));
    const composer = await mountHttp('+14155550177');
    setBody('Into the void')(composer);
    await settle(composer);
    const failed = new Promise<SmsSendErrorEvent>((resolve) => composer.addEventListener('sms-send-error', (e) => resolve(e), { once: true }));
    sendButton(composer).click();
    expect((await failed).detail.error.code).to.equal('network');
    await settle(composer);
    expect($(composer, '.actions [role=alert]').textContent).to.contain('could not be reached');
    expect($<HTMLTextAreaElement>(composer, '#body').value).to.equal('Into the void');
  });
});
