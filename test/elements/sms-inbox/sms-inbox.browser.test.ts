/// <reference types="mocha" />
import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend } from '../../../src/backend/memory-backend.js';
import { registerMessages } from '../../../src/elements/internal/localize.js';
import { he } from '../../../src/elements/internal/locales/he.js';
import type { SmsBackend } from '../../../src/backend/types.js';
import type { Conversation, Page } from '../../../src/protocol/index.js';
import '../../../src/elements/sms-inbox/sms-inbox.js';
import type { SmsInbox } from '../../../src/elements/sms-inbox/sms-inbox.js';
import type { SmsConversationSelectEvent } from '../../../src/elements/internal/events.js';
import { frames, provide, until } from '../sms-thread/setup.js';

const ALICE_US = '+14155550100';
const ALICE_UK = '+447400123456';
const LANDLINE = '+14155550161';
const MIGUEL = '+14155550177';
const PRIYA = '+447700900123';

async function open(backend: SmsBackend, { filter = 'all', locale = 'en' } = {}): Promise<SmsInbox> {
  const inbox = await provide<SmsInbox>(backend, html`<sms-inbox filter=${filter}></sms-inbox>`, 'sms-inbox', locale);
  await until(() => inbox.inbox.state === 'complete', 'the first page');
  await until(() => options(inbox).length || !inbox.inbox.items.length, 'the options');
  await frames(2);
  return inbox;
}

