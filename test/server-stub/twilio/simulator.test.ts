import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import twilio from 'twilio';
import { containsPattern, searchNumbers, simulatedCapabilities } from '../../../server-stub/twilio/simulator-numbers.js';
import { createTwilioGateway } from '../../../server-stub/twilio/client.js';
import { createSimulator, SimulatorInputError } from '../../../server-stub/twilio/simulator.js';
import { libraryClient, listen, startHarness, stop, type Harness } from './harness.js';

let h: Harness;
let client: twilio.Twilio;

before(async () => {
  h = await startHarness();
  client = libraryClient(h);
});
after(() => h.close());

async function restError(promise: Promise<unknown>): Promise<{ status: number; code?: number; moreInfo?: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof twilio.RestException, String(error));
    return error;
  }
  assert.fail('expected a RestException');
}

describe('REST API through the official library', () => {
  test('Messages: create, fetch, list with filters and paging, redact once final', async () => {
    const statusCallback = `${h.receiverUrl}/twilio/status`;
    const created: Awaited<ReturnType<typeof client.messages.create>>[] = [];
    for (const body of ['first', 'second', 'third']) {
      created.push(await client.messages.create({ from: '+14155550100', to: '+14155550130', body, statusCallback }));
    }
    assert.deepEqual(
      created.map((m) => [m.status, m.direction, m.numSegments, m.accountSid]),
      created.map(() => ['queued', 'outbound-api', '1', h.simulator.accountSid]),
    );
    const fetched = await client.messages(created[0]!.sid).fetch();
    assert.equal(fetched.body, 'first');
    assert.ok(fetched.dateCreated instanceof Date && Math.abs(fetched.dateCreated.getTime() - Date.now()) < 5000);

    const listed = await client.messages.list({ to: '+14155550130', pageSize: 2 });
    assert.deepEqual(listed.map((m) => m.body), ['third', 'second', 'first'], 'newest first, across pages');
    assert.deepEqual(await client.messages.list({ to: '+14155550130', from: '+14155550101' }), []);

    await h.webhook((w) => w.params.MessageSid === created[1]!.sid && w.params.MessageStatus === 'delivered');
    const redacted = await client.messages(created[1]!.sid).update({ body: '' });
    assert.equal(redacted.body, '');
    const cancel = await restError(client.messages(created[1]!.sid).update({ status: 'canceled' }));
    assert.deepEqual([cancel.status, cancel.code], [400, 30409]);
  });

  test('a long message counts its segments, and one over 1600 characters is refused with 21617', async () => {
    const long = await client.messages.create({ from: '+14155550100', to: '+14155550131', body: 'a'.repeat(161) });
    assert.equal(long.numSegments, '2');
    const error = await restError(client.messages.create({ from: '+14155550100', to: '+14155550131', body: 'a'.repeat(1601) }));
    assert.equal(error.code, 21617);
  });

  test('an unknown message is 404 with 20404 and the more_info link', async () => {
    const error = await restError(client.messages(`SM${'0'.repeat(32)}`).fetch());
    assert.deepEqual([error.status, error.code, error.moreInfo], [404, 20404, 'https://www.twilio.com/docs/errors/20404']);
  });

  test('Media: list and fetch the media of an inbound MMS', async () => {
    const { messageSid } = await h.simulator.inbound({ from: '+14155550123', to: '+14155550101', body: '', mediaTypes: ['image/jpeg', 'text/calendar'] });
    const media = await client.messages(messageSid).media.list();
    assert.deepEqual(media.map((m) => m.contentType), ['image/jpeg', 'text/calendar']);
    const one = await client.messages(messageSid).media(media[1]!.sid).fetch();
    assert.equal(one.parentSid, messageSid);
    const message = await client.messages(messageSid).fetch();
    assert.deepEqual([message.direction, message.status, message.numMedia], ['inbound', 'received', '2']);
  });

  test('AvailablePhoneNumbers: Local and Mobile, with Twilio capability keys; no Mobile numbers in the US', async () => {
    const local = await client.availablePhoneNumbers('US').local.list({ areaCode: 646, limit: 5 });
    assert.equal(local.length, 5);
    assert.ok(local.every((n) => n.phoneNumber.startsWith('+1646') && n.isoCountry === 'US'));
    assert.deepEqual(local[0]!.capabilities, { voice: true, SMS: true, MMS: true, fax: false });
    const mobile = await client.availablePhoneNumbers('BE').mobile.list({ limit: 3 });
    assert.equal(mobile.length, 3);
    assert.deepEqual(mobile[0]!.capabilities, { voice: true, SMS: true, MMS: false, fax: false });
    const none = await restError(client.availablePhoneNumbers('US').mobile.list());
    assert.deepEqual([none.status, none.code], [404, 20404]);
    assert.deepEqual(await client.availablePhoneNumbers('GB').mobile.list({ contains: '+4420' }), []);
  });

  test('IncomingPhoneNumbers: rent, then list by number', async () => {
    const [offer] = await client.availablePhoneNumbers('AU').mobile.list({ limit: 1 });
    const rented = await client.incomingPhoneNumbers.create({ phoneNumber: offer!.phoneNumber, smsUrl: `${h.receiverUrl}/in` });
    assert.deepEqual(rented.capabilities, { voice: true, sms: true, mms: false, fax: false });
    assert.equal(rented.smsUrl, `${h.receiverUrl}/in`);
    const listed = await client.incomingPhoneNumbers.list({ phoneNumber: offer!.phoneNumber });
    assert.deepEqual(listed.map((n) => n.sid), [rented.sid]);
    const all = await client.incomingPhoneNumbers.list();
    assert.ok(all.some((n) => n.phoneNumber === '+14155550100'), 'the seeded numbers are the account\'s');
  });

  test('Lookup v2: line type only when asked for, and an invalid number is not valid', async () => {
    const landline = await client.lookups.v2.phoneNumbers('+14155550161').fetch({ fields: 'line_type_intelligence' });
    assert.equal((landline.lineTypeIntelligence as { type: string }).type, 'landline');
    assert.equal(landline.countryCode, 'US');
    const plain = await client.lookups.v2.phoneNumbers('+14155550123').fetch();
    assert.equal(plain.lineTypeIntelligence, null);
    const invalid = await client.lookups.v2.phoneNumbers('+1415555').fetch({ fields: 'line_type_intelligence' });
    assert.deepEqual([invalid.valid, invalid.lineTypeIntelligence], [false, null]);
  });

  test('an outbound MMS: the simulator fetches each MediaUrl, and a missing file fails the message with 11200', async () => {
    h.media.set('/media/photo.png', { type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    const statusCallback = `${h.receiverUrl}/twilio/status`;
    const ok = await client.messages.create({ from: '+14155550100', to: '+14155550132', body: '', mediaUrl: [`${h.receiverUrl}/media/photo.png`], statusCallback });
    assert.match(ok.sid, /^MM/);
    await h.webhook((w) => w.params.MessageSid === ok.sid && w.params.MessageStatus === 'delivered');
    const media = await client.messages(ok.sid).media.list();
    assert.deepEqual(media.map((m) => m.contentType), ['image/png']);

    const broken = await client.messages.create({ from: '+14155550100', to: '+14155550132', body: 'x', mediaUrl: [`${h.receiverUrl}/media/gone.png`], statusCallback });
    const failed = await h.webhook((w) => w.params.MessageSid === broken.sid && w.params.MessageStatus === 'failed');
    assert.equal(failed.params.ErrorCode, '11200');

    const abroad = await restError(client.messages.create({ from: '+447400123456', to: '+447400123457', mediaUrl: [`${h.receiverUrl}/media/photo.png`] }));
    assert.equal(abroad.code, 21612);
  });

  test('a text between two of the account numbers arrives at the other one', async () => {
    const sent = await client.messages.create({ from: '+14155550100', to: '+14155550110', body: 'Internal note' });
    const arrived = await h.webhook((w) => w.path === '/twilio/inbound' && w.params.Body === 'Internal note');
    assert.deepEqual([arrived.params.From, arrived.params.To], ['+14155550100', '+14155550110']);
    assert.notEqual(arrived.params.MessageSid, sent.sid);
  });
});

describe('HTTP surface', () => {
  test('requests without the account credentials get 401 with a Twilio error body', async () => {
    const path = `/2010-04-01/Accounts/${h.simulator.accountSid}/Messages.json`;
    for (const authorization of [undefined, `Basic ${Buffer.from(`${h.simulator.accountSid}:wrong`).toString('base64')}`]) {
      const response = await fetch(`${h.apiUrl}${path}`, authorization ? { headers: { authorization } } : {});
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), {
        code: 20003,
        message: 'Authentication Error - invalid username',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    }
  });

  const auth = () => ({ authorization: `Basic ${Buffer.from(`${h.simulator.accountSid}:${h.simulator.authToken}`).toString('base64')}` });
  const misses = [
    { name: 'another account', method: 'GET', path: () => '/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json', status: 404, code: 20404 },
    { name: 'an unknown path', method: 'GET', path: () => '/nowhere', status: 404, code: 20404 },
    { name: 'a wrong method', method: 'DELETE', path: () => `/2010-04-01/Accounts/${h.simulator.accountSid}/Messages.json`, status: 405, code: 20004 },
    { name: 'a send without To', method: 'POST', path: () => `/2010-04-01/Accounts/${h.simulator.accountSid}/Messages.json`, status: 400, code: 21604 },
  ];
  for (const { name, method, path, status, code } of misses) {
    test(`${name} answers ${status} ${code}`, async () => {
      const response = await fetch(`${h.apiUrl}${path()}`, { method, headers: auth() });
      assert.equal(response.status, status);
      assert.equal(((await response.json()) as { code: number }).code, code);
    });
  }

  test('a message still being sent cannot be redacted', async () => {
    const slow = await startHarness({ delayScale: 1 });
    try {
      const slowClient = libraryClient(slow);
      const queued = await slowClient.messages.create({ from: '+14155550100', to: '+14155550133', body: 'secret' });
      const error = await restError(slowClient.messages(queued.sid).update({ body: '' }));
      assert.deepEqual([error.status, error.code], [400, 20009]);
      assert.equal((await slowClient.messages(queued.sid).fetch()).body, 'secret');
    } finally {
      await slow.close();
    }
  });

  test('a StatusCallback that is not an http(s) URL is refused with 21609', async () => {
    const error = await restError(client.messages.create({ from: '+14155550100', to: '+14155550134', body: 'x', statusCallback: 'javascript:alert(1)' }));
    assert.deepEqual([error.status, error.code], [400, 21609]);
  });

  test('mounted under a path prefix, it serves the gateway and names media under that prefix', async () => {
    const simulator = createSimulator({ numbers: [{ phoneNumber: '+14155550100' }], delayScale: 0.01, webhookBase: h.receiverUrl });
    const { server, url } = await listen((req, res) => {
      if (req.url?.startsWith('/sim/')) simulator.handler(req, res);
      else res.writeHead(404).end();
    });
    try {
      simulator.setBaseUrl(`${url}/sim`);
      const gateway = createTwilioGateway({ accountSid: simulator.accountSid, authToken: simulator.authToken, apiBaseUrl: `${url}/sim/` });
      assert.equal(await gateway.lineType('+14155550161'), 'landline');
      await simulator.inbound({ from: '+14155550123', to: '+14155550100', body: 'prefixed', mediaTypes: ['image/gif'] });
      const hook = await h.webhook((w) => w.params.Body === 'prefixed');
      assert.ok(hook.params.MediaUrl0!.startsWith(`${url}/sim/2010-04-01/Accounts/`));
      assert.equal((await gateway.fetchMedia(hook.params.MediaUrl0!)).type, 'image/gif');
      assert.ok(gateway.validateSignature(hook.signature!, hook.url, hook.params));
      assert.ok(!twilio.validateRequest(h.simulator.authToken, hook.signature!, hook.url, hook.params), "signed with that simulator's own token");
    } finally {
      await simulator.close();
      await stop(server);
    }
  });

  test('media cannot be named before the simulator knows where it is reachable', async () => {
    const simulator = createSimulator({ numbers: [{ phoneNumber: '+14155550100' }], webhookBase: h.receiverUrl, log: () => undefined });
    try {
      await assert.rejects(simulator.inbound({ from: '+14155550123', to: '+14155550100', body: 'x', mediaTypes: ['image/png'] }), /setBaseUrl/);
    } finally {
      await simulator.close();
    }
  });

  test('each start has its own random auth token', async () => {
    const other = await startHarness();
    try {
      assert.notEqual(other.simulator.authToken, h.simulator.authToken);
      assert.match(other.simulator.authToken, /^[0-9a-f]{32}$/);
    } finally {
      await other.close();
    }
  });
});

describe('inbound and robustness', () => {
  test('inbound refuses what the network cannot carry', async () => {
    const cases = [
      { from: 'nope', to: '+14155550100', body: 'x' },
      { from: '+14155550123', to: '+14155550199', body: 'x' },
      { from: '+14155550123', to: '+14155550102', body: 'x' },
      { from: '+447400123457', to: '+14155550100', body: 'x', mediaTypes: ['image/png'] },
      { from: '+14155550123', to: '+447400123456', body: 'x', mediaTypes: ['image/png'] },
      { from: '+14155550123', to: '+14155550100', body: 'x', mediaTypes: Array.from({ length: 11 }, () => 'image/png') },
    ];
    for (const input of cases) {
      await assert.rejects(h.simulator.inbound(input), SimulatorInputError, JSON.stringify(input));
    }
  });

  test('a stub that is down is logged and skipped: nothing crashes, nothing is retried', async () => {
    const { server, url } = await listen(() => undefined);
    await stop(server);
    const logs: string[] = [];
    const down = await startHarness({ webhookBase: url, log: (message) => logs.push(message) });
    try {
      const { messageSid } = await down.simulator.inbound({ from: '+14155550123', to: '+14155550100', body: 'Anyone?' });
      assert.match(messageSid, /^SM/);
      const downClient = libraryClient(down);
      const sent = await downClient.messages.create({ from: '+14155550100', to: '+14155550142', body: 'Hi', statusCallback: `${url}/twilio/status` });
      await down.simulator.idle();
      assert.equal((await downClient.messages(sent.sid).fetch()).status, 'delivered');
      assert.equal(logs.filter((line) => line.includes('/twilio/inbound')).length, 2, logs.join('\n'));
      assert.equal(logs.filter((line) => line.includes('/twilio/status')).length, 2, logs.join('\n'));
    } finally {
      await down.close();
    }
  });

  test('close() cancels pending callbacks', async () => {
    const slow = await startHarness({ delayScale: 1 });
    const sent = await libraryClient(slow).messages.create({ from: '+14155550100', to: '+14155550123', body: 'Hi', statusCallback: `${slow.receiverUrl}/twilio/status` });
    assert.equal(sent.status, 'queued');
    const started = Date.now();
    await slow.close();
    assert.ok(Date.now() - started < 300, 'close does not wait for the timers');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(slow.webhooks, []);
  });
});

describe('number search', () => {
  test('Contains patterns', () => {
    const table: [string, string, boolean][] = [
      ['+4420', '+442079460123', true],
      ['+4420', '+447400123456', false],
      ['555', '+14155550100', true],
      ['CALL', '+14155552255', true],
      ['CALL$', '+14152255000', false],
      ['+1415***0100', '+14155550100', true],
      ['+1415%0100$', '+14155550100', true],
    ];
    for (const [pattern, number, matches] of table) assert.equal(containsPattern(pattern).test(number), matches, `${pattern} ~ ${number}`);
  });

  test('the same search finds the same numbers, never a taken one', () => {
    const first = searchNumbers({ country: 'US', type: 'Local', areaCode: '415', limit: 5, taken: new Set() });
    assert.deepEqual(searchNumbers({ country: 'US', type: 'Local', areaCode: '415', limit: 5, taken: new Set() }), first);
    const rest = searchNumbers({ country: 'US', type: 'Local', areaCode: '415', limit: 5, taken: new Set([first[0]!]) });
    assert.ok(!rest.includes(first[0]!));
    assert.deepEqual(searchNumbers({ country: 'DE', type: 'Local', limit: 5, taken: new Set() }), []);
  });

  const capabilities = [
    { number: '+14155550100', sms: true, mms: true },
    { number: '+16045550123', sms: true, mms: true },
    { number: '+17875550100', sms: true, mms: false },
    { number: '+442079460123', sms: false, mms: false },
    { number: '+447400123456', sms: true, mms: false },
    { number: '+61412345678', sms: true, mms: false },
  ];
  for (const { number, sms, mms } of capabilities) {
    test(`${number} offers sms ${sms}, mms ${mms}`, () => {
      assert.deepEqual(simulatedCapabilities(number), { sms, mms, voice: true });
    });
  }
});
