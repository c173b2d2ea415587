import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { MMS_COUNTRIES, SUPPORTED_COUNTRIES, type Capabilities } from '../../src/rules/types.js';

/** What the simulated carrier offers for rent: Local (geographic) or Mobile numbers. */
export type NumberType = 'Local' | 'Mobile';

const NANP_COUNTRIES: readonly string[] = ['US', 'CA', 'PR'];
/** The area searched when a North American Local search names none. */
const DEFAULT_AREA: Record<string, string> = { US: '415', CA: '416', PR: '787' };
const KEYPAD: Record<string, string> = Object.fromEntries(
  ['abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'].flatMap((letters, i) =>
    [...letters].map((letter) => [letter, String(i + 2)]),
  ),
);

/**
 * The simulated carrier's offer: London (GB +44 20) numbers are voice-only, so a search there finds nothing that
 * can text; every other number texts, with MMS only in the US and Canada.
 */
export function simulatedCapabilities(e164: string): Capabilities {
  const number = parsePhoneNumberFromString(e164);
  if (number?.country === 'GB' && number.nationalNumber.startsWith('20')) return { sms: false, mms: false, voice: true };
  return { sms: true, mms: (MMS_COUNTRIES as readonly string[]).includes(number?.country ?? ''), voice: true };
}

/** Twilio's `Contains` pattern as a regular expression over the E.164 number: `*` one digit, `%` any run, letters as on a keypad. */
export function containsPattern(contains: string): RegExp {
  let source = '';
  for (const char of contains.toLowerCase()) {
    if (char === '*') source += '\\d';
    else if (char === '%') source += '\\d*';
    else if (char === '+') source += source === '' ? '^\\+' : '';
    else if (char === '$') source += '$';
    else if (/\d/.test(char)) source += char;
    else if (KEYPAD[char]) source += KEYPAD[char];
  }
  return new RegExp(source);
}

function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPE_MATCHES: Record<NumberType, readonly string[]> = {
  Local: ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'],
  Mobile: ['MOBILE', 'FIXED_LINE_OR_MOBILE'],
};

export interface NumberSearch {
  country: string;
  type: NumberType;
  areaCode?: string;
  contains?: string;
  limit: number;
  /** Numbers already taken, never offered again. */
  taken: ReadonlySet<string>;
}

/**
 * Invents valid numbers of the country and type that match the query, the same ones for the same query.
 * Twilio offers no Mobile numbers in North America (the caller answers 404), and nothing outside the supported countries.
 */
export function searchNumbers(search: NumberSearch): string[] {
  const { country, type } = search;
  if (!(SUPPORTED_COUNTRIES as readonly string[]).includes(country)) return [];
  const callingCode = getCountryCallingCode(country as CountryCode);
  const pattern = search.contains ? containsPattern(search.contains) : undefined;
  const anchored = search.contains?.match(/^\+(\d+)/)?.[1];
  let prefix = callingCode;
  if (search.areaCode && NANP_COUNTRIES.includes(country)) prefix += search.areaCode;
  else if (anchored) prefix = anchored;
  else if (type === 'Local' && DEFAULT_AREA[country]) prefix += DEFAULT_AREA[country];
  if (!prefix.startsWith(callingCode)) return [];
  // Digits an unanchored pattern asks for are placed at the end, where vanity numbers carry them.
  const tail = anchored ? '' : (search.contains ?? '').toLowerCase().replace(/[^0-9a-z]/g, '').replace(/[a-z]/g, (c) => KEYPAD[c] ?? '');

  const random = seededRandom(`${country}|${type}|${prefix}|${search.contains ?? ''}`);
  const found = new Set<string>();
  for (let attempt = 0; attempt < 1000 && found.size < search.limit; attempt++) {
    const length = 10 + Math.floor(random() * 4);
    const free = length - prefix.length - tail.length;
    if (free < 0) continue;
    let digits = prefix;
    for (let i = 0; i < free; i++) digits += String(Math.floor(random() * 10));
    const e164 = `+${digits}${tail}`;
    if (found.has(e164) || search.taken.has(e164) || (pattern && !pattern.test(e164))) continue;
    const number = parsePhoneNumberFromString(e164);
    if (!number?.isValid() || number.number !== e164 || number.country !== country) continue;
    if (!TYPE_MATCHES[type].includes(number.getType() ?? '')) continue;
    // Voice-only numbers turn up only for a search aimed at their area (London), never in a broad one.
    if (!simulatedCapabilities(e164).sms && prefix.length <= callingCode.length) continue;
    found.add(e164);
  }
  return [...found];
}

/** A number's country and national format, as Twilio names them. */
export function describeNumber(e164: string): { country: string; nationalFormat: string } {
  const number = parsePhoneNumberFromString(e164);
  return { country: number?.country ?? '', nationalFormat: number?.formatNational() ?? e164 };
}
