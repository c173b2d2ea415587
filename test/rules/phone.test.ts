import { test } from 'node:test';
import assert from 'node:assert/strict';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parsePhone, callingCodeOf, SUPPORTED_COUNTRIES, type CountryCode } from '../../src/rules/index.js';
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

const number = (e164: string, country: string, callingCode: string, type: string) =>
  ({ ok: true, e164, country, callingCode, shortCode: false, type }) as const;
const INVALID = { ok: false, code: 'invalid_number' } as const;

const readings: [input: string, defaultCountry: string | undefined, expected: ReturnType<typeof parsePhone>][] = [
  // Our own choice where libphonenumber is lenient: only digits, one leading plus and separators are read.
  // An extension would text the main line; words, letters for digits and tel: links are not guessed at.
  ['+1 415 555 0100 ext. 12', undefined, INVALID],
  ['+1 415 555 0100 x12', undefined, INVALID],
  ['+1 415 555 0100;ext=12', undefined, INVALID],
  ['Call +1 415 555 0100', undefined, INVALID],
  ['1-800-FLOWERS', 'US', INVALID],
  ['tel:+1-415-555-0100', undefined, INVALID],
  // Full-width and Arabic-Indic digits, and a plus anywhere but first.
  ['\uff0b\uff11 \uff14\uff11\uff15 \uff15\uff15\uff15 \uff10\uff11\uff10\uff10', undefined, INVALID],
  ['\u0664\u0661\u0665\u0665\u0665\u0665\u0660\u0661\u0660\u0660', 'US', INVALID],
  ['1+415 555 0100', 'US', INVALID],
  // Separators people type or paste: slashes, brackets, Unicode dashes and minus, no-break, narrow and zero-width spaces.
  ['02/511 22 33', 'BE', number('+3225112233', 'BE', '32', 'FIXED_LINE')],
  ['+44\u00a020\u20137123\u20144567', undefined, number('+442071234567', 'GB', '44', 'FIXED_LINE')],
  ['[+45]\u200b20\u221212\u00ad34\u206056', undefined, number('+4520123456', 'DK', '45', 'FIXED_LINE_OR_MOBILE')],
  ['\u202f+33\u202f6\u202f12\u202f34\u202f56\u202f78\u202f', undefined, number('+33612345678', 'FR', '33', 'MOBILE')],
  // The national prefix after the calling code, and the calling code in brackets.
  ['+44 (0) 20 7123 4567', undefined, number('+442071234567', 'GB', '44', 'FIXED_LINE')],
  ['(+44) 7400 123456', undefined, number('+447400123456', 'GB', '44', 'MOBILE')],
  // The default country's international prefix (AU's is 0011, not 00), and the calling code without a plus.
  ['011 44 7400 123456', 'US', number('+447400123456', 'GB', '44', 'MOBILE')],
  ['0011 44 7400 123456', 'AU', number('+447400123456', 'GB', '44', 'MOBILE')],
  ['00 44 7400 123456', 'AU', INVALID],
  ['012 44 7400 123456', 'IL', number('+447400123456', 'GB', '44', 'MOBILE')],
  ['00 49 30 1234567', 'GB', { ok: false, code: 'unsupported_country', callingCode: '49', country: 'DE' }],
  ['011 0 44 7400 123456', 'US', INVALID],
  ['447400123456', 'GB', number('+447400123456', 'GB', '44', 'MOBILE')],
  ['1 415 555 0142', 'US', number('+14155550142', 'US', '1', 'FIXED_LINE_OR_MOBILE')],
  // 012 is an international prefix in IL, but not when a 0 follows: then it is a national number.
  ['01200 123 456', 'IL', number('+9721200123456', 'IL', '972', 'PREMIUM_RATE')],
  // National numbers of each country, prefixes for parsing (AU's carrier code 1831) and number types.
  ['1831 2 9876 5432', 'AU', number('+61298765432', 'AU', '61', 'FIXED_LINE')],
  ['0412 345 678', 'AU', number('+61412345678', 'AU', '61', 'MOBILE')],
  ['0470 12 34 56', 'BE', number('+32470123456', 'BE', '32', 'MOBILE')],
  ['20 12 34 56', 'DK', number('+4520123456', 'DK', '45', 'FIXED_LINE_OR_MOBILE')],
  ['01 23 45 67 89', 'FR', number('+33123456789', 'FR', '33', 'FIXED_LINE')],
  ['050-234-5678', 'IL', number('+972502345678', 'IL', '972', 'MOBILE')],
  ['082 123 4567', 'ZA', number('+27821234567', 'ZA', '27', 'MOBILE')],
  ['0 800 123 4567', 'GB', number('+448001234567', 'GB', '44', 'TOLL_FREE')],
  ['(787) 555-0142', 'US', number('+17875550142', 'PR', '1', 'FIXED_LINE_OR_MOBILE')],
  ['310 1234', 'CA', number('+13101234', 'CA', '1', 'UAN')],
  ['876 555 0142', 'US', { ok: false, code: 'unsupported_country', callingCode: '1', country: 'JM' }],
  // A national prefix is taken off when what is left has a possible length in its own country (7 digits: CA, not
  // PR), and kept when it has none (a Jamaican number a digit short is no number, not Jamaica's).
  ['1 310 1234', 'PR', number('+13101234', 'CA', '1', 'UAN')],
  ['1 876 555 014', 'US', INVALID],
  // A default country outside the ten is no default.
  ['030 1234567', 'DE', INVALID],
];

