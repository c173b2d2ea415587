import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSend, SUPPORTED_COUNTRIES, type SendCheck, type SendContext, type SendDraft } from '../../src/rules/index.js';
import { contextOf, NOW, SAMPLE_NUMBERS } from './seed.js';

const US = SAMPLE_NUMBERS.US!;
const codes = (check: SendCheck) => check.violations.map((violation) => violation.code);
const warningCodes = (check: SendCheck) => check.warnings.map((warning) => warning.code);
/** Daytime in New York, so quiet hours stay out of tests about other rules. */
const check = (draft: Partial<SendDraft>, ctx: SendContext = contextOf('alice')) =>
  validateSend({ to: US, body: 'Hi', ...draft }, ctx);

const image = (size: number, name = 'photo.jpg') => ({ name, type: 'image/jpeg', size });
const pdf = (size: number) => ({ name: 'quote.pdf', type: 'application/pdf', size });

test('every violation carries code, field, a filled English message and its params', () => {
  const result = check({
    from: '+447400123456',
    to: '+1 415 555 0142',
    body: '',
    attachments: [{ name: 'logo.svg', type: 'image/svg+xml', size: 700_000 }],
    sendAt: new Date(NOW.getTime() - 1).toISOString(),
  });
  assert.deepEqual(codes(result), ['international', 'mms_not_supported', 'attachments_too_large', 'attachment_type', 'schedule_in_past']);
  for (const violation of result.violations) {
    assert.ok(violation.field && violation.message, violation.code);
    assert.doesNotMatch(violation.message, /\{\w+\}/, violation.code);
  }
  assert.deepEqual(result.violations.find((v) => v.code === 'attachment_type')?.params, { names: 'logo.svg', types: 'image/svg+xml' });
  assert.equal(result.violations.find((v) => v.code === 'international')?.message.includes('+447400123456'), true);
});

// Seed numbers as senders, from each user's point of view, to a US recipient and to a UK one.
const senders: [user: string, from: string, toUs: string[], toGb: string[]][] = [
  ['alice', '+14155550100', [], ['international']],
  ['alice', '+447400123456', ['international'], []],
  ['alice', '+14155550101', [], ['international']],
  ['alice', '+61412345678', ['sender_not_member', 'international'], ['sender_not_member', 'international']],
  ['alice', '+14155550102', ['sender_not_sms_capable'], ['sender_not_sms_capable', 'international']],
  ['alice', '+14155550103', ['sender_external'], ['sender_external']],
  ['alice', '+14155550110', ['sender_not_member'], ['sender_not_member', 'international']],
  ['bob', '+14155550100', ['sender_not_member'], ['sender_not_member', 'international']],
  ['bob', '+447400123456', ['sender_not_member', 'international'], ['sender_not_member']],
  ['bob', '+14155550101', [], ['international']],
  ['bob', '+61412345678', ['international'], ['international']],
  ['bob', '+14155550102', ['sender_not_member'], ['sender_not_member', 'international']],
  ['bob', '+14155550103', ['sender_not_member'], ['sender_not_member', 'international']],
  ['bob', '+14155550110', [], ['international']],
];
for (const [user, from, toUs, toGb] of senders) {
  test(`seed sender ${from} as ${user}`, () => {
    assert.deepEqual(codes(check({ from, to: US }, contextOf(user))), toUs);
    assert.deepEqual(codes(check({ from, to: SAMPLE_NUMBERS.GB }, contextOf(user))), toGb);
  });
}

test('a formatted from is compared in E.164', () => {
  assert.deepEqual(codes(check({ from: '+1 (415) 555-0100' })), []);
  assert.deepEqual(codes(check({ from: '(415) 555-0102', to: '+14155550142' })), ['sender_not_sms_capable']);
});

test('an external sender is reported alone: not its capabilities, country or MMS', () => {
  const result = check({ from: '+14155550103', to: SAMPLE_NUMBERS.AU, attachments: [image(10)] });
  assert.deepEqual(codes(result), ['sender_external', 'mms_not_supported']);
});

