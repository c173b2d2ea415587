import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parsePhone, callingCodeOf, SUPPORTED_COUNTRIES } from '../../src/rules/index.js';
import { SAMPLE_NUMBERS } from './seed.js';

const cases: [input: string, defaultCountry: string | undefined, expected: ReturnType<typeof parsePhone>][] = [
  ['+1 (415) 555-0100', undefined, { ok: true, e164: '+14155550100', country: 'US', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['(415) 555-0142', 'US', { ok: true, e164: '+14155550142', country: 'US', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['415.555.0142', 'CA', { ok: true, e164: '+14155550142', country: 'US', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['07400 123456', 'GB', { ok: true, e164: '+447400123456', country: 'GB', callingCode: '44', shortCode: false, type: 'MOBILE' }],
  ['+44 20 7123 4567', undefined, { ok: true, e164: '+442071234567', country: 'GB', callingCode: '44', shortCode: false, type: 'FIXED_LINE' }],
  ['+1 604 555 0142', undefined, { ok: true, e164: '+16045550142', country: 'CA', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['+1 787 555 0142', undefined, { ok: true, e164: '+17875550142', country: 'PR', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['+1 939 555 0142', undefined, { ok: true, e164: '+19395550142', country: 'PR', callingCode: '1', shortCode: false, type: 'FIXED_LINE_OR_MOBILE' }],
  ['+1 800 234 5678', undefined, { ok: true, e164: '+18002345678', country: 'US', callingCode: '1', shortCode: false, type: 'TOLL_FREE' }],
  ['+61 8 8123 4567', undefined, { ok: true, e164: '+61881234567', country: 'AU', callingCode: '61', shortCode: false, type: 'FIXED_LINE' }],
  ['55555', undefined, { ok: true, e164: '55555', country: '', callingCode: '', shortCode: true }],
  ['555 555', 'US', { ok: true, e164: '555555', country: 'US', callingCode: '', shortCode: true }],
  ['1234', 'US', { ok: false, code: 'invalid_number' }],
  ['5555555', 'US', { ok: false, code: 'invalid_number' }],
  ['4155550142', undefined, { ok: false, code: 'invalid_number' }],
  ['', 'US', { ok: false, code: 'invalid_number' }],
  ['hello', 'US', { ok: false, code: 'invalid_number' }],
  ['+1 415 555', undefined, { ok: false, code: 'invalid_number' }],
  ['+999 1234 5678', undefined, { ok: false, code: 'invalid_number' }],
  ['+49 30 1234567', undefined, { ok: false, code: 'unsupported_country', callingCode: '49', country: 'DE' }],
  ['+55555', undefined, { ok: false, code: 'unsupported_country', callingCode: '55', country: 'BR' }],
  ['+1 876 555 0142', undefined, { ok: false, code: 'unsupported_country', callingCode: '1', country: 'JM' }],
  ['+1 242 357 1234', undefined, { ok: false, code: 'unsupported_country', callingCode: '1', country: 'BS' }],
  ['+800 1234 5678', undefined, { ok: false, code: 'unsupported_country', callingCode: '800' }],
];

for (const [input, defaultCountry, expected] of cases) {
  test(`parsePhone(${JSON.stringify(input)}, ${defaultCountry})`, () => {
    assert.deepEqual(parsePhone(input, defaultCountry), expected);
  });
}

test('remembered parses are frozen and keep the default country apart', () => {
  const first = parsePhone('07400 123456', 'GB');
  assert.equal(parsePhone('07400 123456', 'GB'), first);
  assert.ok(Object.isFrozen(first));
  assert.deepEqual(parsePhone('07400 123456', 'US'), { ok: false, code: 'invalid_number' });
  assert.deepEqual(parsePhone('07400 123456'), { ok: false, code: 'invalid_number' });
  // More distinct inputs than are remembered, then the first again: still the same answer.
  for (let i = 0; i < 300; i += 1) parsePhone(`+1 415 555 ${String(i).padStart(4, '0')}`);
  assert.deepEqual(parsePhone('07400 123456', 'GB'), first);
});

test('the sample number of each supported country parses to that country', () => {
  for (const [country, e164] of Object.entries(SAMPLE_NUMBERS)) {
    const parsed = parsePhone(e164);
    assert.ok(parsed.ok, e164);
    assert.equal(parsed.country, country, e164);
  }
});

test('callingCodeOf finds one-, two- and three-digit codes', () => {
  assert.deepEqual(
    ['14155550100', '447400123456', '972502345678', '4930', '80012345678', '999'].map(callingCodeOf),
    ['1', '44', '972', '49', '800', undefined],
  );
});

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function* digitsStream(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state % 10;
  }
}

test('the cut metadata reads numbers of the ten countries as the full metadata does', () => {
  const digits = digitsStream(7);
  const callingCodes = ['1', '44', '61', '32', '45', '33', '972', '27'];
  const disagreements: string[] = [];
  let valid = 0;
  for (const code of callingCodes) {
    for (let i = 0; i < 3000; i += 1) {
      const length = 7 + (i % 4);
      let national = '';
      for (let d = 0; d < length; d += 1) national += String(digits.next().value);
      const e164 = `+${code}${national}`;
      const full = parsePhoneNumberFromString(e164);
      const fullSupported = full?.isValid() && (SUPPORTED_COUNTRIES as readonly string[]).includes(full.country ?? '');
      const ours = parsePhone(e164);
      const same = fullSupported
        ? ours.ok && ours.country === full!.country && ours.type === full!.getType() && ours.e164 === full!.number
        : !ours.ok;
      if (fullSupported) valid += 1;
      if (!same) disagreements.push(e164);
    }
  }
  assert.deepEqual(disagreements, []);
  assert.ok(valid > 3000, `only ${valid} valid numbers generated`);
});
