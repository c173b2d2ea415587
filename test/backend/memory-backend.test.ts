import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { BackendError } from '../../src/backend/types.js';
import type { Message, SmsEvent } from '../../src/protocol/index.js';

const fast = { sent: 5, delivered: 5, reply: 5, upload: 0 };
const backends: MemoryBackend[] = [];
const make = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) => {
  const backend = new MemoryBackend({ delays: fast, ...options });
  backends.push(backend);
  return backend;
};
afterEach(() => backends.splice(0).forEach((b) => b.dispose()));

async function until<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeout = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() - start > timeout) assert.fail(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const rejection = async (promise: Promise<unknown>): Promise<BackendError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BackendError);
    return error;
  }
  assert.fail('expected a BackendError');
};

const latest = async (backend: MemoryBackend, contact: string): Promise<Message> => {
  const page = await backend.messages({ contact });
  return page.items[page.items.length - 1]!;
};

test('each user sees their own and the group numbers, with membership', async () => {
  const alice = await make().me();
  assert.equal(alice.user.id, 'alice');
  const byLabel = Object.fromEntries(alice.numbers.map((n) => [n.label, n.member]));
  assert.deepEqual(byLabel, {
    'Alice (US)': true,
    'Alice (UK)': true,
    'Sales line': true,
    'Support AU': false,
    'Front desk': true,
    "Alice's cell": false,
  });
  const carol = await make({ token: 'demo-carol' }).me();
  assert.deepEqual(carol.numbers.map((n) => n.e164), ['+14155550190']);
});

test('a message goes queued, sent, delivered, and events tell each step', async () => {
  const backend = make();
  const events: SmsEvent[] = [];
  backend.subscribe((event) => events.push(event));
  const message = await backend.send({ to: '+1 415 555 0177', body: 'Hello' });
  assert.equal(message.status, 'queued');
  assert.equal(message.from, '+14155550100', 'the personal US number is chosen for a US recipient');
  assert.equal(message.to, '+14155550177');
  await until(() => latest(backend, '+14155550177'), (m) => m.status === 'delivered');
  const statuses = events.filter((e) => e.type === 'message.updated' || e.type === 'message.created').map((e) => (e.data as Message).status);
  assert.deepEqual(statuses.slice(-3), ['queued', 'sent', 'delivered']);
  const ids = events.map((e) => Number(e.id));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.ok(events.some((e) => e.type === 'conversation.updated'));
});

test('a draft that breaks rules is refused with 422 and every violation', async () => {
  const error = await rejection(make().send({ from: '+14155550103', to: '+4915112345678', body: '' }));
  assert.equal(error.status, 422);
  assert.equal(error.code, 'rule_violation');
  assert.deepEqual(error.violations.map((v) => v.code).sort(), ['body_empty', 'sender_external', 'unsupported_country']);
});

const failures = [
  { to: '+14155550161', code: 30006, status: 'undelivered' },
  { to: '+14155550162', code: 30007, status: 'undelivered' },
  { to: '+14155550164', code: 30003, status: 'undelivered' },
  { to: '+14155550165', code: 30008, status: 'undelivered' },
];
for (const failure of failures) {
  test(`${failure.to} fails with ${failure.code} and its label`, async () => {
    const backend = make();
    await backend.send({ to: failure.to, body: 'Hi' });
    const message = await until(() => latest(backend, failure.to), (m) => m.status === failure.status);
    assert.equal(message.error?.code, failure.code);
    assert.ok(message.error?.label && message.error.reason);
    const errored = await backend.conversations({ filter: 'errored' });
    assert.ok(errored.items.some((c) => c.contact === failure.to));
  });
}

test('21610 refuses at once, opts the recipient out, and the next send is a violation', async () => {
  const backend = make();
  const message = await backend.send({ to: '+14155550163', body: 'Hi' });
  assert.equal(message.status, 'failed');
  assert.equal(message.error?.code, 21610);
  assert.equal((await backend.recipient('+14155550163')).optedOut, true);
  const error = await rejection(backend.send({ to: '+14155550163', body: 'Again' }));
  assert.deepEqual(error.violations.map((v) => v.code), ['opted_out']);
});

test('the replying number answers, and the conversation is unread per user', async () => {
  const alice = make();
  const bob = alice.forToken('demo-bob')!;
  await alice.send({ to: '+14155550142', body: 'Are you there?' });
  const reply = await until(() => latest(alice, '+14155550142'), (m) => m.direction === 'inbound' && m.body.startsWith('Thanks'));
  assert.equal(reply.status, 'received');
  assert.equal(reply.to, '+14155550100');
  const unread = async (backend: MemoryBackend) => (await backend.conversations()).items.find((c) => c.contact === '+14155550142')!.unread;
  assert.equal(await unread(alice), true);
  await alice.markRead('+14155550142');
  assert.equal(await unread(alice), false);
  assert.equal(await unread(bob), true);
});

test('STOP opts out workspace-wide, START opts back in', async () => {
  const alice = make();
  await alice.inbound({ from: '+14155550177', to: '+14155550101', body: ' stop! ' });
  assert.equal((await alice.recipient('+14155550177')).optedOut, true);
  const error = await rejection(alice.send({ from: '+14155550100', to: '+14155550177', body: 'Hi' }));
  assert.ok(error.violations.some((v) => v.code === 'opted_out'));
  await alice.inbound({ from: '+14155550177', to: '+14155550101', body: 'START' });
  assert.equal((await alice.recipient('+14155550177')).optedOut, false);
  assert.equal((await alice.send({ to: '+14155550177', body: 'Welcome back' })).status, 'queued');
  assert.equal((await make({ token: 'demo-carol' }).recipient('+14155550177')).optedOut, false, 'other workspaces are untouched');
});