for (const from of SUPPORTED_COUNTRIES) {
  for (const to of SUPPORTED_COUNTRIES) {
    const sameCode = (country: string) => (['US', 'CA', 'PR'].includes(country) ? '1' : country);
    const international = sameCode(from) !== sameCode(to);
    test(`international: ${from} -> ${to} is ${international ? '' : 'not '}international`, () => {
      const sender = SAMPLE_NUMBERS[from]!.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      const ctx: SendContext = {
        numbers: [{ id: 'n', e164: sender, country: from, label: from, kind: 'personal', member: true, capabilities: { sms: true, mms: true, voice: true } }],
        optedOut: () => false,
        now: NOW,
      };
      assert.deepEqual(codes(validateSend({ from: sender, to: SAMPLE_NUMBERS[to]!, body: 'Hi' }, ctx)), international ? ['international'] : []);
    });
  }
}

const recipients: [to: string, expected: string[], warnings?: string[]][] = [
  ['', ['invalid_number']],
  ['1234', ['invalid_number']],
  ['not a number', ['invalid_number']],
  ['55555', ['short_code']],
  ['555-555', ['short_code']],
  ['+49 30 1234567', ['unsupported_country']],
  ['+1 876 555 0142', ['unsupported_country']],
  ['+1 787 555 0142', []],
  ['+44 20 7123 4567', ['international'], ['likely_landline']],
  ['(415) 555-0142', []],
  ['415.555.0142', []],
];
for (const [to, expected, warnings = []] of recipients) {
  test(`recipient ${JSON.stringify(to)} from a US number`, () => {
    const result = check({ from: '+14155550100', to });
    assert.deepEqual(codes(result), expected);
    assert.deepEqual(warningCodes(result), warnings);
  });
}

test('unsupported_country names the country', () => {
  const [violation] = check({ to: '+49 30 1234567' }).violations;
  assert.deepEqual(violation?.params, { country: 'Germany', countryCode: 'DE', callingCode: '49' });
  assert.match(violation!.message, /Germany/);
  assert.equal(check({ to: '+1 876 555 0142' }).violations[0]?.params?.country, 'Jamaica');
});

test('a short code or invalid recipient skips the checks that need its country', () => {
  for (const to of ['55555', '12']) {
    const expected = [to === '55555' ? 'short_code' : 'invalid_number'];
    assert.deepEqual(codes(check({ from: '+447400123456', to }, contextOf('alice', ['55555']))), expected);
    assert.deepEqual(codes(check({ from: '+14155550100', to, attachments: [image(10)] })), expected);
    assert.deepEqual(check({ to }, contextOf('bob')), { violations: expected.map((code) => check({ to }).violations.find((v) => v.code === code)), warnings: [] });
  }
});

test('opted-out recipients are matched in E.164 whatever the formatting', () => {
  const seen: string[] = [];
  const ctx = { ...contextOf('alice'), optedOut: (e164: string) => (seen.push(e164), e164 === '+14155550142') };
  assert.deepEqual(codes(check({ from: '+14155550100', to: '+1 (415) 555-0142' }, ctx)), ['opted_out']);
  assert.deepEqual(codes(check({ from: '+14155550100', to: '415-555-0142' }, ctx)), ['opted_out']);
  assert.deepEqual(seen, ['+14155550142', '+14155550142']);
  assert.deepEqual(codes(check({ from: '+14155550100', to: '+14155550143' }, ctx)), []);
});

const choices: [user: string, to: string, withAttachments: boolean, from: string | undefined, expected: string[]][] = [
  ['alice', US, false, '+14155550100', []],
  ['alice', US, true, '+14155550100', []],
  ['alice', SAMPLE_NUMBERS.PR!, false, '+14155550100', []],
  ['alice', SAMPLE_NUMBERS.CA!, false, '+14155550100', []],
  ['alice', SAMPLE_NUMBERS.GB!, false, '+447400123456', []],
  ['alice', SAMPLE_NUMBERS.GB!, true, '+447400123456', ['mms_not_supported']],
  ['alice', SAMPLE_NUMBERS.AU!, false, undefined, ['no_sender']],
  ['alice', SAMPLE_NUMBERS.FR!, false, undefined, ['no_sender']],
  ['bob', US, false, '+14155550110', []],
  ['bob', SAMPLE_NUMBERS.AU!, false, '+61412345678', []],
  ['bob', SAMPLE_NUMBERS.GB!, false, undefined, ['no_sender']],
];
for (const [user, to, withAttachments, from, expected] of choices) {
  test(`no from: ${user} texting ${to}${withAttachments ? ' with an attachment' : ''} sends from ${from ?? 'nothing'}`, () => {
    const result = check({ to, attachments: withAttachments ? [image(1000)] : [] }, contextOf(user));
    assert.equal(result.from, from);
    assert.deepEqual(codes(result), expected);
  });
}

