import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../../../src/protocol/index.js';
import { mergePage, placeItem } from '../../../src/elements/internal/paged-list.js';
import { belongsTo, inlineNotice, isFailed, messageOrder, tooltipSide } from '../../../src/elements/sms-thread/thread-state.js';

const message = (id: string, minute: number, fields: Partial<Message> = {}): Message => ({
  id,
  direction: 'outbound',
  from: '+14155550100',
  to: '+14155550177',
  body: `Body ${id}`,
  media: [],
  status: 'delivered',
  createdAt: new Date(Date.UTC(2024, 0, 1, 9, minute)).toISOString(),
  segments: 1,
  encoding: 'GSM-7',
  ...fields,
});

const ids = (list: readonly Message[]) => list.map((m) => m.id);

describe('thread state', () => {
  it('inserts live messages in creation order and replaces updated ones', () => {
    const list = [message('a', 1), message('b', 3)];
    const place = (m: Message) => placeItem(list, m, messageOrder);
    assert.deepEqual(ids(place(message('c', 4))), ['a', 'b', 'c']);
    assert.deepEqual(ids(place(message('c', 2))), ['a', 'c', 'b']);
    assert.deepEqual(ids(place(message('0', 1))), ['0', 'a', 'b']);
    const updated = place(message('a', 1, { status: 'failed' }));
    assert.deepEqual(ids(updated), ['a', 'b']);
    assert.equal(updated[0].status, 'failed');
    assert.equal(list[0].status, 'delivered', 'the input is left alone');
    // Two messages of the same minute stay in the backend's order when one of them changes.
    const tied = [message('z', 2), message('y', 2)];
    assert.deepEqual(ids(placeItem(tied, message('z', 2, { status: 'failed' }), messageOrder)), ['z', 'y']);
  });

  it('prepends an older page without repeating what live events delivered', () => {
    const shown = [message('b', 3, { status: 'failed' }), message('c', 4)];
    const merged = mergePage(shown, [message('a', 1), message('b', 3)], messageOrder, false);
    assert.deepEqual(ids(merged), ['a', 'b', 'c']);
    assert.equal(merged[1].status, 'failed', 'the live copy stays');
  });

  it('merges the first page with the live messages that came while it was on its way', () => {
    const live = [message('d', 5), message('b', 3, { status: 'failed' })];
    const merged = mergePage(live, [message('a', 1), message('b', 3), message('c', 4)], messageOrder, true);
    assert.deepEqual(ids(merged), ['a', 'b', 'c', 'd']);
    assert.equal(merged[1].status, 'failed', 'the live copy stays');
  });

  it("keeps the backend's order within a page, first or further", () => {
    // Two messages of the same minute, which the backend lists in the order it stored them.
    const page = [message('z', 2), message('y', 2)];
    assert.deepEqual(ids(mergePage([], page, messageOrder, true)), ['z', 'y']);
    assert.deepEqual(ids(mergePage([message('c', 4)], page, messageOrder, false)), ['z', 'y', 'c']);
  });

  it('tells which conversation a message belongs to', () => {
    const table: [Message, string, boolean][] = [
      [message('o', 1), '+14155550177', true],
      [message('o', 1), '+14155550100', false],
      [message('i', 1, { direction: 'inbound', from: '+14155550177', to: '+14155550100' }), '+14155550177', true],
      [message('i', 1, { direction: 'inbound', from: '+14155550177', to: '+14155550100' }), '+14155550100', false],
    ];
    for (const [m, contact, expected] of table) assert.equal(belongsTo(m, contact), expected, `${m.direction} ${contact}`);
  });

  it('shows inbound opt-out and opt-in keywords in line, and nothing else', () => {
    const table: [string, Message['direction'], ReturnType<typeof inlineNotice>][] = [
      ['STOP', 'inbound', 'opted-out'],
      [' unsubscribe! ', 'inbound', 'opted-out'],
      ['Start', 'inbound', 'opted-in'],
      ['HELP', 'inbound', null],
      ['Please stop calling me', 'inbound', null],
      ['STOP', 'outbound', null],
    ];
    for (const [body, direction, expected] of table) {
      assert.equal(inlineNotice(message('x', 1, { body, direction })), expected, `${direction} "${body}"`);
    }
  });

  it('treats failed, undelivered and errored messages as failures', () => {
    assert.equal(isFailed(message('a', 1, { status: 'failed' })), true);
    assert.equal(isFailed(message('a', 1, { status: 'undelivered' })), true);
    assert.equal(isFailed(message('a', 1, { error: { code: 30007, label: 'Filtered as spam', reason: 'r' } })), true);
    assert.equal(isFailed(message('a', 1, { status: 'delivered' })), false);
    assert.equal(isFailed(message('a', 1, { status: 'scheduled' })), false);
  });

  it('opens an error reason on the side of its label with more room', () => {
    const view = { top: 100, bottom: 500 };
    const cases = [
      [{ top: 104, bottom: 124 }, 'below'],
      [{ top: 470, bottom: 490 }, 'above'],
      [{ top: 290, bottom: 310 }, 'above'],
      [{ top: 280, bottom: 300 }, 'below'],
      [{ top: 60, bottom: 80 }, 'below'],
    ] as const;
    for (const [label, side] of cases) assert.equal(tooltipSide(label, view), side, JSON.stringify(label));
  });
});