test('a scheduled message is sent at its time; a cancelled one never is', async () => {
  const backend = make();
  const soon = await backend.send({ to: '+14155550177', body: 'Later', sendAt: new Date(Date.now() + 150).toISOString() });
  assert.equal(soon.status, 'scheduled');
  const canceled = await backend.send({ to: '+14155550178', body: 'Never', sendAt: new Date(Date.now() + 100).toISOString() });
  assert.equal((await backend.cancel(canceled.id)).status, 'canceled');
  assert.equal((await rejection(backend.cancel(canceled.id))).status, 409);
  await until(() => latest(backend, '+14155550177'), (m) => m.status === 'delivered');
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal((await latest(backend, '+14155550178')).status, 'canceled');
});

test('a send retried with the same Idempotency-Key is one message; another body is refused', async () => {
  const backend = make();
  const first = await backend.send({ to: '+14155550177', body: 'Once' }, { idempotencyKey: 'k1' });
  const again = await backend.send({ to: '+14155550177', body: 'Once' }, { idempotencyKey: 'k1' });
  assert.equal(again.id, first.id);
  assert.equal((await backend.messages({ contact: '+14155550177' })).items.filter((m) => m.body === 'Once').length, 1);
  assert.equal((await rejection(backend.send({ to: '+14155550177', body: 'Other' }, { idempotencyKey: 'k1' }))).status, 422);
  const bob = backend.forToken('demo-bob')!;
  const bobs = await bob.send({ to: '+14155550177', body: 'Once' }, { idempotencyKey: 'k1' });
  assert.notEqual(bobs.id, first.id, 'keys are scoped to the user');
});

test('messages page newest first, each page oldest to newest', async () => {
  const backend = make({ seed: false });
  for (let i = 0; i < 120; i += 1) await backend.inbound({ from: '+14155550177', to: '+14155550100', body: `m${i}` });
  const first = await backend.messages({ contact: '+14155550177' });
  assert.deepEqual([first.items[0]!.body, first.items[49]!.body], ['m70', 'm119']);
  const second = await backend.messages({ contact: '+14155550177', cursor: first.nextCursor });
  assert.deepEqual([second.items[0]!.body, second.items[49]!.body], ['m20', 'm69']);
  const third = await backend.messages({ contact: '+14155550177', cursor: second.nextCursor });
  assert.equal(third.items.length, 20);
  assert.equal(third.nextCursor, null);
});

test('conversations are newest first, filtered and searched', async () => {
  const backend = make();
  const all = (await backend.conversations()).items;
  const times = all.map((c) => c.updatedAt);
  assert.deepEqual(times, [...times].sort().reverse());
  assert.deepEqual((await backend.conversations({ q: 'priya' })).items.map((c) => c.contact), ['+447400654321']);
  assert.deepEqual((await backend.conversations({ q: 'pricing' })).items.map((c) => c.contact), ['+14155550177']);
  assert.ok((await backend.conversations({ filter: 'unread' })).items.every((c) => c.unread));
  assert.ok((await backend.conversations({ filter: 'errored' })).items.some((c) => c.contact === '+14155550161'));
});

test('Last-Event-ID replays what was missed, or resets when it is too old', async () => {
  const backend = make({ eventRetention: 5 });
  const seen: SmsEvent[] = [];
  const stop = backend.subscribe((event) => seen.push(event));
  await backend.inbound({ from: '+14155550177', to: '+14155550100', body: 'one' });
  stop();
  const lastId = seen[seen.length - 1]!.id;
  await backend.inbound({ from: '+14155550177', to: '+14155550100', body: 'two' });
  const replayed: SmsEvent[] = [];
  backend.subscribe((event) => replayed.push(event), { lastEventId: lastId });
  assert.ok(replayed.length > 0 && replayed.every((e) => Number(e.id) > Number(lastId)));
  assert.ok(replayed.some((e) => e.type === 'message.created' && e.data.body === 'two'));
  for (let i = 0; i < 5; i += 1) await backend.inbound({ from: '+14155550177', to: '+14155550100', body: `x${i}` });
  const reset: SmsEvent[] = [];
  backend.subscribe((event) => reset.push(event), { lastEventId: lastId });
  assert.equal(reset[0]?.type, 'reset');
});

test('renting: London area code 20 is voice-only; a US number can be rented and then sends', async () => {
  const backend = make();
  const london = await backend.availableNumbers({ country: 'GB', areaCode: '20' });
  assert.equal(london.onlyVoice, true);
  const us = await backend.availableNumbers({ country: 'US', areaCode: '212' });
  assert.equal(us.onlyVoice, false);
  assert.ok(us.items.every((n) => n.capabilities.sms && n.capabilities.mms));
  const rented = await backend.rentNumber({ phoneNumber: us.items[0]!.e164, kind: 'personal' });
  assert.equal(rented.member, true);
  assert.ok((await backend.me()).numbers.some((n) => n.e164 === rented.e164));
  assert.equal((await backend.send({ from: rented.e164, to: '+14155550177', body: 'From my new number' })).from, rented.e164);
});

test('uploads refuse a type that cannot be sent (415) and report progress', async () => {
  const backend = make({ delays: { ...fast, upload: 8 } });
  const svg = new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' });
  assert.equal((await rejection(backend.upload(svg))).status, 415);
  const progress: number[] = [];
  const media = await backend.upload(new File([new Uint8Array(1000)], 'a.png', { type: 'image/png' }), { onProgress: (loaded) => progress.push(loaded) });
  assert.equal(media.size, 1000);
  assert.deepEqual(progress, [250, 500, 750, 1000]);
  const sent = await backend.send({ to: '+14155550177', body: '', attachments: [{ id: media.id }] });
  assert.equal(sent.media[0]?.id, media.id);
});
