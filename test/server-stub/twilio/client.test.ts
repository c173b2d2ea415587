import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { createTwilioGateway, numberSearchParams } from '../../../server-stub/twilio/client.js';
import {
  MediaUrlRefusedError,
  TwilioApiError,
  TwilioUnreachableError,
  type TwilioGateway,
} from '../../../server-stub/twilio/gateway.js';
import { listen, startHarness, stop, type Harness } from './harness.js';

let h: Harness;
let gateway: TwilioGateway;

before(async () => {
  h = await startHarness();
  gateway = createTwilioGateway({
    accountSid: h.simulator.accountSid,
    authToken: h.simulator.authToken,
    apiBaseUrl: h.apiUrl,
  });
});
after(() => h.close());

const statusCallback = (id: string) => `${h.receiverUrl}/twilio/status?message=${id}`;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('sending', () => {
  test('a message is queued, then reported sent and delivered by callbacks signed as Twilio signs them', async () => {
    const message = await gateway.createMessage({ from: '+14155550100', to: '+14155550123', body: 'Hello', statusCallback: statusCallback('m1') });
    assert.equal(message.status, 'queued');
    assert.match(message.sid, /^SM[0-9a-f]{32}$/);
    assert.equal(message.to, '+14155550123');
    assert.ok(message.dateCreated instanceof Date && !Number.isNaN(message.dateCreated.getTime()));

    const delivered = await h.webhook((w) => w.params.MessageSid === message.sid && w.params.MessageStatus === 'delivered');
    const sent = h.webhooks.find((w) => w.params.MessageSid === message.sid && w.params.MessageStatus === 'sent');
    assert.ok(sent, 'a "sent" callback comes before "delivered"');
    assert.ok(h.webhooks.indexOf(sent) < h.webhooks.indexOf(delivered));
    assert.equal(delivered.url, statusCallback('m1'));
    assert.equal(delivered.params.ErrorCode, undefined);
    assert.equal(delivered.params.AccountSid, h.simulator.accountSid);
    assert.ok(twilio.validateRequest(h.simulator.authToken, delivered.signature!, delivered.url, delivered.params));
    assert.ok(gateway.validateSignature(delivered.signature!, delivered.url, delivered.params));
    assert.equal(gateway.validateSignature(delivered.signature!, delivered.url, { ...delivered.params, MessageStatus: 'failed' }), false);
    assert.equal(gateway.validateSignature(delivered.signature!, `${h.receiverUrl}/twilio/status?message=other`, delivered.params), false);
    assert.equal((await gateway.fetchMessage(message.sid)).status, 'delivered');
  });

  const outcomes = [
    { to: '+14155550161', status: 'undelivered', code: 30006, label: 'landline' },
    { to: '+14155550162', status: 'undelivered', code: 30007, label: 'filtered as spam' },
    { to: '+14155550163', status: 'failed', code: 21610, label: 'opted out at the carrier' },
    { to: '+14155550164', status: 'undelivered', code: 30003, label: 'unreachable' },
    { to: '+14155550165', status: 'undelivered', code: 30008, label: 'unknown' },
  ];
  for (const { to, status, code, label } of outcomes) {
    test(`${to} (${label}) ends ${status} with ${code}`, async () => {
      const message = await gateway.createMessage({ from: '+14155550101', to, body: 'Hi', statusCallback: statusCallback(to) });
      assert.equal(message.status, 'queued');
      const final = await h.webhook((w) => w.params.MessageSid === message.sid && w.params.MessageStatus === status);
      assert.equal(final.params.ErrorCode, String(code));
      assert.ok(twilio.validateRequest(h.simulator.authToken, final.signature!, final.url, final.params));
      const fetched = await gateway.fetchMessage(message.sid);
      assert.deepEqual([fetched.status, fetched.errorCode], [status, code]);
    });
  }

  test('+14155550142 replies to the sender with a signed inbound webhook', async () => {
    const message = await gateway.createMessage({ from: '+14155550110', to: '+14155550142', body: 'Are you there?', statusCallback: statusCallback('r') });
    const reply = await h.webhook((w) => w.path === '/twilio/inbound' && w.params.From === '+14155550142' && w.params.To === '+14155550110');
    assert.match(reply.params.Body!, /Are you there\?/);
    assert.equal(reply.params.SmsStatus, 'received');
    assert.equal(reply.params.NumMedia, '0');
    assert.ok(gateway.validateSignature(reply.signature!, reply.url, reply.params));
    const delivered = h.webhooks.find((w) => w.params.MessageSid === message.sid && w.params.MessageStatus === 'delivered');
    assert.ok(delivered && h.webhooks.indexOf(delivered) < h.webhooks.indexOf(reply), 'the reply follows delivery');
  });

  const refusals = [
    { name: 'an invalid recipient', from: '+14155550100', to: '+1415555', status: 400, code: 21211 },
    { name: 'a sender the account does not own', from: '+14155550199', to: '+14155550123', status: 400, code: 21659 },
    { name: 'a voice-only sender', from: '+14155550102', to: '+14155550123', status: 400, code: 21606 },
    { name: 'a recipient outside the enabled regions', from: '+14155550100', to: '+4915123456789', status: 400, code: 21408 },
    { name: 'the sender itself', from: '+14155550100', to: '+14155550100', status: 400, code: 21266 },
  ];
  for (const { name, from, to, status, code } of refusals) {
    test(`Twilio refuses ${name} at once with ${code}`, async () => {
      const error = await rejection(gateway.createMessage({ from, to, body: 'Hi', statusCallback: statusCallback('x') }));
      assert.ok(error instanceof TwilioApiError, String(error));
      assert.deepEqual([error.status, error.code], [status, code]);
      assert.ok(error.message.length > 0);
    });
  }

  test('after STOP the pair is refused with 21610 at once, and START lifts it', async () => {
    const send = () => gateway.createMessage({ from: '+14155550101', to: '+14155550177', body: 'Offer', statusCallback: statusCallback('s') });
    await send();
    await h.simulator.inbound({ from: '+14155550177', to: '+14155550101', body: ' stop! ' });
    const error = await rejection(send());
    assert.ok(error instanceof TwilioApiError);
    assert.equal(error.code, 21610);
    // Twilio's default opt-out is per sender: another number of the account still reaches them.
    assert.equal((await gateway.createMessage({ from: '+14155550100', to: '+14155550177', body: 'Hi', statusCallback: statusCallback('s') })).status, 'queued');
    await h.simulator.inbound({ from: '+14155550177', to: '+14155550101', body: 'START' });
    assert.equal((await send()).status, 'queued');
  });

  test('listMessages finds sends by To, From and DateSent>', async () => {
    const start = new Date(Date.now() - 1000);
    const first = await gateway.createMessage({ from: '+14155550100', to: '+14155550155', body: 'one', statusCallback: statusCallback('l') });
    const second = await gateway.createMessage({ from: '+14155550100', to: '+14155550155', body: 'two', statusCallback: statusCallback('l') });
    await gateway.createMessage({ from: '+14155550101', to: '+14155550155', body: 'other sender', statusCallback: statusCallback('l') });
    const found = await gateway.listMessages({ to: '+14155550155', from: '+14155550100', dateSentAfter: start });
    assert.deepEqual(found.map((m) => m.sid).sort(), [first.sid, second.sid].sort());
    assert.deepEqual(await gateway.listMessages({ to: '+14155550155', from: '+14155550100', dateSentAfter: new Date(Date.now() + 60_000) }), []);
  });
});

