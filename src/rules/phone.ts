/** Phone numbers: parsing to E.164 with the metadata of the ten supported countries only. */
import { parsePhoneNumberFromString, type CountryCode as LibCountryCode } from 'libphonenumber-js/core';
import { metadata, SHARED_CALLING_CODES, WORLD_CALLING_CODES } from './generated/metadata.js';
import { SUPPORTED_COUNTRIES, type CountryCode } from './types.js';

export type PhoneParse =
  | {
      ok: true;
      /** E.164 (`+14155550100`); for a short code, its digits. */
      e164: string;
      country: string;
      /** Empty for a short code. */
      callingCode: string;
      shortCode: boolean;
      /** The number plan's type where it tells: `FIXED_LINE`, `MOBILE`, `FIXED_LINE_OR_MOBILE`, `TOLL_FREE` ... */
      type?: string;
    }
  | { ok: false; code: 'invalid_number' }
  | { ok: false; code: 'unsupported_country'; callingCode: string; country?: string };

const INVALID = { ok: false, code: 'invalid_number' } as const;
const SEPARATORS = /[\s().\-\u2010-\u2015]/g;
const SHORT_CODE = /^\d{5,6}$/;

export const isSupportedCountry = (country: string | undefined): country is CountryCode =>
  (SUPPORTED_COUNTRIES as readonly string[]).includes(country ?? '');

let worldRegions: Map<string, string> | undefined;

/** The main region of every calling code of the world ('' for non-geographic ones). */
function regionsByCallingCode(): Map<string, string> {
  worldRegions ??= new Map(
    WORLD_CALLING_CODES.split(' ').map((entry) => {
      const split = entry.search(/\D|$/);
      return [entry.slice(0, split), entry.slice(split)];
    }),
  );
  return worldRegions;
}

/** The calling code that `digits` (E.164 without `+`) starts with, from the world's list (they are prefix-free). */
export function callingCodeOf(digits: string): string | undefined {
  const regions = regionsByCallingCode();
  for (let length = 1; length <= 3 && length <= digits.length; length += 1) {
    const code = digits.slice(0, length);
    if (regions.has(code)) return code;
  }
  return undefined;
}

const unsupported = (callingCode: string, country?: string) =>
  ({ ok: false, code: 'unsupported_country', callingCode, ...(country ? { country } : {}) }) as const;

/** The composer checks the same numbers again on every keystroke, and parsing one takes tens of microseconds. */
const REMEMBERED_PARSES = 256;
const parses = new Map<string, PhoneParse>();

/**
 * Parses what a person typed (`+1 (415) 555-0100`, `07400 123456` with `defaultCountry` GB, `55555`).
 * A calling code outside the ten is `unsupported_country` even though the cut metadata cannot read the rest.
 * Answers are frozen and remembered.
 */
export function parsePhone(input: string, defaultCountry?: string): PhoneParse {
  const key = `${defaultCountry ?? ''}:${input}`;
  let parsed = parses.get(key);
  if (!parsed) {
    parsed = Object.freeze(parse(input, defaultCountry));
    if (parses.size >= REMEMBERED_PARSES) parses.delete(parses.keys().next().value!);
    parses.set(key, parsed);
  }
  return parsed;
}

function parse(input: string, defaultCountry?: string): PhoneParse {
  const text = input.trim();
  const compact = text.replace(SEPARATORS, '');
  if (SHORT_CODE.test(compact)) {
    return { ok: true, e164: compact, country: defaultCountry ?? '', callingCode: '', shortCode: true };
  }
  if (compact.startsWith('+')) {
    const callingCode = callingCodeOf(compact.slice(1));
    if (callingCode === undefined) return INVALID;
    if (!(callingCode in metadata.country_calling_codes)) return unsupported(callingCode, regionsByCallingCode().get(callingCode));
  }
  const options = isSupportedCountry(defaultCountry) ? { defaultCountry: defaultCountry as LibCountryCode } : {};
  const parsed = parsePhoneNumberFromString(text, options, metadata);
  if (!parsed) return INVALID;
  const callingCode = parsed.countryCallingCode;
  if (!parsed.country || !parsed.isValid()) {
    const foreign = SHARED_CALLING_CODES[callingCode]?.find(([, leading]) =>
      new RegExp(`^(?:${leading})`).test(parsed.nationalNumber),
    );
    return foreign ? unsupported(callingCode, foreign[0]) : INVALID;
  }
  const type = parsed.getType();
  return { ok: true, e164: parsed.number, country: parsed.country, callingCode, shortCode: false, ...(type ? { type } : {}) };
}

let regionNames: Intl.DisplayNames | undefined;

/** The English name of a region (`Germany` for DE), for labels; elements localize from the region code. */
export function countryName(country: string): string {
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return regionNames.of(country) ?? country;
  } catch {
    return country;
  }
}
