import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { migrate } from '../../server-stub/store/schema.js';
import { Store, type NewMessage } from '../../server-stub/store/index.js';
import { backends, resetStore } from './harness.js';

const at = new Date('2026-03-02T15:00:00Z');
const draft = (overrides: Partial<NewMessage> = {}): NewMessage => ({
  workspaceId: 'acme', contact: '+14155550177', direction: 'outbound', from: '+14155550100', to: '+14155550177', body: 'hi',
  status: 'scheduled', errorCode: null, sentBy: 'alice', sendAt: at, createdAt: at, segments: 1, encoding: 'GSM-7', twilioSid: null, mediaIds: [],
  ...overrides,
});

for (const backend of backends) {
  describe(`store on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      store = await Store.open(await opened.db());
    });
    beforeEach(() => resetStore(store));
    after(async () => {
      await store.close();
      await dispose();
    });

    test('migrations run once: starting again changes nothing', async () => {
      await store.insertMessage(draft());
      await migrate(store.db);
      await Promise.all([migrate(store.db), migrate(store.db)]);
      assert.equal((await store.thread('acme', '+14155550177', null, 10)).items.length, 1);
    });

    test('concurrent claims take each due message exactly once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i += 1) ids.push((await store.insertMessage(draft({ body: `m${i}` }))).message.id);
      const claims = await Promise.all(Array.from({ length: 6 }, () => store.claimDue(new Date(at.getTime() + 1), 7)));
      const claimed = claims.flat().map((m) => m.id);
      assert.equal(claimed.length, new Set(claimed).size, 'nobody claimed a message twice');
      const rest = await store.claimDue(new Date(at.getTime() + 1), 100);
      assert.deepEqual([...claimed, ...rest.map((m) => m.id)].sort(), [...ids].sort());
      assert.deepEqual(await store.claimDue(new Date(at.getTime() + 1), 100), []);
    });

    test('a message is not due before its time', async () => {
      await store.insertMessage(draft({ sendAt: new Date(at.getTime() + 1000) }));
      assert.deepEqual(await store.claimDue(at, 10), []);
    });

    test('event ids per workspace are gapless and increasing under concurrent appends', async () => {
      const batches = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.appendEvents(i % 2 ? 'acme' : 'globex', [{ type: 'recipient.updated', data: { i } }, { type: 'conversation.updated', data: { i } }], at),
        ),
      );
      const acme = await store.eventsAfter('acme', 0);
      const globex = (await store.eventsAfter('globex', 0)).map((e) => e.id);
      assert.deepEqual(acme.map((e) => e.id), Array.from({ length: 50 }, (_, i) => i + 1));
      assert.deepEqual(globex, Array.from({ length: 50 }, (_, i) => i + 1));
      for (const [first, second] of batches) assert.equal(second, first! + 1, 'a batch takes consecutive ids');
      const [first, second] = acme;
      assert.deepEqual([first!.type, second!.type], ['recipient.updated', 'conversation.updated'], 'a batch keeps its order');
      assert.deepEqual(first!.data, second!.data);
      assert.deepEqual(await store.eventBounds('acme'), { last: 50, oldestKept: 1 });
      await store.purge(new Date(at.getTime() + 1));
      assert.deepEqual(await store.eventBounds('acme'), { last: 50, oldestKept: 51 });
    });

    test('a Twilio sid is stored once: the second inbound copy is not a second message', async () => {
      const inbound = draft({ direction: 'inbound', status: 'received', twilioSid: `SM${'4'.repeat(32)}`, sendAt: null, sentBy: null });
      const [a, b] = await Promise.all([store.insertMessage(inbound), store.insertMessage(inbound)]);
      assert.deepEqual([a.created, b.created].sort(), [false, true]);
      assert.equal(a.message.id, b.message.id);
    });

    test('an idempotency key names one message per user', async () => {
      const key = { userId: 'alice', key: 'same', requestHash: 'h1' };
      const results = await Promise.all([store.insertMessage(draft(), key), store.insertMessage(draft(), key), store.insertMessage(draft(), key)]);
      assert.equal(new Set(results.map((r) => r.message.id)).size, 1);
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.equal(results.find((r) => !r.created)!.requestHash, 'h1');
      assert.equal((await store.thread('acme', '+14155550177', null, 10)).items.length, 1);
    });
  });
}