describe('numbers', () => {
  test('areaCode is AreaCode in the US and Canada, an anchored Contains elsewhere', () => {
    const table = [
      { in: { country: 'US', areaCode: '212' }, out: { areaCode: 212 } },
      { in: { country: 'CA', areaCode: '604', contains: '77' }, out: { areaCode: 604, contains: '77' } },
      { in: { country: 'GB', areaCode: '20' }, out: { contains: '+4420' } },
      { in: { country: 'GB', areaCode: '020' }, out: { contains: '+4420' } },
      { in: { country: 'AU', areaCode: '(02)' }, out: { contains: '+612' } },
      { in: { country: 'PR', areaCode: '787' }, out: { contains: '+1787' } },
      { in: { country: 'FR', contains: '66' }, out: { contains: '66' } },
      { in: { country: 'US' }, out: {} },
    ];
    for (const row of table) assert.deepEqual(numberSearchParams(row.in), row.out, JSON.stringify(row.in));
  });

  test('a US area code search sends AreaCode and finds SMS, MMS and voice numbers in it', async () => {
    h.apiRequests.length = 0;
    const numbers = await gateway.availableNumbers({ country: 'US', areaCode: '212' });
    assert.ok(numbers.length > 0);
    assert.ok(h.apiRequests.some((r) => r.includes('/AvailablePhoneNumbers/US/Local.json') && r.includes('AreaCode=212')));
    assert.ok(!h.apiRequests.some((r) => r.includes('/Mobile.json')));
    for (const number of numbers) {
      assert.match(number.e164, /^\+1212\d{7}$/);
      assert.equal(number.country, 'US');
      assert.deepEqual(number.capabilities, { sms: true, mms: true, voice: true });
    }
  });

  test('a GB area code 20 search sends Contains and finds only voice-only numbers', async () => {
    h.apiRequests.length = 0;
    const numbers = await gateway.availableNumbers({ country: 'GB', areaCode: '20' });
    assert.ok(numbers.length > 0);
    assert.ok(h.apiRequests.some((r) => r.includes('/AvailablePhoneNumbers/GB/Local.json') && r.includes('Contains=%2B4420')));
    assert.ok(!h.apiRequests.some((r) => r.includes('AreaCode=')));
    for (const number of numbers) {
      assert.match(number.e164, /^\+4420\d{8}$/);
      assert.deepEqual(number.capabilities, { sms: false, mms: false, voice: true });
    }
  });

  const elsewhere = [
    { country: 'GB', areaCode: undefined },
    { country: 'GB', areaCode: '161' },
    { country: 'AU', areaCode: undefined },
    { country: 'FR', areaCode: undefined },
  ];
  for (const { country, areaCode } of elsewhere) {
    test(`a ${country}${areaCode ? ` ${areaCode}` : ''} search finds numbers that text, without MMS`, async () => {
      const numbers = await gateway.availableNumbers({ country, ...(areaCode ? { areaCode } : {}) });
      assert.ok(numbers.length > 0);
      for (const number of numbers) {
        assert.equal(number.country, country);
        assert.deepEqual(number.capabilities, { sms: true, mms: false, voice: true });
      }
    });
  }

  test('a rented number is owned, listed with its capabilities, and its inbound messages go to its SmsUrl', async () => {
    const [offer] = await gateway.availableNumbers({ country: 'CA', areaCode: '604' });
    assert.ok(offer);
    const rented = await gateway.rentNumber({
      phoneNumber: offer.e164,
      smsUrl: `${h.receiverUrl}/numbers/inbound`,
      statusCallback: `${h.receiverUrl}/numbers/status`,
    });
    assert.match(rented.sid, /^PN[0-9a-f]{32}$/);
    assert.equal(rented.e164, offer.e164);
    assert.deepEqual(rented.capabilities, { sms: true, mms: true, voice: true });
    assert.ok(!(await gateway.availableNumbers({ country: 'CA', areaCode: '604' })).some((n) => n.e164 === offer.e164));
    const again = await rejection(gateway.rentNumber({ phoneNumber: offer.e164, smsUrl: 'https://example.com', statusCallback: 'https://example.com' }));
    assert.ok(again instanceof TwilioApiError && again.code === 21422);

    await h.simulator.inbound({ from: '+14155550123', to: offer.e164, body: 'Hi new number' });
    const hook = h.webhooks.find((w) => w.params.To === offer.e164);
    assert.equal(hook?.path, '/numbers/inbound');
    assert.equal((await gateway.createMessage({ from: offer.e164, to: '+14155550123', body: 'Hello', statusCallback: statusCallback('n') })).status, 'queued');
  });

  const lineTypes = [
    { number: '+14155550161', type: 'landline' },
    { number: '+14155550123', type: 'mobile' },
    { number: '+447400123456', type: 'mobile' },
  ];
  for (const { number, type } of lineTypes) {
    test(`Lookup calls ${number} ${type}`, async () => {
      assert.equal(await gateway.lineType(number), type);
    });
  }
});

