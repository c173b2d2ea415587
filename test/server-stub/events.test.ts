import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Store } from '../../server-stub/store/index.js';
import { backends, resetStore, startStub, type Stub } from './harness.js';

interface Received {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A fetch-based SSE reader: collects parsed events and comments until closed. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const received: Received[] = [];
  const ready = fetch(url, { headers, signal: controller.signal }).then(async (response) => {
    if (!response.ok || !response.body) return response;
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body!.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const item: Received = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) item.comment = line.slice(1).trim();
              const [field, ...rest] = line.split(': ');
              if (field === 'id' || field === 'event' || field === 'data') item[field] = rest.join(': ');
            }
            if (item.event || item.comment) received.push(item);
          }
        }
      } catch {
        // aborted by close()
      }
    })();
    return response;
  });
  return { ready, received, events: () => received.filter((r) => r.event), close: () => controller.abort() };
}

const waitFor = async (check: () => boolean, ms = 4000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

for (const backend of backends) {
  describe(`event stream on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let openDb: Awaited<ReturnType<typeof backend.open>>['db'];
    let stub: Stub;

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      openDb = opened.db;
      store = await Store.open(await opened.db());
    });
    beforeEach(async () => {
      await stub?.close();
      await resetStore(store);
      stub = await startStub(store, { heartbeatMs: 50 });
    });
    after(async () => {
      await stub?.close();
      await store.close();
      await dispose();
    });

    const send = (to: string, body: string, token = 'demo-alice', from = '+14155550100') =>
      stub.api('/v1/messages', { json: { from, to, body }, token });

    test('a live stream gets every change of its workspace with strictly increasing ids, and heartbeats', async () => {
      const alice = openStream(`${stub.url}/v1/events`, { Authorization: 'Bearer demo-alice' });
      const carol = openStream(`${stub.url}/v1/events?access_token=demo-carol`);
      assert.equal((await alice.ready).status, 200);
      assert.match((await carol.ready).headers.get('content-type')!, /^text\/event-stream/);
      await send('+14155550142', 'Hi Riley');
      await waitFor(() => alice.events().some((e) => e.event === 'message.created' && JSON.parse(e.data!).direction === 'inbound'));
      const types = alice.events().map((e) => e.event);
      for (const type of ['message.created', 'message.updated', 'conversation.updated']) assert.ok(types.includes(type), type);
      const ids = alice.events().map((e) => Number(e.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, ids.length);
      const created = JSON.parse(alice.events().find((e) => e.event === 'message.created')!.data!);
      assert.equal(created.body, 'Hi Riley');
      await waitFor(() => alice.received.some((r) => r.comment === 'ping'));
      assert.equal(carol.events().length, 0, 'Globex sees nothing of Acme');
      alice.close();
      carol.close();
    });

    test('Last-Event-ID resumes with nothing lost or repeated', async () => {
      const first = openStream(`${stub.url}/v1/events`, { Authorization: 'Bearer demo-alice' });
      await first.ready;
      await send('+14155550189', 'one');
      await waitFor(() => first.events().length >= 2);
      const lastSeen = first.events().at(-1)!.id!;
      first.close();
      for (let i = 0; i < 3; i += 1) await send('+14155550189', `while away ${i}`);
      await stub.simulator.idle();
      const all = await store.eventsAfter('acme', 0);
      const resumed = openStream(`${stub.url}/v1/events`, { Authorization: 'Bearer demo-alice', 'Last-Event-ID': lastSeen });
      await resumed.ready;
      await send('+14155550189', 'after resuming');
      const expected = all.filter((e) => e.id > Number(lastSeen) && (e.userId === null || e.userId === 'alice')).map((e) => e.id);
      await waitFor(() => resumed.events().length > expected.length);
      const got = resumed.events().map((e) => Number(e.id));
      assert.deepEqual(got.slice(0, expected.length), expected);
      assert.deepEqual(got, [...new Set(got)].sort((a, b) => a - b), 'no repeats, in order');
      resumed.close();
    });

    test('a Last-Event-ID older than what is kept, or unknown, gets a reset event', async () => {
      await send('+14155550189', 'old');
      await stub.simulator.idle();
      await store.purge(new Date(stub.clock.now().getTime() + 1000));
      await send('+14155550189', 'new');
      for (const lastEventId of ['1', '999999']) {
        const stream = openStream(`${stub.url}/v1/events?access_token=demo-alice`, { 'Last-Event-ID': lastEventId });
        await stream.ready;
        await waitFor(() => stream.events().length > 0);
        assert.equal(stream.events()[0]!.event, 'reset', lastEventId);
        stream.close();
      }
    });

    test('ids never become visible out of order under concurrent writers, and every stream sees the same sequence', async () => {
      const streams = Array.from({ length: 5 }, () => openStream(`${stub.url}/v1/events?access_token=demo-alice`));
      await Promise.all(streams.map((s) => s.ready));
      await Promise.all(Array.from({ length: 40 }, (_, i) => stub.app.services.events.publish('acme', [{ type: 'recipient.updated', data: { e164: `+1415555${i}`, optedOut: false, blockedSenders: [] } }])));
      await waitFor(() => streams.every((s) => s.events().length >= 40));
      const first = streams[0]!.events().map((e) => Number(e.id));
      assert.deepEqual(first, [...first].sort((a, b) => a - b));
      assert.equal(new Set(first).size, 40);
      for (const stream of streams) assert.deepEqual(stream.events().map((e) => Number(e.id)), first);
      streams.forEach((s) => s.close());
    });

    test('events written by one instance reach streams open on another', async () => {
      const otherStore = backend.name === 'postgres' ? await Store.open(await openDb()) : store;
      const other = await startStub(otherStore, { heartbeatMs: 50 });
      try {
        const stream = openStream(`${other.url}/v1/events?access_token=demo-bob`);
        await stream.ready;
        await send('+14155550193', 'sent through the first instance');
        await waitFor(() => stream.events().some((e) => e.event === 'message.created' && JSON.parse(e.data!).body === 'sent through the first instance'));
        stream.close();
      } finally {
        await other.close();
        if (otherStore !== store) await otherStore.close();
      }
    });

    const conversationUpdates = (stream: ReturnType<typeof openStream>, contact: string) =>
      stream.events().filter((e) => e.event === 'conversation.updated' && JSON.parse(e.data!).contact === contact);
    const marker = async (e164: string) => {
      const [id] = await stub.app.services.events.publish('acme', [{ type: 'recipient.updated', data: { e164, optedOut: false, blockedSenders: [] } }]);
      return String(id);
    };
    const sawMarker = (stream: ReturnType<typeof openStream>, id: string) => () => stream.events().some((e) => e.id === id);

    test('a read reaches the reader’s streams alone, once, and Last-Event-ID resumes honour the same addressing', async () => {
      const contact = '+14155550181';
      const alice = openStream(`${stub.url}/v1/events?access_token=demo-alice`);
      const bob = openStream(`${stub.url}/v1/events?access_token=demo-bob`);
      await Promise.all([alice.ready, bob.ready]);
      await stub.simulator.inbound({ from: contact, to: '+14155550101', body: 'Question about pricing' });
      await waitFor(() => [alice, bob].every((s) => conversationUpdates(s, contact).some((e) => JSON.parse(e.data!).unread === true)));
      const aliceBefore = alice.events().at(-1)!.id!;
      const bobBefore = bob.events().at(-1)!.id!;

      const read = await stub.api(`/v1/conversations/${encodeURIComponent(contact)}/read`, { method: 'POST' });
      assert.equal((await read.json()).unread, false);
      await waitFor(() => JSON.parse(conversationUpdates(alice, contact).at(-1)!.data!).unread === false);
      const readEvent = conversationUpdates(alice, contact).at(-1)!;
      assert.equal((await stub.api(`/v1/conversations/${encodeURIComponent(contact)}/read`, { method: 'POST' })).status, 200);
      const first = await marker('+14155550100');
      await waitFor(() => sawMarker(alice, first)() && sawMarker(bob, first)());
      assert.equal(conversationUpdates(alice, contact).filter((e) => JSON.parse(e.data!).unread === false).length, 1, 'reading again tells nobody');
      assert.ok(!bob.events().some((e) => e.id === readEvent.id), 'bob never gets alice’s read');
      assert.ok(conversationUpdates(bob, contact).every((e) => JSON.parse(e.data!).unread === true));
      const bobInbox = await (await stub.api('/v1/conversations?filter=unread', { token: 'demo-bob' })).json();
      assert.deepEqual(bobInbox.items.map((c: { contact: string }) => c.contact), [contact], 'bob’s stream agrees with his inbox');
      alice.close();
      bob.close();

      const second = await marker('+14155550110');
      const resumes = [
        { token: 'demo-alice', from: aliceBefore, expected: [readEvent.id, first, second] },
        { token: 'demo-alice', from: readEvent.id!, expected: [first, second] },
        { token: 'demo-bob', from: bobBefore, expected: [first, second] },
        { token: 'demo-bob', from: readEvent.id!, expected: [first, second] },
      ];
      for (const { token, from, expected } of resumes) {
        const resumed = openStream(`${stub.url}/v1/events?access_token=${token}`, { 'Last-Event-ID': from });
        await resumed.ready;
        await waitFor(sawMarker(resumed, second));
        assert.deepEqual(resumed.events().map((e) => e.id), expected, `${token} from ${from}`);
        resumed.close();
      }
    });

    test('each user’s stream carries their own unread: the sender has read what they answered, a colleague has not', async () => {
      const contact = '+14155550181';
      const alice = openStream(`${stub.url}/v1/events?access_token=demo-alice`);
      const bob = openStream(`${stub.url}/v1/events?access_token=demo-bob`);
      await Promise.all([alice.ready, bob.ready]);
      await stub.simulator.inbound({ from: contact, to: '+14155550101', body: 'Are you open on Sunday?' });
      await waitFor(() => [alice, bob].every((s) => conversationUpdates(s, contact).length > 0));
      assert.equal((await send(contact, 'Yes, from ten', 'demo-alice', '+14155550101')).status, 201);
      await stub.simulator.idle();
      const done = await marker('+14155550100');
      await waitFor(() => sawMarker(alice, done)() && sawMarker(bob, done)());
      for (const [stream, token, unread] of [[alice, 'demo-alice', false], [bob, 'demo-bob', true]] as const) {
        const last = JSON.parse(conversationUpdates(stream, contact).at(-1)!.data!);
        assert.equal(last.lastMessage.body, 'Yes, from ten');
        assert.equal(last.unread, unread, token);
        const inbox = await (await stub.api('/v1/conversations', { token })).json();
        assert.equal(inbox.items.find((c: { contact: string }) => c.contact === contact).unread, unread, `${token}'s inbox agrees`);
      }
      alice.close();
      bob.close();
    });

    test('the stream needs a valid token', async () => {
      assert.equal((await openStream(`${stub.url}/v1/events`).ready).status, 401);
      assert.equal((await openStream(`${stub.url}/v1/events?access_token=wrong`).ready).status, 401);
    });
  });
}