for (const [input, defaultCountry, expected] of readings) {
  test(`parsePhone(${JSON.stringify(input)}, ${defaultCountry}) reads it as libphonenumber does, digits and separators only`, () => {
    assert.deepEqual(parsePhone(input, defaultCountry), expected);
  });
}

/** mulberry32: deterministic numbers in [0, 1), so a failure reproduces. */
function randomSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** How people in each country dial: the national prefix they write before a national number, and international prefixes. */
const DIALLING: Record<CountryCode, { national: string; international: string[] }> = {
  US: { national: '1', international: ['011'] },
  CA: { national: '1', international: ['011'] },
  PR: { national: '1', international: ['011'] },
  GB: { national: '0', international: ['00'] },
  AU: { national: '0', international: ['0011', '0014', '0015', '0016', '0018', '0019'] },
  BE: { national: '0', international: ['00'] },
  DK: { national: '', international: ['00'] },
  FR: { national: '0', international: ['00'] },
  IL: { national: '0', international: ['00', '012', '013', '014', '018', '0105'] },
  ZA: { national: '0', international: ['00'] },
};
/** Separators that both libphonenumber and parsePhone accept between digits. */
const SEPARATORS = [' ', ' ', '-', '-', '.', '/', '(', ')', '[', ']', '\u00a0', '\u2010', '\u2013', '\u2014', '\u2212', '\u00ad', '\u200b'];
const FORMS = ['e164', 'national', 'national without prefix', 'international prefix', 'calling code without plus', 'separators'] as const;
const OUR_CALLING_CODES = [...new Set(SUPPORTED_COUNTRIES.map((country) => getCountryCallingCode(country)))];
const isOurs = (country: string | undefined): country is CountryCode => (SUPPORTED_COUNTRIES as readonly string[]).includes(country ?? '');

