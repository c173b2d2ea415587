/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { MemoryBackend } from '../../../src/backend/memory-backend.js';
import { registerMessages } from '../../../src/elements/internal/localize.js';
import { he } from '../../../src/elements/internal/locales/he.js';
import type { MessageQuery, SmsBackend } from '../../../src/backend/types.js';
import type { Message, Page } from '../../../src/protocol/index.js';
import '../../../src/elements/sms-thread/sms-thread.js';
import type { SmsThread } from '../../../src/elements/sms-thread/sms-thread.js';
import { frames, provide, until } from './setup.js';

const ALICE_US = '+14155550100';
const DANA = '+14155550142';
const MIGUEL = '+14155550177';
const LANDLINE = '+14155550161';
const SPAM = '+14155550162';

const fast = { sent: 0, delivered: 0, reply: 60_000, upload: 0 };

async function open(backend: SmsBackend, contact: string, { pageSize = 50, locale = 'en' } = {}): Promise<SmsThread> {
  const thread = await provide<SmsThread>(
    backend,
    html`<sms-thread contact=${contact} page-size=${pageSize}></sms-thread>`,
    'sms-thread',
    locale,
  );
  await until(() => thread.thread.state === 'complete', 'the first page');
  await frames(6);
  return thread;
}

const rows = (thread: SmsThread) => [...thread.shadowRoot!.querySelectorAll<HTMLElement>('.row')];
const row = (thread: SmsThread, id: string) => thread.shadowRoot!.querySelector<HTMLElement>(`.row[data-id="${id}"]`);
const log = (thread: SmsThread) => thread.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
const distanceFromEnd = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight;
const statusOf = (thread: SmsThread, id: string) => row(thread, id)?.querySelector('[part~="status"]')?.textContent?.trim();

async function inboundMany(backend: MemoryBackend, count: number, from = MIGUEL) {
  const messages: Message[] = [];
  for (let i = 0; i < count; i += 1) messages.push(await backend.inbound({ from, to: ALICE_US, body: `Message number ${i}` }));
  return messages;
}

registerMessages('he', he);

