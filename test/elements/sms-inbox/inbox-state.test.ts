import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Conversation, InboxFilter } from '../../../src/protocol/index.js';
import { mergePage } from '../../../src/elements/internal/paged-list.js';
import { applyConversation, conversationOrder, matchesFilter } from '../../../src/elements/sms-inbox/inbox-state.js';

const conversation = (contact: string, minute: number, fields: Partial<Conversation> = {}): Conversation => ({
  contact,
  lastMessage: {
    id: `m${contact}`,
    direction: 'inbound',
    from: contact,
    to: '+14155550100',
    body: 'Hello',
    media: [],
    status: 'received',
    createdAt: new Date(Date.UTC(2024, 0, 1, 9, minute)).toISOString(),
    segments: 1,
    encoding: 'GSM-7',
  },
  unread: false,
  hasError: false,
  updatedAt: new Date(Date.UTC(2024, 0, 1, 9, minute)).toISOString(),
  ...fields,
});

const contacts = (list: readonly Conversation[]) => list.map((c) => c.contact);
const list = [conversation('+1c', 30), conversation('+1b', 20), conversation('+1a', 10)];

describe('inbox state', () => {
  it('moves a conversation with new activity to its place, newest first', () => {
    assert.deepEqual(contacts(applyConversation(list, conversation('+1a', 40), 'all', false)), ['+1a', '+1c', '+1b']);
    assert.deepEqual(contacts(applyConversation(list, conversation('+1d', 25), 'all', false)), ['+1c', '+1d', '+1b', '+1a']);
    assert.deepEqual(contacts(list), ['+1c', '+1b', '+1a'], 'the input is left alone');
  });

  it('drops conversations that leave the filter and adds ones that join it', () => {
    const table: [InboxFilter, Partial<Conversation>, string[]][] = [
      ['unread', { unread: false }, ['+1c', '+1a']],
      ['unread', { unread: true }, ['+1c', '+1b', '+1a']],
      ['errored', { hasError: false }, ['+1c', '+1a']],
      ['errored', { hasError: true }, ['+1c', '+1b', '+1a']],
      ['all', {}, ['+1c', '+1b', '+1a']],
    ];
    for (const [filter, fields, expected] of table) {
      const result = applyConversation(list, conversation('+1b', 20, fields), filter, false);
      assert.deepEqual(contacts(result), expected, `${filter} ${JSON.stringify(fields)}`);
    }
  });

  it('while searching, updates conversations already found and adds no others', () => {
    assert.deepEqual(contacts(applyConversation(list, conversation('+1d', 50), 'all', true)), ['+1c', '+1b', '+1a']);
    assert.deepEqual(contacts(applyConversation(list, conversation('+1a', 50), 'all', true)), ['+1a', '+1c', '+1b']);
  });

  it('appends a page without repeating conversations live events already placed', () => {
    const merged = mergePage(list, [conversation('+1a', 10, { unread: true }), conversation('+1z', 5)], conversationOrder, false);
    assert.deepEqual(contacts(merged), ['+1c', '+1b', '+1a', '+1z']);
    assert.equal(merged[2].unread, false, 'the live copy stays');
    // The backend's order of a page stands, even where activity ties.
    const tied = [conversation('+1y', 5), conversation('+1x', 5)];
    assert.deepEqual(contacts(mergePage(list, tied, conversationOrder, false)), ['+1c', '+1b', '+1a', '+1y', '+1x']);
    assert.deepEqual(contacts(mergePage([], tied, conversationOrder, true)), ['+1y', '+1x']);
  });

  it('matches the filters', () => {
    assert.equal(matchesFilter(conversation('+1a', 1, { unread: true }), 'unread'), true);
    assert.equal(matchesFilter(conversation('+1a', 1), 'unread'), false);
    assert.equal(matchesFilter(conversation('+1a', 1, { hasError: true }), 'errored'), true);
    assert.equal(matchesFilter(conversation('+1a', 1), 'errored'), false);
    assert.equal(matchesFilter(conversation('+1a', 1), 'all'), true);
  });
});