test('parsePhone reads what people type as libphonenumber-js/max does, on thousands of generated numbers', () => {
  const random = randomSequence(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const digit = () => String(Math.floor(random() * 10));
  const withSeparators = (text: string) => [...text].map((char) => (random() < 0.35 ? char + pick(SEPARATORS) : char)).join('');
  const mutate = (national: string) => {
    const at = Math.floor(random() * national.length);
    const roll = random();
    if (roll < 0.4) return national.slice(0, at) + digit() + national.slice(at + 1);
    if (roll < 0.7) return national.slice(0, at) + Array.from({ length: national.length - at }, digit).join('');
    if (roll < 0.8) return national.slice(0, at) + digit() + national.slice(at);
    if (roll < 0.9) return national.slice(0, at) + national.slice(at + 1);
    return Array.from({ length: 5 + Math.floor(random() * 8) }, digit).join('');
  };

  const disagreements: string[] = [];
  const agreedValid = new Map<string, number>();
  const compare = (form: string, input: string, defaultCountry: CountryCode | undefined) => {
    const ours = parsePhone(input, defaultCountry);
    const full = parsePhoneNumberFromString(input, defaultCountry);
    const valid = full?.isValid() ?? false;
    let same: boolean;
    if (/^\d{5,6}$/.test(input.replace(/\D/g, '')) && !input.includes('+')) {
      // Our rule for short codes comes first: 5 or 6 digits with no calling code.
      same = ours.ok && ours.shortCode;
    } else if (valid && isOurs(full!.country)) {
      same = ours.ok && !ours.shortCode && ours.country === full!.country && ours.type === full!.getType() && ours.e164 === full!.number;
      const key = `${full!.country} ${form}`;
      if (same) agreedValid.set(key, (agreedValid.get(key) ?? 0) + 1);
    } else if (valid && !OUR_CALLING_CODES.includes(full!.countryCallingCode)) {
      same = !ours.ok && ours.code === 'unsupported_country' && ours.callingCode === full!.countryCallingCode;
    } else {
      same = !ours.ok;
    }
    if (!same) {
      const theirs = full ? `${full.number} ${full.country} ${full.getType()} ${valid ? 'valid' : 'invalid'}` : 'nothing';
      disagreements.push(`${form} ${JSON.stringify(input)} in ${defaultCountry}: ours ${JSON.stringify(ours)}, libphonenumber ${theirs}`);
    }
  };

  // The ten countries' calling codes, and a few of others (whose numbers are never ours).
  for (const callingCode of [...OUR_CALLING_CODES, '49', '7', '34', '353', '86', '52']) {
    const regions = getCountries().filter((region) => getCountryCallingCode(region) === callingCode);
    const homes = SUPPORTED_COUNTRIES.filter((country) => regions.includes(country));
    // Start from libphonenumber's example numbers of every region of the calling code (Jamaica's under +1 too);
    // mutated numbers that are valid join their region's pool, so the walk spreads over the numbering plans.
    const pools = new Map(regions.map((region) => [region, examples[region] ? [examples[region]] : []]));
    const count = homes.length === 0 ? 150 : 500 * homes.length;
    for (let i = 0; i < count; i += 1) {
      const pool = pools.get(homes.length > 0 && random() < 0.7 ? pick(homes) : pick(regions))!;
      const national = mutate(pick(pool.length > 0 ? pool : [...pools.values()].flat()));
      const parsed = parsePhoneNumberFromString(`+${callingCode}${national}`);
      if (parsed?.isValid() && parsed.country) pools.get(parsed.country)?.push(national);
      // Written at home (a country of the calling code), or abroad (any of the ten).
      const home = homes.length > 0 ? pick(homes) : pick(SUPPORTED_COUNTRIES);
      const abroad = pick(SUPPORTED_COUNTRIES);
      const inputs: [input: string, defaultCountry: CountryCode | undefined][] = [
        [`+${callingCode}${national}`, random() < 0.5 ? undefined : abroad],
        [`${DIALLING[home].national}${national}`, home],
        [national, home],
        [`${pick(DIALLING[abroad].international)}${callingCode}${national}`, abroad],
        [`${callingCode}${national}`, home],
      ];
      const [input, defaultCountry] = pick(inputs);
      inputs.push([withSeparators(input), defaultCountry]);
      inputs.forEach(([text, country], form) => compare(FORMS[form]!, text, country));
      // And as libphonenumber itself formats a number of the ten: (415) 555-0142, 07400 123456, +33 6 12 34 56 78.
      if (parsed?.isValid() && isOurs(parsed.country)) {
        compare('national format', parsed.formatNational(), parsed.country);
        compare('international format', parsed.formatInternational(), random() < 0.5 ? undefined : abroad);
      }
    }
  }
  assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} disagreements`);
  // Enough valid numbers of every country in every form that the agreement means something.
  for (const country of SUPPORTED_COUNTRIES) {
    for (const form of [...FORMS, 'national format', 'international format']) {
      const agreed = agreedValid.get(`${country} ${form}`) ?? 0;
      assert.ok(agreed >= 40, `only ${agreed} valid ${country} numbers in ${form} form`);
    }
  }
});