test('no from: personal before group, MMS-capable first when there are attachments', () => {
  const number = (id: string, kind: 'personal' | 'group' | 'external', mms: boolean, extra: object = {}) => ({
    id, e164: `+1415555${id}`, country: 'US', label: id, kind, member: true, capabilities: { sms: true, mms, voice: true }, ...extra,
  });
  const ctx: SendContext = {
    numbers: [
      number('0201', 'group', true),
      number('0202', 'personal', false),
      number('0203', 'personal', true, { member: false }),
      number('0204', 'external', true),
      number('0205', 'personal', true, { capabilities: { sms: false, mms: true, voice: true } }),
    ],
    optedOut: () => false,
    now: NOW,
  };
  assert.equal(check({}, ctx).from, '+14155550202');
  assert.equal(check({ attachments: [image(10)] }, ctx).from, '+14155550201');
  assert.equal(check({ from: '+14155550202', attachments: [image(10)] }, ctx).violations[0]?.code, 'mms_not_supported');
  assert.equal(check({ from: '+14155550202' }, ctx).from, undefined);
});

test('body_empty when there is no text and no attachment', () => {
  assert.deepEqual(codes(check({ body: '' })), ['body_empty']);
  assert.deepEqual(codes(check({ body: ' \n ' })), ['body_empty']);
  assert.deepEqual(codes(check({ body: '', attachments: [image(10)] })), []);
});

const bodies: [name: string, body: string, tooLong: boolean][] = [
  ['1000 graphemes', 'a'.repeat(1000), false],
  ['1001 graphemes', 'a'.repeat(1001), true],
  ['1000 flags (4000 UTF-16 units)', '🇫🇷'.repeat(1000), true],
  ['800 emoji (1600 units)', '😀'.repeat(800), false],
  ['801 emoji (1602 units)', '😀'.repeat(801), true],
  ['1000 accented graphemes of two units', 'e\u0301'.repeat(800), false],
  ['801 accented graphemes of two units', 'e\u0301'.repeat(801), true],
];
for (const [name, body, tooLong] of bodies) {
  test(`body_too_long: ${name}`, () => {
    assert.deepEqual(codes(check({ body })), tooLong ? ['body_too_long'] : []);
  });
}

test('warnings: unicode names the characters, many_segments over 3, likely_landline for fixed lines', () => {
  const unicode = check({ body: 'Let’s meet “today” 😀' }).warnings;
  assert.deepEqual(unicode.map((w) => [w.code, w.params]), [['unicode', { chars: '’ “ ” 😀' }]]);
  assert.match(unicode[0]!.message, /’ “ ” 😀/);
  assert.deepEqual(warningCodes(check({ body: 'a'.repeat(459) })), []);
  assert.deepEqual(warningCodes(check({ body: 'a'.repeat(460) })), ['many_segments']);
  assert.deepEqual(check({ body: 'a'.repeat(460) }).warnings[0]?.params, { segments: 4 });
  assert.deepEqual(warningCodes(check({ from: '+447400123456', to: '+44 20 7123 4567' })), ['likely_landline']);
  assert.deepEqual(warningCodes(check({ to: '+1 800 234 5678' })), []);
});

const attachmentCases: [name: string, attachments: SendDraft['attachments'], expected: string[]][] = [
  ['10 images', Array.from({ length: 10 }, () => image(1000)), []],
  ['11 images', Array.from({ length: 11 }, () => image(1000)), ['too_many_attachments']],
  ['images of 5,000,000 bytes', [image(2_500_000), image(2_500_000)], []],
  ['images of 5,000,001 bytes', [image(2_500_000), image(2_500_001)], ['attachments_too_large']],
  ['a PDF and an image, 600,000 bytes', [pdf(100_000), image(500_000)], []],
  ['a PDF and an image, 600,001 bytes', [pdf(100_000), image(500_001)], ['attachments_too_large']],
  ['a PDF of 600,001 bytes', [pdf(600_001)], ['attachments_too_large']],
  ['an SVG image', [{ name: 'logo.svg', type: 'image/svg+xml', size: 100 }], ['attachment_type']],
  ['an executable', [{ name: 'run.exe', type: 'application/x-msdownload', size: 100 }], ['attachment_type']],
  ['a vCard, a calendar and a CSV', [
    { name: 'a.vcf', type: 'text/vcard', size: 100 },
    { name: 'b.ics', type: 'text/calendar', size: 100 },
    { name: 'c.csv', type: 'text/csv', size: 100 },
  ], []],
];
for (const [name, attachments, expected] of attachmentCases) {
  test(`attachments: ${name}`, () => {
    assert.deepEqual(codes(check({ from: '+14155550100', attachments })), expected);
  });
}

