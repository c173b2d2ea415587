import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromLocalInput,
  loadDraft,
  recipientClocks,
  saveDraft,
  sendContext,
  senderChoices,
  toLocalInput,
  visibleViolations,
  type ComposerDraft,
} from '../../../src/elements/sms-composer/composer-state.js';
import { validateSend } from '../../../src/rules/index.js';
import { SEED_NUMBERS } from '../../../src/protocol/seed.js';
import type { PhoneNumber } from '../../../src/rules/types.js';

const alice: PhoneNumber[] = SEED_NUMBERS.filter((n) => n.workspaceId === 'acme' && (n.kind === 'group' || n.users.includes('alice'))).map(
  ({ workspaceId: _w, users, ...n }) => ({ ...n, member: n.kind !== 'external' && users.includes('alice') }),
);
const draft = (changes: Partial<ComposerDraft>): ComposerDraft => ({ to: '', from: '', body: '', attachments: [], ...changes });
const context = sendContext(alice, undefined, new Date('2026-03-02T15:00:00Z'));

test('sender choices: usable first, each other with the rule that excludes it', () => {
  const cases = [
    { to: '+14155550177', usable: ['+14155550100', '+14155550101'] },
    { to: '+447400123457', usable: ['+447400123456'] },
    { to: '+61412000111', usable: [] },
  ];
  for (const { to, usable } of cases) {
    const choices = senderChoices(draft({ to, body: 'x' }), context);
    assert.deepEqual(choices.filter((c) => !c.reason).map((c) => c.number.e164), usable, to);
    assert.deepEqual(choices.slice(0, usable.length).map((c) => c.number.e164), usable, `${to}: usable ones lead`);
    const reasons = Object.fromEntries(choices.filter((c) => c.reason).map((c) => [c.number.e164, c.reason]));
    assert.equal(reasons['+14155550103'], 'sender_external');
    assert.equal(reasons['+14155550102'], 'sender_not_sms_capable');
    assert.equal(reasons['+61412345678'], 'sender_not_member');
  }
});

test('untouched empty fields do not complain; touched ones and everything else do', () => {
  const empty = draft({});
  const { violations } = validateSend({ to: '', body: '' }, context);
  assert.deepEqual(visibleViolations(violations, empty, new Set()), []);
  assert.deepEqual(visibleViolations(violations, empty, new Set(['body'])).map((v) => v.code), ['body_empty']);
  const typed = draft({ to: '12' });
  const invalid = validateSend({ to: '12', body: '' }, context).violations;
  assert.deepEqual(visibleViolations(invalid, typed, new Set()).map((v) => v.code), ['invalid_number']);
});

test('datetime-local values are read and written in the device time zone', () => {
  const date = new Date(2026, 5, 7, 9, 5);
  assert.equal(toLocalInput(date), '2026-06-07T09:05');
  assert.equal(fromLocalInput('2026-06-07T09:05'), date.toISOString());
  assert.equal(fromLocalInput(''), undefined);
  assert.equal(fromLocalInput('soon'), undefined);
});

test("the recipient's clock comes from their number's time zones", () => {
  const at = new Date('2026-01-15T12:00:00Z');
  assert.deepEqual(recipientClocks('+12125550123', at), [{ zone: 'America/New_York', time: '07:00' }]);
  assert.deepEqual(recipientClocks('55555', at), []);
});

test('drafts are kept per recipient, keyed by E.164, removed when empty, and never under a partly typed number', () => {
  const values = new Map<string, string>();
  const storage = {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
    removeItem: (k: string) => void values.delete(k),
  } as Storage;
  saveDraft(storage, '+1 415 555 0177', { body: 'Hello' });
  assert.deepEqual(loadDraft(storage, '+14155550177'), { body: 'Hello' });
  assert.equal(loadDraft(storage, '+14155550188'), undefined);
  saveDraft(storage, '+14155550177', { body: '' });
  assert.equal(values.size, 0);
  for (const partial of ['+1', '+1415', '+1 415 555']) saveDraft(storage, partial, { body: 'Hello' });
  assert.equal(values.size, 0);
  saveDraft(storage, '', { body: 'No recipient yet' });
  assert.deepEqual(loadDraft(storage, ''), { body: 'No recipient yet' });
  values.clear();
  values.set('sms-elements:draft:+14155550188', 'not json');
  assert.equal(loadDraft(storage, '+14155550188'), undefined);
});