const options = (inbox: SmsInbox) => [...inbox.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const contacts = (inbox: SmsInbox) => inbox.inbox.items.map((c) => c.contact);
const listbox = (inbox: SmsInbox) => inbox.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const activeOption = (inbox: SmsInbox) => inbox.shadowRoot!.getElementById(listbox(inbox).getAttribute('aria-activedescendant')!);

registerMessages('he', he);

describe('<sms-inbox>', () => {
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = new MemoryBackend({ delays: { sent: 0, delivered: 0, reply: 60_000, upload: 0 } });
  });
  afterEach(() => backend.dispose());

  it('lists conversations by latest activity with unread state and the latest message', async () => {
    const inbox = await open(backend);
    const expected = (await backend.conversations()).items;
    expect(expected.length).to.be.above(2);
    const shown = options(inbox);
    expect(shown.map((o) => o.querySelector('[part="name"]')!.textContent)).to.deep.equal(
      expected.map((c) => c.contactName ?? c.contact),
    );
    const times = expected.map((c) => Date.parse(c.updatedAt));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expected.forEach((conversation, i) => {
      expect(shown[i].querySelector('[part~="preview"]')!.textContent).to.contain(conversation.lastMessage.body);
      expect(!!shown[i].querySelector('[part="unread-badge"]'), `unread dot of ${conversation.contact}`).to.equal(conversation.unread);
    });
    await expect(inbox).to.be.accessible();
  });

  it('filters to the conversations with a failed SMS, and to unread ones', async () => {
    const inbox = await open(backend, { filter: 'errored' });
    expect(contacts(inbox)).to.deep.equal([LANDLINE]);
    expect(options(inbox)[0].querySelector('[part="error-badge"]')).to.exist;

    await backend.markRead(MIGUEL);
    inbox.filter = 'unread';
    await until(() => inbox.inbox.state === 'complete' && inbox.inbox.items.length > 0, 'the unread list');
    const unread = (await backend.conversations({ filter: 'unread' })).items.map((c) => c.contact);
    expect(contacts(inbox)).to.deep.equal(unread);
    expect(contacts(inbox)).not.to.include(MIGUEL);

    const select = inbox.shadowRoot!.querySelector<HTMLSelectElement>('[part="filter"]')!;
    expect(select.value).to.equal('unread');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await until(() => inbox.filter === 'all' && inbox.inbox.state === 'complete', 'the whole list');
    expect(inbox.getAttribute('filter')).to.equal('all');
    expect(contacts(inbox)).to.include(MIGUEL);
  });

  it('removes a conversation from the unread filter once it is read', async () => {
    await backend.inbound({ from: MIGUEL, to: ALICE_US, body: 'Any news?' });
    const inbox = await open(backend, { filter: 'unread' });
    expect(contacts(inbox)).to.include(MIGUEL);
    await backend.markRead(MIGUEL);
    await until(() => !contacts(inbox).includes(MIGUEL), 'the read conversation to leave');
  });

  it('searches names, numbers and message text from the search box', async () => {
    const inbox = await open(backend);
    const search = inbox.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
    search.focus();
    await sendKeys({ type: 'pricing' });
    await until(() => inbox.q === 'pricing' && inbox.inbox.state === 'complete', 'the search');
    expect(contacts(inbox)).to.deep.equal([MIGUEL]);
    inbox.q = 'zzz-nothing';
    await until(() => inbox.inbox.state === 'complete' && inbox.inbox.items.length === 0, 'no results');
    await inbox.updateComplete;
    expect(inbox.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('zzz-nothing');
  });

  it('moves a conversation to the top when it has new activity', async () => {
    const inbox = await open(backend);
    const last = contacts(inbox).at(-1)!;
    expect(contacts(inbox)[0]).not.to.equal(last);
    const to = last === PRIYA ? ALICE_UK : ALICE_US;
    await backend.inbound({ from: last, to, body: 'Bumping this up' });
    await until(() => contacts(inbox)[0] === last, 'the reorder');
    await inbox.updateComplete;
    await frames(2);
    const first = options(inbox)[0];
    expect(first.querySelector('[part~="preview"]')!.textContent).to.contain('Bumping this up');
    expect(first.querySelector('[part="unread-badge"]')).to.exist;
    expect(new Set(contacts(inbox)).size).to.equal(contacts(inbox).length);
  });

  it('is navigable with the keyboard and fires sms-conversation-select on Enter and on click', async () => {
    const inbox = await open(backend);
    const list = contacts(inbox);
    listbox(inbox).focus();
    expect(activeOption(inbox)!.querySelector('[part="name"]')!.textContent).to.equal(inbox.inbox.items[0].contactName);
    await sendKeys({ press: 'ArrowDown' });
    await inbox.updateComplete;
    expect(activeOption(inbox)!.id).to.equal(options(inbox)[1].id);
    await sendKeys({ press: 'End' });
    await inbox.updateComplete;
    expect(activeOption(inbox)!.id).to.equal(options(inbox).at(-1)!.id);
    await sendKeys({ press: 'ArrowUp' });
    await inbox.updateComplete;
    const listening = oneEvent(inbox, 'sms-conversation-select') as Promise<SmsConversationSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await listening;
    expect(event.detail.contact).to.equal(list.at(-2));
    expect(event.detail.conversation?.contact).to.equal(list.at(-2));
    expect(event.bubbles && event.composed).to.equal(true);
    await inbox.updateComplete;
    expect(activeOption(inbox)!.getAttribute('aria-selected')).to.equal('true');
    expect(options(inbox).filter((o) => o.getAttribute('aria-selected') === 'true').length).to.equal(1);
    await sendKeys({ press: 'Home' });
    await inbox.updateComplete;
    expect(activeOption(inbox)!.id).to.equal(options(inbox)[0].id);

    const clicked = oneEvent(inbox, 'sms-conversation-select') as Promise<SmsConversationSelectEvent>;
    options(inbox)[2].click();
    expect((await clicked).detail.contact).to.equal(list[2]);
  });

  it('shows a load failure as a label', async () => {
    const failing: SmsBackend = Object.assign(Object.create(backend), {
      conversations: () => Promise.reject(new Error('Service unavailable')),
    });
    const inbox = await provide<SmsInbox>(failing, html`<sms-inbox></sms-inbox>`, 'sms-inbox', 'en');
    await until(() => inbox.inbox.state === 'error', 'the error state');
    await inbox.updateComplete;
    const problem = inbox.shadowRoot!.querySelector('[part="problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.textContent).to.contain('Service unavailable');
  });

  it('follows the provider into right-to-left Hebrew', async () => {
    const inbox = await open(backend, { locale: 'he' });
    expect(listbox(inbox).getAttribute('aria-label')).to.equal('שיחות');
    const option = options(inbox)[0];
    const name = option.querySelector('[part="name"]')!.getBoundingClientRect();
    const time = option.querySelector('[part="time"]')!.getBoundingClientRect();
    expect(time.right, 'the time sits at the inline end, on the left').to.be.below(name.left + 1);
    await expect(inbox).to.be.accessible();
  });

  describe('with 10,000 conversations', () => {
    const template = async () => (await backend.conversations()).items[0];
    const bulk = async (pageSize: number): Promise<SmsBackend> => {
      const base = await template();
      const start = Date.parse('2024-06-01T00:00:00Z');
      const all = Array.from({ length: 10_000 }, (_, i): Conversation => ({
        ...base,
        contact: `+1415555${String(i).padStart(4, '0')}`,
        contactName: `Contact ${i}`,
        updatedAt: new Date(start - i * 60_000).toISOString(),
      }));
      return Object.assign(Object.create(backend), {
        conversations: async ({ cursor }: { cursor?: string | null } = {}): Promise<Page<Conversation>> => {
          const from = cursor ? Number(cursor) : 0;
          const next = from + pageSize;
          return { items: all.slice(from, next), nextCursor: next < all.length ? String(next) : null };
        },
      });
    };

    it('renders a bounded number of nodes', async () => {
      const inbox = await open(await bulk(10_000));
      expect(inbox.inbox.items.length).to.equal(10_000);
      expect(options(inbox).length).to.be.within(1, 100);
      expect(inbox.shadowRoot!.querySelectorAll('*').length).to.be.below(1500);
      listbox(inbox).focus();
      await sendKeys({ press: 'End' });
      await until(() => activeOption(inbox)?.querySelector('[part="name"]')?.textContent === 'Contact 9999', 'the last option');
      expect(options(inbox).length).to.be.within(1, 100);
    });

    it('moves the keyboard into rows not yet rendered, always pointing at a rendered option in view', async () => {
      const inbox = await open(await bulk(10_000));
      listbox(inbox).focus();
      const inView = () => {
        const option = activeOption(inbox);
        if (!option) return false;
        const box = option.getBoundingClientRect();
        const view = listbox(inbox).getBoundingClientRect();
        return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      };
      const steps: [string, string][] = [
        ['PageDown', 'Contact 10'],
        ['PageDown', 'Contact 20'],
        ['PageDown', 'Contact 30'],
        ['End', 'Contact 9999'],
        ['PageUp', 'Contact 9989'],
        ['ArrowUp', 'Contact 9988'],
        ['Home', 'Contact 0'],
      ];
      for (const [key, name] of steps) {
        await sendKeys({ press: key });
        await until(() => activeOption(inbox)?.querySelector('[part="name"]')?.textContent === name, `${name} after ${key}`);
        await frames(2);
        expect(inView(), `${name} is in view`).to.equal(true);
        expect(options(inbox).length).to.be.within(1, 100);
      }
      expect(listbox(inbox).scrollTop).to.equal(0);
    });

    it('shows a failed next page as a label and does not ask for it again and again', async () => {
      const paged = await bulk(100);
      let calls = 0;
      const failing: SmsBackend = Object.assign(Object.create(paged), {
        conversations: (query: { cursor?: string } = {}) => {
          if (!query.cursor) return paged.conversations(query);
          calls += 1;
          // A loop of retries would starve the page of frames: it ends here, and the count tells.
          if (calls > 20) return new Promise<never>(() => {});
          return Promise.reject(new Error('Service unavailable'));
        },
      });
      const inbox = await open(failing);
      const list = listbox(inbox);
      list.scrollTop = list.scrollHeight;
      await until(() => inbox.shadowRoot!.querySelector('[part="problem"]'), 'the problem label');
      await frames(20);
      list.scrollTop -= 100;
      await frames(5);
      list.scrollTop = list.scrollHeight;
      await frames(20);
      expect(calls).to.equal(1);
      expect(inbox.shadowRoot!.querySelector('[part="problem"]')!.textContent).to.contain('Service unavailable');
      expect(inbox.inbox.items.length).to.equal(100);
    });

    it('loads the next page when scrolled to the end', async () => {
      const inbox = await open(await bulk(100));
      expect(inbox.inbox.items.length).to.equal(100);
      const list = listbox(inbox);
      list.scrollTop = list.scrollHeight;
      await until(() => inbox.inbox.items.length === 200, 'the second page');
      expect(inbox.inbox.items[100].contactName).to.equal('Contact 100');
      expect(new Set(contacts(inbox)).size).to.equal(200);
    });
  });
});
