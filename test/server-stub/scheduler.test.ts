import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { openPglite } from '../../server-stub/store/db.js';
import { Store, type MessageRecord } from '../../server-stub/store/index.js';
import { TwilioApiError, TwilioUnreachableError, type TwilioGateway } from '../../server-stub/twilio/gateway.js';
import { backends, eventually, resetStore, startStub, TestClock, type Stub } from './harness.js';

const HOUR = 60 * 60 * 1000;

/** Counts the sends that reach Twilio; `fail` may throw instead for the first calls. */
function counting(calls: string[], fail?: (attempt: number) => Error | undefined) {
  return (gateway: TwilioGateway): TwilioGateway => ({
    ...gateway,
    createMessage: async (params) => {
      calls.push(params.body);
      const error = fail?.(calls.length);
      if (error) throw error;
      return gateway.createMessage(params);
    },
  });
}

const status = async (store: Store, id: string) => (await store.message(id))?.status;

for (const backend of backends) {
  describe(`sending later and reliably on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let openDb: () => ReturnType<Awaited<ReturnType<typeof backend.open>>['db']>;
    const stubs: Stub[] = [];
    const start = async (...args: Parameters<typeof startStub>) => {
      const stub = await startStub(...args);
      stubs.push(stub);
      return stub;
    };

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      openDb = opened.db;
      store = await Store.open(await opened.db());
    });
    beforeEach(async () => {
      await Promise.all(stubs.splice(0).map((stub) => stub.close()));
      await resetStore(store);
    });
    after(async () => {
      await Promise.all(stubs.splice(0).map((stub) => stub.close()));
      await store.close();
      await dispose();
    });

    const schedule = async (stub: Stub, body: string, inMs = HOUR, to = '+14155550177') => {
      const response = await stub.api('/v1/messages', { json: { from: '+14155550100', to, body, sendAt: new Date(stub.clock.now().getTime() + inMs).toISOString() } });
      assert.equal(response.status, 201);
      const message = await response.json();
      assert.equal(message.status, 'scheduled');
      return message.id as string;
    };

    test('a scheduled message waits for its time, then is sent once', async () => {
      const calls: string[] = [];
      const stub = await start(store, { wrapGateway: counting(calls) });
      const id = await schedule(stub, 'see you at 4');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await status(store, id), 'scheduled');
      stub.clock.advance(HOUR);
      await eventually(async () => ((await status(store, id)) === 'delivered' ? true : undefined));
      assert.deepEqual(calls, ['see you at 4']);
      const cancel = await stub.api(`/v1/messages/${id}/cancel`, { method: 'POST' });
      assert.equal(cancel.status, 409, 'too late to cancel');
    });

    test('scheduled messages survive a restart on the same database and are sent once', async () => {
      const clock = new TestClock();
      const calls: string[] = [];
      const dir = backend.name === 'pglite' ? await mkdtemp(join(tmpdir(), 'sms-data-')) : undefined;
      const openOwn = async () => Store.open(dir ? await openPglite(dir) : await openDb());
      let own = await openOwn();
      try {
        await resetStore(own);
        const first = await startStub(own, { clock });
        const id = await schedule(first, 'after the restart');
        await first.close();
        await own.close();
        clock.advance(HOUR);
        own = await openOwn();
        const second = await startStub(own, { clock, wrapGateway: counting(calls) });
        try {
          await eventually(async () => ((await status(own, id)) === 'delivered' ? true : undefined));
          await second.app.scheduler.tick();
          assert.deepEqual(calls, ['after the restart']);
        } finally {
          await second.close();
        }
      } finally {
        await own.close();
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    });

    test('two instances on one database send each scheduled message exactly once', async () => {
      const clock = new TestClock();
      const calls: string[] = [];
      const secondStore = backend.name === 'postgres' ? await Store.open(await openDb()) : store;
      try {
        const a = await start(store, { clock, wrapGateway: counting(calls) });
        const b = await start(secondStore, { clock, wrapGateway: counting(calls) });
        const ids: string[] = [];
        for (let i = 0; i < 12; i += 1) ids.push(await schedule(i % 2 ? a : b, `batch ${i}`, HOUR + i));
        clock.advance(HOUR + 100);
        await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick(), a.app.scheduler.tick(), b.app.scheduler.tick()]);
        await eventually(async () => ((await Promise.all(ids.map((id) => status(store, id)))).every((s) => s !== 'scheduled' && s !== 'sending') ? true : undefined));
        assert.deepEqual([...calls].sort(), ids.map((_, i) => `batch ${i}`).sort());
      } finally {
        if (secondStore !== store) {
          await Promise.all(stubs.splice(0).map((stub) => stub.close()));
          await secondStore.close();
        }
      }
    });

    test('a send caught mid-way by a crash is reconciled against Twilio, not sent blindly', async () => {
      const calls: string[] = [];
      const stub = await start(store, { staleSendMs: 5 * 60 * 1000, wrapGateway: counting(calls) });
      const stranded = async (body: string, to: string): Promise<MessageRecord> =>
        (
          await store.insertMessage({
            workspaceId: 'acme', contact: to, direction: 'outbound', from: '+14155550100', to, body, status: 'sending', errorCode: null,
            sentBy: 'alice', sendAt: null, createdAt: stub.clock.now(), segments: 1, encoding: 'GSM-7', twilioSid: null, mediaIds: [],
          })
        ).message;
      // Twilio took the first before the crash (its answer was lost); the second never reached it.
      const arrived = await stranded('arrived', '+14155550191');
      const twilioCopy = await stub.gateway.createMessage({ from: '+14155550100', to: '+14155550191', body: 'arrived', statusCallback: `${stub.url}/twilio/status?message=${arrived.id}` });
      const lost = await stranded('lost', '+14155550192');
      await stub.simulator.idle();
      calls.length = 0;
      stub.clock.advance(60 * 1000);
      await stub.app.scheduler.tick();
      assert.deepEqual(calls, [], 'not stale yet: another instance may still be sending');
      stub.clock.advance(5 * 60 * 1000);
      await stub.app.scheduler.tick();
      await stub.simulator.idle();
      assert.deepEqual(calls, ['lost'], 'only the one Twilio never saw is sent');
      const adopted = (await store.message(arrived.id))!;
      assert.equal(adopted.twilioSid, twilioCopy.sid);
      assert.equal(adopted.status, 'delivered');
      assert.equal(await status(store, lost.id), 'delivered');
    });

    test('retries with backoff only when Twilio surely did not get the request', async () => {
      const cases: [string, (attempt: number) => Error | undefined, number, number, string | undefined][] = [
        ['connection refused twice', (n) => (n <= 2 ? new TwilioUnreachableError('ECONNREFUSED', false) : undefined), 201, 3, 'queued'],
        ['429 then fine', (n) => (n === 1 ? new TwilioApiError(429, 20429, 'Too Many Requests') : undefined), 201, 2, 'queued'],
        ['503 every time', () => new TwilioApiError(503, 0, 'Service Unavailable'), 502, 3, undefined],
        ['timed out: may have arrived', () => new TwilioUnreachableError('timeout', true), 201, 1, 'sending'],
        ['refused: 400 21211', () => new TwilioApiError(400, 21211, 'invalid To'), 201, 1, 'failed'],
      ];
      for (const [name, fail, httpStatus, attempts, stored] of cases) {
        const calls: string[] = [];
        const stub = await start(store, { wrapGateway: counting(calls, fail) });
        const to = `+1415555${String(300 + stubs.length).padStart(4, '0')}`;
        const response = await stub.api('/v1/messages', { json: { from: '+14155550100', to, body: name } });
        assert.equal(response.status, httpStatus, name);
        assert.equal(calls.length, attempts, name);
        const answer = await response.json();
        // Once Twilio took it, its "sent" callback may land before the answer is written.
        if (stored === 'queued') assert.ok(['queued', 'sent', 'delivered'].includes(answer.status), `${name}: ${answer.status}`);
        else if (stored) assert.equal(answer.status, stored, name);
        else assert.equal(answer.error.code, 'twilio_unreachable');
        const thread = await (await stub.api(`/v1/messages?contact=${encodeURIComponent(to)}`)).json();
        assert.equal(thread.items.length, stored ? 1 : 0, `${name}: stored only if Twilio may have it`);
      }
    });
  });
}
