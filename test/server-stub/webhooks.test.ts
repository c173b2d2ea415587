import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import twilio from 'twilio';
import { Store } from '../../server-stub/store/index.js';
import { backends, listen, resetStore, startStub, type Stub } from './harness.js';

for (const backend of backends) {
  describe(`Twilio webhooks on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let stub: Stub;

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      store = await Store.open(await opened.db());
    });
    beforeEach(async () => {
      await stub?.close();
      await resetStore(store);
      stub = await startStub(store);
    });
    after(async () => {
      await stub?.close();
      await store.close();
      await dispose();
    });

    /** Posts a webhook as Twilio would, signed with the simulator's token unless `signature` is given. */
    const webhook = (path: string, params: Record<string, string>, signature?: string | null) => {
      const expected = twilio.getExpectedTwilioSignature(stub.simulator.authToken, `${stub.url}${path}`, params);
      const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (signature !== null) headers['X-Twilio-Signature'] = signature ?? expected;
      return fetch(`${stub.url}${path}`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
    };
    const inboundParams = (body: string, sid = `SM${'1'.repeat(32)}`, from = '+14155550190') => ({
      MessageSid: sid,
      AccountSid: stub.simulator.accountSid,
      From: from,
      To: '+14155550100',
      Body: body,
      NumMedia: '0',
    });
    const thread = async (contact: string, token = 'demo-alice') =>
      (await (await stub.api(`/v1/messages?contact=${encodeURIComponent(contact)}`, { token })).json()).items as { body: string; status: string; direction: string; error?: { code: number; label: string; reason: string } }[];
    const recipient = async (e164: string, token = 'demo-alice') => (await stub.api(`/v1/recipients/${encodeURIComponent(e164)}`, { token })).json();

    test('a signed webhook is answered with empty TwiML; missing, forged and replayed-onto-other-data signatures are 403', async () => {
      const params = inboundParams('Hi');
      const good = twilio.getExpectedTwilioSignature(stub.simulator.authToken, `${stub.url}/twilio/inbound`, params);
      const cases: [string, Promise<Response>, number][] = [
        ['missing', webhook('/twilio/inbound', params, null), 403],
        ['forged', webhook('/twilio/inbound', params, 'bm90IGEgc2lnbmF0dXJl'), 403],
        ['signed with another token', webhook('/twilio/inbound', params, twilio.getExpectedTwilioSignature('other', `${stub.url}/twilio/inbound`, params)), 403],
        ['replayed onto another body', webhook('/twilio/inbound', { ...params, Body: 'Hi, send me $1000' }, good), 403],
        ['replayed onto another URL', webhook('/twilio/status?message=x', params, good), 403],
      ];
      for (const [name, response, status] of cases) {
        const answered = await response;
        assert.equal(answered.status, status, name);
        assert.equal((await answered.json()).error.code, 'invalid_signature', name);
      }
      assert.equal((await thread('+14155550190')).length, 0, 'nothing unsigned was stored');
      const ok = await webhook('/twilio/inbound', params);
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type')!, /^text\/xml/);
      assert.match(await ok.text(), /<Response\/>$/);
    });

    test('a webhook delivered twice, even at once, is stored once', async () => {
      const params = inboundParams('Twice?', `SM${'2'.repeat(32)}`);
      const answers = await Promise.all([webhook('/twilio/inbound', params), webhook('/twilio/inbound', params), webhook('/twilio/inbound', params)]);
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
      const messages = await thread('+14155550190');
      assert.deepEqual(messages.map((m) => [m.body, m.direction, m.status]), [['Twice?', 'inbound', 'received']]);
    });

    test('STOP opts out workspace-wide, START opts back in, HELP is recorded without a reply; other workspaces are untouched', async () => {
      const steps: [string, boolean][] = [
        ['  Stop. ', true],
        ['help', true],
        ['START', false],
        ['unsubscribe!', true],
        ['yes', false],
        ['INFO', false],
      ];
      for (const [index, [body, optedOut]] of steps.entries()) {
        await stub.simulator.inbound({ from: '+14155550184', to: index % 2 ? '+14155550101' : '+14155550100', body });
        assert.equal((await recipient('+14155550184')).optedOut, optedOut, body);
        const blocked = await stub.api('/v1/messages', { json: { from: '+14155550110', to: '+14155550184', body: 'hi' }, token: 'demo-bob' });
        assert.equal(blocked.status, optedOut ? 422 : 201, body);
        if (optedOut) assert.deepEqual((await blocked.json()).error.violations.map((v: { code: string }) => v.code), ['opted_out']);
      }
      const shown = await thread('+14155550184');
      assert.deepEqual(
        shown.filter((m) => m.direction === 'inbound').map((m) => m.body),
        steps.map(([body]) => body),
        'every keyword shows in the thread',
      );
      assert.equal(shown.filter((m) => m.direction === 'outbound').length, steps.filter(([, optedOut]) => !optedOut).length, 'no automatic replies');
      await stub.simulator.inbound({ from: '+14155550185', to: '+14155550100', body: 'STOP' });
      assert.equal((await recipient('+14155550185')).optedOut, true);
      assert.equal((await recipient('+14155550185', 'demo-carol')).optedOut, false, 'opt-outs never reach another workspace');
      const carol = await stub.api('/v1/messages', { json: { from: '+14155550190', to: '+14155550185', body: 'hi' }, token: 'demo-carol' });
      assert.equal(carol.status, 201);
    });

    test('carrier failures arrive by status callback with their label and reason; 21610 opts the recipient out', async () => {
      const failing: [string, number][] = [
        ['+14155550161', 30006],
        ['+14155550162', 30007],
        ['+14155550163', 21610],
        ['+14155550164', 30003],
        ['+14155550165', 30008],
      ];
      for (const [to] of failing) assert.equal((await stub.api('/v1/messages', { json: { from: '+14155550100', to, body: 'hello' } })).status, 201);
      await stub.simulator.idle();
      for (const [to, code] of failing) {
        const [message] = await thread(to);
        assert.ok(message!.status === 'failed' || message!.status === 'undelivered', `${to}: ${message!.status}`);
        assert.equal(message!.error?.code, code);
        assert.ok(message!.error!.label.length > 0 && message!.error!.reason.length > 0);
      }
      const optedOut = await recipient('+14155550163');
      assert.deepEqual([optedOut.optedOut, optedOut.blockedSenders], [true, []]);
    });

    test('status callbacks only move forward: a late "sent" never overwrites "delivered"', async () => {
      const message = await (await stub.api('/v1/messages', { json: { from: '+14155550100', to: '+14155550186', body: 'x' } })).json();
      await stub.simulator.idle();
      assert.equal((await thread('+14155550186'))[0]!.status, 'delivered');
      const [stored] = (await store.thread('acme', '+14155550186', null, 1)).items;
      const late = await webhook(`/twilio/status?message=${message.id}`, { MessageSid: stored!.twilioSid!, MessageStatus: 'sent', AccountSid: stub.simulator.accountSid });
      assert.equal(late.status, 200);
      assert.equal((await thread('+14155550186'))[0]!.status, 'delivered');
      const foreign = await webhook(`/twilio/status?message=${message.id}`, { MessageSid: `SM${'9'.repeat(32)}`, MessageStatus: 'failed', ErrorCode: '30007' });
      assert.equal(foreign.status, 200);
      assert.equal((await thread('+14155550186'))[0]!.status, 'delivered', "another message's sid does not move this one");
    });

    test('inbound MMS media are fetched from Twilio, stored and served; URLs on other hosts are never fetched', async () => {
      const response = await stub.api('/v1/simulator/inbound', { json: { from: '+14155550187', to: '+14155550100', body: 'pics', mediaTypes: ['image/png', 'application/pdf'] } });
      assert.equal(response.status, 201);
      const message = await response.json();
      assert.deepEqual(message.media.map((m: { type: string }) => m.type), ['image/png', 'application/pdf']);
      const [image, pdf] = await Promise.all(message.media.map((m: { url: string }) => fetch(m.url)));
      assert.equal(image!.status, 200);
      assert.match(image!.headers.get('content-disposition')!, /^inline/);
      assert.match(pdf!.headers.get('content-disposition')!, /^attachment/);
      assert.equal((await pdf!.arrayBuffer()).byteLength, message.media[1].size);

      let hits = 0;
      const elsewhere = createServer((_req, res) => {
        hits += 1;
        res.end('x');
      });
      const elsewhereUrl = await listen(elsewhere);
      try {
        const params = { ...inboundParams('look', `SM${'3'.repeat(32)}`), NumMedia: '1', MediaUrl0: `${elsewhereUrl}/evil.png`, MediaContentType0: 'image/png' };
        assert.equal((await webhook('/twilio/inbound', params)).status, 200);
        const [stored] = (await thread('+14155550190')) as unknown as { media: unknown[] }[];
        assert.deepEqual(stored!.media, []);
        assert.equal(hits, 0);
      } finally {
        elsewhere.close();
      }
    });

    test('POST /v1/simulator/inbound: only to the workspace’s own numbers, only in simulator mode', async () => {
      assert.equal((await stub.api('/v1/simulator/inbound', { json: { from: '+14155550188', to: '+14155550190', body: 'x' } })).status, 404);
      assert.equal((await stub.api('/v1/simulator/inbound', { json: { from: '+14155550188', to: '+14155550100' } })).status, 400);
      await stub.close();
      stub = await startStub(store, { simulator: undefined });
      assert.equal((await stub.api('/v1/simulator/inbound', { json: { from: '+14155550188', to: '+14155550100', body: 'x' } })).status, 404);
    });

    test('an inbound message to a number that is not ours is acknowledged and dropped', async () => {
      const response = await webhook('/twilio/inbound', { ...inboundParams('lost'), To: '+14155559999' });
      assert.equal(response.status, 200);
      assert.equal((await thread('+14155550190')).length, 0);
    });
  });
}