test('attachments_too_large says the total and the limit', () => {
  const [violation] = check({ from: '+14155550100', attachments: [image(2_500_000), image(2_500_001)] }).violations;
  assert.deepEqual(violation?.params, { size: '5.01 MB', limit: '5 MB' });
});

const mmsCases: [from: string, to: string, user: string, expected: string[]][] = [
  ['+14155550100', SAMPLE_NUMBERS.CA!, 'alice', []],
  ['+14155550100', SAMPLE_NUMBERS.PR!, 'alice', ['mms_not_supported']],
  ['+447400123456', SAMPLE_NUMBERS.GB!, 'alice', ['mms_not_supported']],
  ['+61412345678', SAMPLE_NUMBERS.AU!, 'bob', ['mms_not_supported']],
];
for (const [from, to, user, expected] of mmsCases) {
  test(`MMS from ${from} to ${to}`, () => {
    assert.deepEqual(codes(check({ from, to, attachments: [image(1000)] }, contextOf(user))), expected);
  });
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const schedules: [name: string, offset: number | string, expected: string[]][] = [
  ['now', 0, ['schedule_in_past']],
  ['a second ago', -1000, ['schedule_in_past']],
  ['a millisecond ahead', 1, []],
  ['exactly 35 days ahead', 35 * DAY, []],
  ['35 days and a millisecond ahead', 35 * DAY + 1, ['schedule_too_far']],
  ['a year ahead', 365 * DAY, ['schedule_too_far']],
  ['not a date', 'tomorrow morning', ['schedule_in_past']],
];
for (const [name, offset, expected] of schedules) {
  test(`sendAt ${name}`, () => {
    const sendAt = typeof offset === 'string' ? offset : new Date(NOW.getTime() + offset).toISOString();
    assert.deepEqual(codes(check({ from: '+14155550100', sendAt })), expected);
  });
}

// New York is UTC-5 in January; Adelaide UTC+10:30 and Perth UTC+8.
const quiet: [name: string, to: string, utc: string, zone: string | undefined][] = [
  ['New York 20:59', '+12125550142', '2025-01-16T01:59:00Z', undefined],
  ['New York 21:00', '+12125550142', '2025-01-16T02:00:00Z', 'America/New_York'],
  ['New York 07:59', '+12125550142', '2025-01-16T12:59:00Z', 'America/New_York'],
  ['New York 08:00', '+12125550142', '2025-01-16T13:00:00Z', undefined],
  ['Adelaide 20:59, Perth 18:29', '+61881234567', '2025-01-16T10:29:00Z', undefined],
  ['Adelaide 21:00, Perth 18:30', '+61881234567', '2025-01-16T10:30:00Z', 'Australia/Adelaide'],
  ['Adelaide 08:00, Perth 05:30', '+61881234567', '2025-01-15T21:30:00Z', 'Australia/Perth'],
  ['Adelaide 10:29, Perth 07:59', '+61881234567', '2025-01-15T23:59:00Z', 'Australia/Perth'],
  ['Adelaide 10:30, Perth 08:00', '+61881234567', '2025-01-16T00:00:00Z', undefined],
];
for (const [name, to, utc, zone] of quiet) {
  test(`quiet_hours: ${name}`, () => {
    const ctx = { ...contextOf('bob'), now: new Date(utc) };
    const now = validateSend({ to, body: 'Hi' }, ctx).warnings.find((w) => w.code === 'quiet_hours');
    assert.equal(now?.params?.zone, zone);
    // The same moment reached through sendAt, from a daytime now.
    const later = validateSend({ to, body: 'Hi', sendAt: utc }, { ...ctx, now: new Date(new Date(utc).getTime() - 2 * DAY) });
    assert.equal(later.warnings.find((w) => w.code === 'quiet_hours')?.params?.zone, zone);
  });
}

test('quiet_hours says the local time', () => {
  const warning = validateSend({ to: '+12125550142', body: 'Hi' }, { ...contextOf('alice'), now: new Date('2025-07-16T03:15:00Z') })
    .warnings.find((w) => w.code === 'quiet_hours');
  assert.deepEqual(warning?.params, { zone: 'America/New_York', time: '23:15' });
  assert.equal(warning?.field, 'sendAt');
});
