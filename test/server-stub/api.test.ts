import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../server-stub/store/index.js';
import { backends, resetStore, startStub, type Stub } from './harness.js';
import { compareConversations, type Conversation } from '../../src/protocol/index.js';

for (const backend of backends) {
  describe(`HTTP API on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let stub: Stub;
    let staticDir: string;

    before(async () => {
      const opened = await backend.open();
      dispose = opened.dispose;
      store = await Store.open(await opened.db());
      staticDir = await mkdtemp(join(tmpdir(), 'sms-static-'));
      await mkdir(join(staticDir, 'demo'));
      await writeFile(join(staticDir, 'index.html'), '<h1>demo</h1>');
      await writeFile(join(staticDir, 'demo', 'app.js'), 'export {};');
      await writeFile(join(staticDir, '.env'), 'SECRET=1');
    });
    beforeEach(async () => {
      await stub?.close();
      await resetStore(store);
      stub = await startStub(store, { staticDir, allowedOrigins: ['https://crm.example'] });
    });
    after(async () => {
      await stub?.close();
      await store.close();
      await dispose();
    });

    const send = (json: unknown, init: { token?: string; key?: string } = {}) =>
      stub.api('/v1/messages', { json, ...(init.token ? { token: init.token } : {}), ...(init.key ? { headers: { 'Idempotency-Key': init.key } } : {}) });

    test('GET /v1/me lists own personal and external numbers and every group number with membership', async () => {
      const alice = await (await stub.api('/v1/me')).json();
      assert.deepEqual(alice.user, { id: 'alice', name: 'Alice' });
      assert.deepEqual(alice.workspace, { id: 'acme', name: 'Acme' });
      const numbers = Object.fromEntries(alice.numbers.map((n: { e164: string; kind: string; member: boolean }) => [n.e164, `${n.kind}:${n.member}`]));
      assert.deepEqual(numbers, {
        '+14155550100': 'personal:true',
        '+447400123456': 'personal:true',
        '+14155550101': 'group:true',
        '+61412345678': 'group:false',
        '+14155550102': 'personal:true',
        '+14155550103': 'external:true',
      });
      const bob = await (await stub.api('/v1/me', { token: 'demo-bob' })).json();
      assert.deepEqual(bob.numbers.map((n: { e164: string }) => n.e164).sort(), ['+14155550101', '+14155550110', '+61412345678']);
      const carol = await (await stub.api('/v1/me', { token: 'demo-carol' })).json();
      assert.equal(carol.workspace.name, 'Globex');
      assert.deepEqual(carol.numbers.map((n: { e164: string }) => n.e164), ['+14155550190']);
    });

    test('a missing or wrong token is 401 with the one error shape', async () => {
      for (const token of [null, 'nope']) {
        const response = await stub.api('/v1/me', { token });
        assert.equal(response.status, 401);
        assert.equal((await response.json()).error.code, 'unauthorized');
      }
    });

    test('sending stores the message before Twilio, answers 201 queued, and the callbacks deliver it', async () => {
      const seenByTwilio: string[] = [];
      await stub.close();
      stub = await startStub(store, {
        wrapGateway: (gateway) => ({
          ...gateway,
          createMessage: async (params) => {
            const id = new URL(params.statusCallback).searchParams.get('message')!;
            seenByTwilio.push((await store.message(id))!.status);
            return gateway.createMessage(params);
          },
        }),
      });
      const response = await send({ from: '+14155550100', to: '+1 (415) 555-0177', body: 'Hello there' });
      assert.equal(response.status, 201);
      const message = await response.json();
      // Twilio's "sent" callback may already have landed by the time the answer is written.
      assert.ok(['queued', 'sent'].includes(message.status), message.status);
      assert.equal(message.to, '+14155550177');
      assert.deepEqual([message.segments, message.encoding], [1, 'GSM-7']);
      assert.deepEqual(seenByTwilio, ['sending'], 'stored before Twilio was called');
      await stub.simulator.idle();
      const thread = await (await stub.api('/v1/messages?contact=%2B14155550177')).json();
      assert.equal(thread.items.length, 1);
      assert.equal(thread.items[0].status, 'delivered');
    });

    test('every send rule the server can break answers 422 rule_violation with that code', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['invalid_number', { from: '+14155550100', to: '12', body: 'x' }, 'to'],
        ['short_code', { from: '+14155550100', to: '55555', body: 'x' }, 'to'],
        ['unsupported_country', { from: '+14155550100', to: '+4915112345678', body: 'x' }, 'to'],
        ['no_sender', { to: '+33612345678', body: 'x' }, 'from'],
        ['sender_external', { from: '+14155550103', to: '+14155550177', body: 'x' }, 'from'],
        ['sender_not_sms_capable', { from: '+14155550102', to: '+14155550177', body: 'x' }, 'from'],
        ['sender_not_member', { from: '+61412345678', to: '+61412345679', body: 'x' }, 'from'],
        ['sender_not_member', { from: '+14155550110', to: '+14155550177', body: 'x' }, 'from'],
        ['international', { from: '+447400123456', to: '+14155550177', body: 'x' }, 'from'],
        ['body_empty', { from: '+14155550100', to: '+14155550177', body: '' }, 'body'],
        ['body_too_long', { from: '+14155550100', to: '+14155550177', body: 'a'.repeat(1001) }, 'body'],
        ['schedule_in_past', { from: '+14155550100', to: '+14155550177', body: 'x', sendAt: '2026-03-02T14:00:00Z' }, 'sendAt'],
        ['schedule_too_far', { from: '+14155550100', to: '+14155550177', body: 'x', sendAt: '2026-05-02T14:00:00Z' }, 'sendAt'],
      ];
      for (const [code, draft, field] of cases) {
        const response = await send(draft);
        assert.equal(response.status, 422, code);
        const { error } = await response.json();
        assert.equal(error.code, 'rule_violation');
        const violation = error.violations.find((v: { code: string }) => v.code === code);
        assert.ok(violation, `${code} in ${JSON.stringify(error.violations)}`);
        assert.equal(violation.field, field);
        assert.equal(typeof violation.message, 'string');
      }
      const thread = await (await stub.api('/v1/messages?contact=%2B14155550177')).json();
      assert.equal(thread.items.length, 0, 'nothing refused was stored');
    });

    test('attachment rules are judged on what the server stored, by upload id', async () => {
      const upload = async (type: string, size: number) =>
        (await stub.api('/v1/media', { method: 'POST', body: new Uint8Array(size), headers: { 'Content-Type': type, 'X-Filename': 'f' } })).json();
      const image = await upload('image/png', 10);
      const pdf = await upload('application/pdf', 400_000);
      const pdf2 = await upload('application/pdf', 300_000);
      const cases: [string, Record<string, unknown>][] = [
        ['mms_not_supported', { from: '+447400123456', to: '+447400123457', body: 'x', attachments: [{ id: image.id }] }],
        ['too_many_attachments', { from: '+14155550100', to: '+14155550177', body: 'x', attachments: Array.from({ length: 11 }, () => ({ id: image.id })) }],
        ['attachments_too_large', { from: '+14155550100', to: '+14155550177', body: 'x', attachments: [{ id: pdf.id }, { id: pdf2.id }] }],
      ];
      for (const [code, draft] of cases) {
        const response = await send(draft);
        assert.equal(response.status, 422, code);
        assert.ok((await response.json()).error.violations.some((v: { code: string }) => v.code === code), code);
      }
      const unknown = await send({ from: '+14155550100', to: '+14155550177', body: 'x', attachments: [{ id: 'med_missing' }] });
      assert.equal(unknown.status, 404);
      const carolsView = await send({ to: '+14155550177', body: 'x', attachments: [{ id: image.id }] }, { token: 'demo-carol' });
      assert.equal(carolsView.status, 404, "another workspace's upload does not exist for Carol");
    });

    test('an MMS goes out with a signed media URL Twilio can fetch', async () => {
      const png = Buffer.from('89504e470d0a1a0a', 'hex');
      const uploaded = await (
        await stub.api('/v1/media', { method: 'POST', body: png, headers: { 'Content-Type': 'image/png', 'X-Filename': encodeURIComponent('ünïcode photo.png') } })
      ).json();
      assert.equal(uploaded.name, 'ünïcode photo.png');
      const response = await send({ from: '+14155550100', to: '+14155550177', body: '', attachments: [{ id: uploaded.id }] });
      assert.equal(response.status, 201);
      const message = await response.json();
      assert.equal(message.media.length, 1);
      assert.equal(message.media[0].type, 'image/png');
      await stub.simulator.idle();
      const [stored] = (await (await stub.api('/v1/messages?contact=%2B14155550177')).json()).items;
      assert.equal(stored.status, 'delivered');
    });

    test('the same Idempotency-Key sends once and returns the same message; another body is 422', async () => {
      const draft = { from: '+14155550100', to: '+14155550178', body: 'Once only' };
      const calls: string[] = [];
      await stub.close();
      stub = await startStub(store, {
        wrapGateway: (gateway) => ({
          ...gateway,
          createMessage: (params) => {
            calls.push(params.to);
            return gateway.createMessage(params);
          },
        }),
      });
      const responses = await Promise.all([send(draft, { key: 'k-1' }), send(draft, { key: 'k-1' }), send(draft, { key: 'k-1' })]);
      const ids = await Promise.all(responses.map(async (r) => (assert.equal(r.status, 201), (await r.json()).id)));
      assert.equal(new Set(ids).size, 1);
      assert.equal(calls.length, 1);
      const other = await send({ ...draft, body: 'Different' }, { key: 'k-1' });
      assert.equal(other.status, 422);
      assert.equal((await other.json()).error.code, 'idempotency_key_reused');
      await stub.simulator.inbound({ from: '+14155550178', to: '+14155550100', body: 'STOP' });
      const afterStop = await send(draft, { key: 'k-1' });
      assert.equal(afterStop.status, 201, 'a retry answers as the first attempt did');
      assert.equal((await afterStop.json()).id, ids[0]);
      await stub.simulator.inbound({ from: '+14155550178', to: '+14155550100', body: 'START' });
      const bobSameKey = await send({ from: '+14155550110', to: '+14155550178', body: 'Bob' }, { token: 'demo-bob', key: 'k-1' });
      assert.equal(bobSameKey.status, 201, 'keys are scoped to the user');
      assert.equal(calls.length, 2);
    });

    test('Twilio refusing at once still answers 201 with the message failed and labelled', async () => {
      const response = await send({ from: '+14155550100', to: '+5215512345678', body: 'x' });
      assert.equal(response.status, 422, 'Mexico is refused by the rules before Twilio');
      await stub.simulator.inbound({ from: '+14155550179', to: '+14155550100', body: 'STOP' });
      await store.updateRecipient('acme', '+14155550179', stub.clock.now(), () => ({ optedOut: false, lastKeyword: 'START' }));
      const refused = await send({ from: '+14155550100', to: '+14155550179', body: 'still there?' });
      assert.equal(refused.status, 201);
      const message = await refused.json();
      assert.equal(message.status, 'failed');
      assert.equal(message.error.code, 21610);
      assert.equal(typeof message.error.label, 'string');
      assert.ok(message.error.reason.length > 0);
      const recipient = await (await stub.api('/v1/recipients/%2B14155550179')).json();
      assert.deepEqual([recipient.optedOut, recipient.blockedSenders], [false, ['+14155550100']], 'after START, 21610 blocks only that sender');
      const again = await send({ from: '+14155550100', to: '+14155550179', body: 'again' });
      assert.equal(again.status, 422);
      assert.equal((await again.json()).error.violations[0].code, 'opted_out');
      const otherSender = await send({ from: '+14155550101', to: '+14155550179', body: 'from the sales line' });
      assert.equal(otherSender.status, 201);
    });

    test('threads page newest first, each page oldest to newest', async () => {
      for (let i = 0; i < 5; i += 1) await send({ from: '+14155550100', to: '+14155550180', body: `m${i}` });
      const first = await (await stub.api('/v1/messages?contact=%2B14155550180&limit=2')).json();
      assert.deepEqual(first.items.map((m: { body: string }) => m.body), ['m3', 'm4']);
      const second = await (await stub.api(`/v1/messages?contact=%2B14155550180&limit=2&cursor=${first.nextCursor}`)).json();
      assert.deepEqual(second.items.map((m: { body: string }) => m.body), ['m1', 'm2']);
      const third = await (await stub.api(`/v1/messages?contact=%2B14155550180&limit=2&cursor=${second.nextCursor}`)).json();
      assert.deepEqual(third.items.map((m: { body: string }) => m.body), ['m0']);
      assert.equal(third.nextCursor, null);
      const bad = await stub.api('/v1/messages?contact=%2B14155550180&cursor=garbage');
      assert.equal(bad.status, 400);
    });

    test('the inbox orders by activity, filters unread and errored, searches, pages and keeps unread per user', async () => {
      await send({ from: '+14155550100', to: '+14155550161', body: 'to a landline' });
      await stub.simulator.idle();
      await stub.simulator.inbound({ from: '+14155550181', to: '+14155550101', body: 'Question about pricing' });
      stub.clock.advance(1000);
      await send({ from: '+14155550100', to: '+14155550182', body: 'newest' });
      const inbox = await (await stub.api('/v1/conversations')).json();
      assert.deepEqual(inbox.items.map((c: { contact: string }) => c.contact), ['+14155550182', '+14155550181', '+14155550161']);
      const landline = inbox.items.find((c: { contact: string }) => c.contact === '+14155550161');
      assert.equal(landline.contactName, 'Lena Landline');
      assert.equal(landline.hasError, true);
      assert.equal(landline.lastMessage.error.code, 30006);
      const errored = await (await stub.api('/v1/conversations?filter=errored')).json();
      assert.deepEqual(errored.items.map((c: { contact: string }) => c.contact), ['+14155550161']);
      const unread = await (await stub.api('/v1/conversations?filter=unread')).json();
      assert.deepEqual(unread.items.map((c: { contact: string }) => c.contact), ['+14155550181']);
      assert.equal((await stub.api('/v1/conversations/%2B14155550181/read', { method: 'POST' })).status, 200);
      assert.equal((await (await stub.api('/v1/conversations?filter=unread')).json()).items.length, 0);
      const bobUnread = await (await stub.api('/v1/conversations?filter=unread', { token: 'demo-bob' })).json();
      assert.equal(bobUnread.items.length, 1, 'unread is per user');
      for (const [q, expected] of [['pricing', ['+14155550181']], ['lena', ['+14155550161']], ['555 0182', ['+14155550182']]] as const) {
        const found = await (await stub.api(`/v1/conversations?q=${encodeURIComponent(q)}`)).json();
        assert.deepEqual(found.items.map((c: { contact: string }) => c.contact), expected, q);
      }
      // Two conversations with the same last activity: the stub breaks the tie as every client does.
      await Promise.all(['+14155550183', '+14155550184'].map((from) => stub.simulator.inbound({ from, to: '+14155550101', body: 'Same time' })));
      const tied = (await (await stub.api('/v1/conversations')).json()).items as Conversation[];
      assert.equal(tied[0]!.updatedAt, tied[1]!.updatedAt);
      assert.deepEqual(tied.slice(0, 2).map((c) => c.contact), ['+14155550184', '+14155550183']);
      assert.deepEqual(tied, [...tied].sort(compareConversations));
      const page1 = await (await stub.api('/v1/conversations?limit=1')).json();
      assert.equal(page1.items.length, 5, 'the page size is the server’s');
      const carol = await (await stub.api('/v1/conversations', { token: 'demo-carol' })).json();
      assert.equal(carol.items.length, 0, 'another workspace sees none of it');
      assert.equal((await stub.api('/v1/conversations/%2B14155550181/read', { method: 'POST', token: 'demo-carol' })).status, 404);
    });

    test('renting: available numbers, the voice-only warning, renting and using the new number', async () => {
      const gb = await (await stub.api('/v1/numbers/available?country=GB&areaCode=20')).json();
      assert.ok(gb.items.length > 0);
      assert.equal(gb.onlyVoice, true);
      const us = await (await stub.api('/v1/numbers/available?country=US&areaCode=212')).json();
      assert.equal(us.onlyVoice, false);
      const pick = us.items.find((n: { capabilities: { sms: boolean } }) => n.capabilities.sms);
      const rented = await stub.api('/v1/numbers', { json: { phoneNumber: pick.e164, kind: 'personal' } });
      assert.equal(rented.status, 201);
      const number = await rented.json();
      assert.deepEqual([number.e164, number.kind, number.member, number.capabilities.sms], [pick.e164, 'personal', true, true]);
      const again = await stub.api('/v1/numbers', { json: { phoneNumber: pick.e164, kind: 'personal' } });
      assert.equal(again.status, 409);
      const me = await (await stub.api('/v1/me')).json();
      assert.ok(me.numbers.some((n: { e164: string }) => n.e164 === pick.e164));
      const bob = await (await stub.api('/v1/me', { token: 'demo-bob' })).json();
      assert.ok(!bob.numbers.some((n: { e164: string }) => n.e164 === pick.e164), "a colleague's personal number stays hidden");
      const sent = await send({ from: pick.e164, to: '+12125550123', body: 'from my new number' });
      assert.equal(sent.status, 201);
      assert.equal((await stub.api('/v1/numbers/available?country=DE')).status, 400);
      assert.equal((await stub.api('/v1/numbers/available?country=usa')).status, 400);
    });

    test('media: 415 for types not allowed, 413 over the limit, served with auth or a signed URL only', async () => {
      const refused = await stub.api('/v1/media', { method: 'POST', body: '<svg/>', headers: { 'Content-Type': 'image/svg+xml' } });
      assert.equal(refused.status, 415);
      const tooBig = await stub.api('/v1/media', { method: 'POST', body: new Uint8Array(600_001), headers: { 'Content-Type': 'application/pdf' } });
      assert.equal(tooBig.status, 413);
      const bigImage = await stub.api('/v1/media', { method: 'POST', body: new Uint8Array(5_000_001), headers: { 'Content-Type': 'image/jpeg' } });
      assert.equal(bigImage.status, 413);
      const badName = await stub.api('/v1/media', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain', 'X-Filename': '%E0%A4%A' } });
      assert.equal(badName.status, 400);
      const card = await (
        await stub.api('/v1/media', { method: 'POST', body: 'BEGIN:VCARD', headers: { 'Content-Type': 'text/vcard', 'X-Filename': '..%2F..%2Fetc%2Fcard.vcf' } })
      ).json();
      assert.equal(card.name, 'card.vcf');
      const signed = await fetch(card.url);
      assert.equal(signed.status, 200);
      assert.equal(await signed.text(), 'BEGIN:VCARD');
      assert.equal(signed.headers.get('x-content-type-options'), 'nosniff');
      assert.match(signed.headers.get('content-disposition')!, /^attachment; filename\*=UTF-8''card\.vcf$/);
      assert.match(signed.headers.get('content-security-policy')!, /sandbox/);
      const path = new URL(card.url).pathname;
      assert.equal((await fetch(`${stub.url}${path}`)).status, 401, 'no signature, no token');
      const tampered = card.url.replace(/signature=[^&]+/, 'signature=AAAA');
      assert.equal((await fetch(tampered)).status, 401);
      assert.equal((await stub.api(path)).status, 200, 'the bearer token works too');
      assert.equal((await stub.api(path, { token: 'demo-carol' })).status, 404, "another workspace's file is 404");
      stub.clock.advance(2 * 60 * 60 * 1000);
      assert.equal((await fetch(card.url)).status, 401, 'signed URLs expire');
    });

    test('recipients show opt-out state and the line type', async () => {
      const landline = await (await stub.api('/v1/recipients/%2B14155550161')).json();
      assert.deepEqual(landline, { e164: '+14155550161', optedOut: false, blockedSenders: [], lineType: 'landline' });
      assert.equal((await stub.api('/v1/recipients/not-a-number')).status, 400);
    });

    test('cancel works until sent, then 409; only members of the sender may cancel', async () => {
      const scheduled = await (await send({ from: '+14155550101', to: '+14155550183', body: 'later', sendAt: '2026-03-03T15:00:00Z' })).json();
      assert.equal(scheduled.status, 'scheduled');
      assert.equal((await stub.api(`/v1/messages/${scheduled.id}/cancel`, { method: 'POST', token: 'demo-carol' })).status, 404);
      const canceled = await stub.api(`/v1/messages/${scheduled.id}/cancel`, { method: 'POST', token: 'demo-bob' });
      assert.equal(canceled.status, 200);
      assert.equal((await canceled.json()).status, 'canceled');
      const twice = await stub.api(`/v1/messages/${scheduled.id}/cancel`, { method: 'POST' });
      assert.equal(twice.status, 409);
      assert.equal((await twice.json()).error.code, 'not_scheduled');
      const mine = await (await send({ from: '+14155550100', to: '+14155550183', body: 'later', sendAt: '2026-03-03T15:00:00Z' })).json();
      assert.equal((await stub.api(`/v1/messages/${mine.id}/cancel`, { method: 'POST', token: 'demo-bob' })).status, 403);
      assert.equal((await stub.api('/v1/messages/msg_nope/cancel', { method: 'POST' })).status, 404);
    });

    test('bad input is 400/404/405/413/415 in the one error shape, never a 500', async () => {
      const cases: [string, RequestInit & { token?: string | null }, number][] = [
        ['/v1/messages', { method: 'POST', body: '{"to":', headers: { 'Content-Type': 'application/json' } }, 400],
        ['/v1/messages', { method: 'POST', body: '{"to": 5, "body": []}', headers: { 'Content-Type': 'application/json' } }, 400],
        ['/v1/messages', { method: 'POST', body: '[]', headers: { 'Content-Type': 'application/json' } }, 400],
        ['/v1/messages', { method: 'POST', body: 'to=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415],
        ['/v1/messages', { method: 'POST', body: JSON.stringify({ to: '+14155550177', body: 'x'.repeat(70_000) }), headers: { 'Content-Type': 'application/json' } }, 413],
        ['/v1/messages', { method: 'POST', body: '{"to": "+14155550177", "body": null}', headers: { 'Content-Type': 'application/json' } }, 400],
        ['/v1/messages', { method: 'POST', body: '{"from": "+14155550100", "to": "+14155550177", "body": "x", "sendAt": "garbage"}', headers: { 'Content-Type': 'application/json' } }, 422],
        ['/v1/messages', { method: 'POST', body: '{"to": "+14155550177", "body": "x"}', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k'.repeat(300) } }, 400],
        ['/v1/messages', { method: 'POST', body: '{"to": "+14155550177", "body": "x", "attachments": "nope"}', headers: { 'Content-Type': 'application/json' } }, 400],
        ['/v1/media', { method: 'POST', body: new Uint8Array([1]) }, 415],
        ['/v1/messages', { method: 'DELETE' }, 405],
        ['/v1/me', { method: 'POST' }, 405],
        ['/v1/nothing', {}, 404],
        ['/v1/messages?contact=abc', {}, 400],
        ['/v1/messages?contact=%2B14155550177&limit=0', {}, 400],
        ['/v1/conversations?filter=bogus', {}, 400],
        ['/v1/conversations?cursor=%7B', {}, 400],
        ['/v1/conversations/%E0%A4%A/read', { method: 'POST' }, 400],
        ['/v1/events', { headers: { 'Last-Event-ID': 'abc' } }, 400],
        ['/twilio/nothing', { token: null }, 404],
      ];
      for (const [path, init, status] of cases) {
        const response = await stub.api(path, init);
        assert.equal(response.status, status, `${init.method ?? 'GET'} ${path}`);
        const body = await response.json();
        assert.equal(typeof body.error.code, 'string');
        assert.equal(typeof body.error.message, 'string');
      }
      const allow = await stub.api('/v1/messages', { method: 'PUT' });
      assert.equal(allow.headers.get('allow'), 'GET, POST');
      assert.equal((await stub.api('/healthz', { token: null })).status, 200, 'still alive');
    });

    test('CORS answers allowed origins only, with the headers the elements send', async () => {
      const preflight = await fetch(`${stub.url}/v1/messages`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://crm.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://crm.example');
      for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Filename', 'Last-Event-ID']) {
        assert.ok(preflight.headers.get('access-control-allow-headers')!.includes(header), header);
      }
      const other = await fetch(`${stub.url}/v1/me`, { headers: { Origin: 'https://evil.example', Authorization: 'Bearer demo-alice' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });

    test('static files outside /v1 and /twilio, with safe paths', async () => {
      const index = await fetch(`${stub.url}/`);
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type')!, /text\/html/);
      assert.equal(await index.text(), '<h1>demo</h1>');
      assert.equal((await fetch(`${stub.url}/demo/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
      for (const path of ['/.env', '/%2e%2e/%2e%2e/etc/passwd', '/demo/../../etc/passwd', '/missing.js', '/%00']) {
        assert.equal((await fetch(`${stub.url}${path}`)).status, 404, path);
      }
      assert.equal((await fetch(`${stub.url}/`, { method: 'POST' })).status, 405);
    });

    test('healthz reports the database and answers 503 when it is gone', async () => {
      const ok = await fetch(`${stub.url}/healthz`);
      assert.deepEqual(await ok.json(), { status: 'ok', database: 'ok' });
      const broken = await startStub(
        Object.assign(Object.create(Store.prototype) as Store, {
          db: store.db,
          ping: async () => {
            const { DatabaseUnavailableError } = await import('../../server-stub/store/db.js');
            throw new DatabaseUnavailableError('connection refused');
          },
        }),
      );
      try {
        const down = await fetch(`${broken.url}/healthz`);
        assert.equal(down.status, 503);
        assert.equal((await down.json()).error.code, 'database_unavailable');
      } finally {
        await broken.close();
      }
    });
  });
}