describe('media', () => {
  const files = [
    { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
    { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
    { type: 'image/gif', magic: [...Buffer.from('GIF89a')] },
    { type: 'application/pdf', magic: [...Buffer.from('%PDF-')] },
    { type: 'text/vcard', magic: [...Buffer.from('BEGIN:VCARD')] },
  ];

  test('an inbound MMS names its media, and the gateway downloads each with the account credentials', async () => {
    await h.simulator.inbound({ from: '+14155550123', to: '+14155550100', body: 'Pictures', mediaTypes: files.map((f) => f.type) });
    const hook = await h.webhook((w) => w.params.Body === 'Pictures');
    assert.equal(hook.params.NumMedia, String(files.length));
    assert.match(hook.params.MessageSid!, /^MM/);
    assert.ok(gateway.validateSignature(hook.signature!, hook.url, hook.params));
    for (const [i, file] of files.entries()) {
      assert.equal(hook.params[`MediaContentType${i}`], file.type);
      const url = hook.params[`MediaUrl${i}`]!;
      assert.ok(url.startsWith(`${h.apiUrl}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/`), url);
      const media = await gateway.fetchMedia(url);
      assert.equal(media.type, file.type);
      assert.deepEqual([...media.bytes.subarray(0, file.magic.length)], file.magic);
    }
  });

  test('an unknown media resource of the account answers a TwilioApiError 404', async () => {
    const url = `${h.apiUrl}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/MM${'0'.repeat(32)}/Media/ME${'0'.repeat(32)}`;
    const error = await rejection(gateway.fetchMedia(url));
    assert.ok(error instanceof TwilioApiError);
    assert.deepEqual([error.status, error.code], [404, 20404]);
  });

  const path = () => `/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/MM${'a'.repeat(32)}/Media/ME${'b'.repeat(32)}`;
  const refused = [
    { name: 'another host', url: () => `https://evil.example${path()}` },
    { name: 'a look-alike host', url: () => `https://api.twilio.com.evil.example${path()}` },
    { name: 'plain http to Twilio', url: () => `http://api.twilio.com${path()}` },
    { name: 'credentials in the URL', url: () => `https://user:pass@api.twilio.com${path()}` },
    { name: 'another account', url: () => `https://api.twilio.com/2010-04-01/Accounts/AC${'1'.repeat(32)}/Messages/MM${'a'.repeat(32)}/Media/ME${'b'.repeat(32)}` },
    { name: 'an API resource that is not media', url: () => `${h.apiUrl}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages.json` },
    { name: 'a path escaping the media folder', url: () => `${h.apiUrl}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/../IncomingPhoneNumbers.json` },
    { name: 'a query string', url: () => `${h.apiUrl}${path()}?x=1` },
    { name: 'not a URL', url: () => 'not a url' },
  ];
  for (const { name, url } of refused) {
    test(`fetchMedia refuses ${name} without a request`, async () => {
      h.apiRequests.length = 0;
      const error = await rejection(gateway.fetchMedia(url()));
      assert.ok(error instanceof MediaUrlRefusedError, String(error));
      assert.deepEqual(h.apiRequests, []);
    });
  }
});

describe('errors', () => {
  test('a closed port is TwilioUnreachableError, not timed out', async () => {
    const { server, url } = await listen(() => undefined);
    await stop(server);
    const down = createTwilioGateway({ accountSid: h.simulator.accountSid, authToken: h.simulator.authToken, apiBaseUrl: url });
    for (const call of [
      () => down.createMessage({ from: '+14155550100', to: '+14155550123', body: 'Hi', statusCallback: statusCallback('d') }),
      () => down.fetchMedia(`${url}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/MM${'a'.repeat(32)}/Media/ME${'b'.repeat(32)}`),
    ]) {
      const error = await rejection(call());
      assert.ok(error instanceof TwilioUnreachableError, String(error));
      assert.equal(error.timedOut, false);
    }
  });

  test('no answer in time is TwilioUnreachableError, timed out', async () => {
    const { server, url } = await listen(() => undefined);
    try {
      const slow = createTwilioGateway({ accountSid: h.simulator.accountSid, authToken: h.simulator.authToken, apiBaseUrl: url, timeoutMs: 150 });
      for (const call of [
        () => slow.createMessage({ from: '+14155550100', to: '+14155550123', body: 'Hi', statusCallback: statusCallback('t') }),
        () => slow.fetchMedia(`${url}/2010-04-01/Accounts/${h.simulator.accountSid}/Messages/MM${'a'.repeat(32)}/Media/ME${'b'.repeat(32)}`),
      ]) {
        const error = await rejection(call());
        assert.ok(error instanceof TwilioUnreachableError, String(error));
        assert.equal(error.timedOut, true);
      }
    } finally {
      await stop(server);
    }
  });

  test("Twilio's error body becomes TwilioApiError with its status and code", async () => {
    const { server, url } = await listen((_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 }));
    });
    try {
      const busy = createTwilioGateway({ accountSid: h.simulator.accountSid, authToken: h.simulator.authToken, apiBaseUrl: url });
      const error = await rejection(busy.fetchMessage(`SM${'0'.repeat(32)}`));
      assert.ok(error instanceof TwilioApiError);
      assert.deepEqual([error.status, error.code, error.message], [429, 20429, 'Too Many Requests']);
    } finally {
      await stop(server);
    }
  });

  test('a wrong auth token is refused with 401 and 20003', async () => {
    const wrong = createTwilioGateway({ accountSid: h.simulator.accountSid, authToken: 'not-the-token', apiBaseUrl: h.apiUrl });
    const error = await rejection(wrong.lineType('+14155550123'));
    assert.ok(error instanceof TwilioApiError);
    assert.deepEqual([error.status, error.code], [401, 20003]);
  });
});