describe('<sms-thread>', () => {
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = new MemoryBackend({ delays: fast });
  });
  afterEach(() => {
    backend.dispose();
  });

  it('shows the conversation oldest to newest, inbound and outbound apart, and is accessible', async () => {
    const thread = await open(backend, DANA);
    const expected = (await backend.messages({ contact: DANA })).items;
    expect(rows(thread).map((r) => r.dataset.id)).to.deep.equal(expected.map((m) => m.id));
    const [outbound, inbound] = rows(thread);
    expect(outbound.classList.contains('outbound')).to.equal(true);
    expect(inbound.classList.contains('inbound')).to.equal(true);
    const background = (r: HTMLElement) => getComputedStyle(r.querySelector('[part~="message"]')!).backgroundColor;
    expect(background(outbound)).not.to.equal(background(inbound));
    expect(outbound.querySelector('[part~="body"]')!.textContent).to.equal(expected[0].body);
    await expect(thread).to.be.accessible();
  });

  it('takes no room while hidden', async () => {
    const thread = await open(backend, DANA);
    thread.hidden = true;
    expect(getComputedStyle(thread).display).to.equal('none');
    thread.hidden = false;
    expect(getComputedStyle(thread).display).to.equal('flex');
  });

  it('adds live messages and follows their status changes', async () => {
    const slow = new MemoryBackend({ delays: { sent: 150, delivered: 150, reply: 60_000 } });
    const thread = await open(slow, MIGUEL);
    const before = rows(thread).length;
    const sent = await slow.send({ from: ALICE_US, to: MIGUEL, body: 'Here is the pricing sheet.' });
    await until(() => row(thread, sent.id), 'the sent message');
    const seen = new Set<string>();
    await until(() => {
      seen.add(statusOf(thread, sent.id) ?? '');
      return statusOf(thread, sent.id) === 'Delivered';
    }, 'delivery');
    expect([...seen]).to.include.members(['Queued', 'Sent', 'Delivered']);
    const reply = await slow.inbound({ from: MIGUEL, to: ALICE_US, body: 'Got it, thanks' });
    await until(() => rows(thread).length === before + 2, 'the inbound message');
    expect(rows(thread).map((r) => r.dataset.id).slice(-2)).to.deep.equal([sent.id, reply.id]);
    slow.dispose();
  });

  it('ignores events of other conversations', async () => {
    const thread = await open(backend, MIGUEL);
    const before = rows(thread).map((r) => r.dataset.id);
    await backend.inbound({ from: DANA, to: ALICE_US, body: 'Not for this thread' });
    await frames(4);
    expect(rows(thread).map((r) => r.dataset.id)).to.deep.equal(before);
  });

  it('labels a carrier failure and tells the reason on hover and on keyboard focus', async () => {
    const failed = await backend.send({ from: ALICE_US, to: LANDLINE, body: 'Are you there?' });
    const thread = await open(backend, LANDLINE);
    await until(() => row(thread, failed.id)?.querySelector('[part~="error-label"]'), 'the error label');
    const label = row(thread, failed.id)!.querySelector<HTMLElement>('[part~="error-label"]')!;
    const stored = (await backend.messages({ contact: LANDLINE })).items.find((m) => m.id === failed.id)!;
    expect(stored.error, 'the backend reports the failure').to.exist;
    expect(label.textContent!.trim()).to.equal(stored.error!.label);
    const tooltip = thread.shadowRoot!.getElementById(label.getAttribute('aria-describedby')!)!;
    expect(tooltip.getAttribute('role')).to.equal('tooltip');
    expect(tooltip.textContent!.trim()).to.equal(stored.error!.reason);
    expect(getComputedStyle(tooltip).display).to.equal('none');

    const box = label.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    expect(getComputedStyle(tooltip).display).not.to.equal('none');
    await resetMouse();
    expect(getComputedStyle(tooltip).display).to.equal('none');

    log(thread).focus();
    for (let i = 0; i < 10 && thread.shadowRoot!.activeElement !== label; i += 1) await sendKeys({ press: 'Tab' });
    expect(thread.shadowRoot!.activeElement).to.equal(label);
    expect(getComputedStyle(tooltip).display).not.to.equal('none');
    await expect(thread).to.be.accessible();
  });

  it('shows a scheduled message with its time and cancels it', async () => {
    const sendAt = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await backend.send({ from: ALICE_US, to: MIGUEL, body: 'See you tomorrow', sendAt });
    const thread = await open(backend, MIGUEL);
    const r = row(thread, scheduled.id)!;
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(sendAt));
    expect(r.querySelector('[part~="status"]')!.textContent).to.contain(time);
    const cancel = r.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!;
    expect(cancel.getAttribute('aria-label')).to.contain(time);
    cancel.click();
    await until(() => statusOf(thread, scheduled.id) === 'Canceled', 'the canceled status');
    expect(row(thread, scheduled.id)!.querySelector('[part~="cancel-button"]')).to.equal(null);
    const stored = (await backend.messages({ contact: MIGUEL })).items.find((m) => m.id === scheduled.id)!;
    expect(stored.status).to.equal('canceled');
  });

  it('shows a failed cancel as a label', async () => {
    const sendAt = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await backend.send({ from: ALICE_US, to: MIGUEL, body: 'Later', sendAt });
    const failing: SmsBackend = Object.assign(Object.create(backend), {
      cancel: () => Promise.reject(new Error('The message is no longer scheduled.')),
    });
    const thread = await open(failing, MIGUEL);
    row(thread, scheduled.id)!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await until(() => thread.shadowRoot!.querySelector('[part="problem"]'), 'the problem label');
    expect(thread.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain('The message is no longer scheduled.');
    expect(statusOf(thread, scheduled.id)).to.contain('Scheduled');
  });

  it('shows MMS images as thumbnails and other files as chips, all downloadable', async () => {
    const mms = await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'Photos and the contract', mediaTypes: ['image/png', 'application/pdf'] });
    const thread = await open(backend, MIGUEL);
    const r = row(thread, mms.id)!;
    const [image, file] = mms.media;
    const thumbnail = r.querySelector<HTMLAnchorElement>('a[part~="thumbnail"]')!;
    expect(thumbnail.getAttribute('href')).to.equal(image.url);
    expect(thumbnail.getAttribute('download')).to.equal(image.name);
    expect(thumbnail.querySelector('img')!.getAttribute('src')).to.equal(image.url);
    expect(thumbnail.querySelector('img')!.alt).to.equal(image.name);
    const chip = r.querySelector<HTMLAnchorElement>('a[part~="file"]')!;
    expect(chip.getAttribute('href')).to.equal(file.url);
    expect(chip.getAttribute('download')).to.equal(file.name);
    expect(chip.textContent).to.contain(file.name);
    expect(r.querySelectorAll('a[part~="thumbnail"]').length).to.equal(1);
  });

  it('shows a file as a compact chip with an icon, its name and its size', async () => {
    const mms = await backend.inbound({ from: MIGUEL, to: ALICE_US, body: '', mediaTypes: ['image/png', 'application/pdf'] });
    const thread = await open(backend, MIGUEL);
    const [image, file] = mms.media;
    const chip = row(thread, mms.id)!.querySelector<HTMLAnchorElement>('a[part~="file"]')!;
    const size = `${Math.max(1, Math.round(file.size / 1000))} kB`;
    expect([...chip.querySelectorAll('span')].map((span) => span.textContent!.trim())).to.deep.equal([file.name, size]);
    expect(chip.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    const thumbnail = row(thread, mms.id)!.querySelector('a[part~="thumbnail"]')!.getBoundingClientRect();
    const box = chip.getBoundingClientRect();
    expect(thumbnail.width, `the ${image.name} thumbnail is laid out`).to.be.above(0);
    expect(box.height, 'a chip is one line of text high, not stretched to the thumbnail').to.be.below(thumbnail.height / 2);
    expect(box.width).to.be.below(thumbnail.width * 2.5);
    await expect(thread).to.be.accessible();
  });

  it('keeps an error reason inside the thread, for the top row and the bottom row alike', async () => {
    const first = await backend.send({ from: ALICE_US, to: SPAM, body: 'Hi' });
    await inboundMany(backend, 12, SPAM);
    const last = await backend.send({ from: ALICE_US, to: SPAM, body: 'Hello again?' });
    const thread = await open(backend, SPAM);
    for (const [message, scrollTop] of [
      [first, 0],
      [last, log(thread).scrollHeight],
    ] as const) {
      log(thread).scrollTop = scrollTop;
      await until(() => row(thread, message.id)?.querySelector('[part~="error-label"]'), `the error label of "${message.body}"`);
      await frames(2);
      const label = row(thread, message.id)!.querySelector<HTMLElement>('[part~="error-label"]')!;
      const box = label.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      const tooltip = thread.shadowRoot!.getElementById(label.getAttribute('aria-describedby')!)!;
      const shown = tooltip.getBoundingClientRect();
      const view = log(thread).getBoundingClientRect();
      expect(shown.height, `the reason of "${message.body}" is shown`).to.be.above(0);
      expect(shown.top, `the reason of "${message.body}" starts inside the thread`).to.be.at.least(view.top);
      expect(shown.bottom, `the reason of "${message.body}" ends inside the thread`).to.be.at.most(view.bottom);
      expect(shown.left).to.be.at.least(view.left);
      await resetMouse();
    }
  });

  for (const locale of ['en', 'he']) {
    it(`keeps the status inside a narrow thread (${locale})`, async () => {
      const thread = await provide<SmsThread>(
        backend,
        html`<sms-thread contact=${DANA} style="inline-size: 14rem"></sms-thread>`,
        'sms-thread',
        locale,
      );
      await until(() => thread.thread.state === 'complete', 'the first page');
      await frames(6);
      const scroller = log(thread);
      const padding = parseFloat(getComputedStyle(scroller).paddingInlineStart);
      const view = scroller.getBoundingClientRect();
      const status = rows(thread)[0].querySelector('[part~="status"]')!.getBoundingClientRect();
      expect(status.width).to.be.above(0);
      expect(status.left).to.be.at.least(view.left + padding - 0.5);
      expect(status.right).to.be.at.most(view.left + scroller.clientWidth - padding + 0.5);
      expect(scroller.scrollWidth).to.equal(scroller.clientWidth);
    });
  }

  it('loads older pages of page-size messages when scrolled to the top without moving what the user sees', async () => {
    const all = await inboundMany(backend, 150);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: SmsBackend = Object.assign(Object.create(backend), {
      messages: async (query: MessageQuery) => {
        if (query.cursor) await gate;
        return backend.messages(query);
      },
    });
    const thread = await open(gated, MIGUEL, { pageSize: 40 });
    expect(thread.thread.items.length).to.equal(40);
    expect(distanceFromEnd(log(thread))).to.be.at.most(2);
    expect(rows(thread).at(-1)!.dataset.id).to.equal(all.at(-1)!.id);

    // Scroll up in small steps, as a wheel does, until the older page is asked for.
    const scroller = log(thread);
    for (let step = 0; step < 200 && !thread.thread.loadingMore; step += 1) {
      scroller.scrollTop -= 60;
      await frames(1);
    }
    expect(thread.thread.loadingMore).to.equal(true);
    await frames(4);
    const offsetOf = (r: HTMLElement) => r.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const before = new Map(rows(thread).map((r) => [r.dataset.id!, offsetOf(r)]));
    release();
    await until(() => thread.thread.items.length === 80 && !thread.thread.loadingMore, 'the older page');
    await frames(10);
    const visible = [...before].filter(([, offset]) => offset >= 0 && offset < scroller.clientHeight);
    expect(visible.length).to.be.above(1);
    for (const [id, offset] of visible) {
      expect(row(thread, id), `message ${id} is still rendered`).to.exist;
      expect(offsetOf(row(thread, id)!), `message ${id} did not move`).to.be.closeTo(offset, 3);
    }
    expect(thread.thread.items[0].id).to.equal(all[70].id);
  });

  it('shows a failed older page as a label and does not ask for it again and again', async () => {
    await inboundMany(backend, 60);
    let calls = 0;
    const failing: SmsBackend = Object.assign(Object.create(backend), {
      messages: (query: MessageQuery) => {
        if (!query.cursor) return backend.messages(query);
        calls += 1;
        // A loop of retries would starve the page of frames: it ends here, and the count tells.
        if (calls > 20) return new Promise<never>(() => {});
        return Promise.reject(new Error('Service unavailable'));
      },
    });
    const thread = await open(failing, MIGUEL, { pageSize: 20 });
    log(thread).scrollTop = 0;
    await until(() => thread.shadowRoot!.querySelector('[part="problem"]'), 'the problem label');
    await frames(20);
    log(thread).scrollTop = 0;
    await frames(20);
    expect(calls).to.equal(1);
    expect(thread.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain('Service unavailable');
    expect(thread.thread.items.length).to.equal(20);
  });

  it('stays at the bottom for new messages, and offers "new messages" when scrolled up', async () => {
    await inboundMany(backend, 40);
    const thread = await open(backend, MIGUEL);
    const scroller = log(thread);
    expect(distanceFromEnd(scroller)).to.be.at.most(2);

    const first = await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'One more' });
    await until(() => row(thread, first.id), 'the new message');
    await until(() => distanceFromEnd(scroller) <= 2, 'following the end');
    await frames(10);
    expect(distanceFromEnd(scroller)).to.be.at.most(2);
    expect(thread.shadowRoot!.querySelector('[part="new-messages"]')).to.equal(null);

    scroller.scrollTop = scroller.scrollHeight / 2;
    await frames(3);
    const top = scroller.scrollTop;
    await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'While you read' });
    await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'And another' });
    await until(() => thread.shadowRoot!.querySelector('[part="new-messages"]'), 'the new messages control');
    const control = thread.shadowRoot!.querySelector<HTMLButtonElement>('[part="new-messages"]')!;
    expect(control.textContent).to.contain('2');
    expect(Math.abs(scroller.scrollTop - top)).to.be.below(2);
    control.click();
    await until(() => distanceFromEnd(scroller) <= 2, 'the end');
    await until(() => !thread.shadowRoot!.querySelector('[part="new-messages"]'), 'the control to go');
  });

  it('marks the conversation read when shown, and again for new inbound messages', async () => {
    await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'Hello?' });
    const unread = async () => (await backend.conversations()).items.find((c) => c.contact === MIGUEL)!.unread;
    expect(await unread()).to.equal(true);
    const thread = await open(backend, MIGUEL);
    await until(async () => !(await unread()), 'read');
    expect(await unread()).to.equal(false);
    await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'Are you there?' });
    await until(() => rows(thread).length === 3, 'the new message');
    await frames(2);
    expect(await unread()).to.equal(false);
  });

  it('opens on a contact with no conversation yet without marking anything read or showing a problem', async () => {
    const marked: string[] = [];
    const recording: SmsBackend = Object.assign(Object.create(backend), {
      markRead: (contact: string) => {
        marked.push(contact);
        return Promise.reject(new Error('No conversation with this contact'));
      },
    });
    const thread = await provide<SmsThread>(recording, html`<sms-thread contact="+14155550199"></sms-thread>`, 'sms-thread');
    await until(() => thread.thread.state === 'complete', 'the first page');
    await thread.updateComplete;
    expect(marked).to.deep.equal([]);
    expect(thread.shadowRoot!.querySelector('[part="problem"]')).to.equal(null);
  });

  it('shows an opt-out and an opt-in in line', async () => {
    const stop = await backend.inbound({ from: MIGUEL, to: ALICE_US, body: ' Stop. ' });
    const thread = await open(backend, MIGUEL);
    expect(row(thread, stop.id)!.querySelector('[part="notice"]')!.textContent).to.equal('Recipient opted out');
    const start = await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'start' });
    await until(() => row(thread, start.id), 'the opt-in');
    expect(row(thread, start.id)!.querySelector('[part="notice"]')!.textContent).to.equal('Recipient opted back in');
    const plain = (await backend.messages({ contact: MIGUEL })).items[0];
    expect(row(thread, plain.id)!.querySelector('[part="notice"]')).to.equal(null);
  });

  it('shows a load failure as a label', async () => {
    const failing: SmsBackend = Object.assign(Object.create(backend), {
      messages: () => Promise.reject(new Error('Service unavailable')),
    });
    const thread = await provide<SmsThread>(failing, html`<sms-thread contact=${MIGUEL}></sms-thread>`, 'sms-thread');
    await until(() => thread.thread.state === 'error', 'the error state');
    await thread.updateComplete;
    const problem = thread.shadowRoot!.querySelector('[part="problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.textContent).to.contain('Service unavailable');
  });

  it('follows the provider into right-to-left Hebrew', async () => {
    const thread = await open(backend, DANA, { locale: 'he' });
    const [outbound, inbound] = rows(thread).map((r) => r.querySelector('[part~="message"]')!.getBoundingClientRect());
    expect(outbound.left, 'outbound bubbles sit on the left in RTL').to.be.below(inbound.left);
    expect(outbound.right).to.be.below(inbound.right);
    expect(log(thread).getAttribute('aria-label')).to.equal(`שיחה עם ${DANA}`);
    expect(rows(thread)[0].querySelector('[part~="status"]')!.textContent!.trim()).to.equal('נמסרה');
    await expect(thread).to.be.accessible();
  });

  it('renders a bounded number of nodes for 10,000 messages', async () => {
    const template = (await backend.messages({ contact: DANA })).items[1];
    const start = Date.parse('2024-01-01T00:00:00Z');
    const items = Array.from({ length: 10_000 }, (_, i): Message => ({
      ...template,
      id: `bulk_${String(i).padStart(5, '0')}`,
      body: `Bulk message ${i}`,
      createdAt: new Date(start + i * 60_000).toISOString(),
    }));
    const bulk: SmsBackend = Object.assign(Object.create(backend), {
      messages: async (): Promise<Page<Message>> => ({ items, nextCursor: null }),
    });
    const thread = await open(bulk, DANA);
    expect(thread.thread.items.length).to.equal(10_000);
    expect(rows(thread).length).to.be.within(1, 100);
    expect(thread.shadowRoot!.querySelectorAll('*').length).to.be.below(1500);
    expect(rows(thread).at(-1)!.dataset.id).to.equal('bulk_09999');
    expect(distanceFromEnd(log(thread))).to.be.at.most(2);
  });
});
