/**
 * Phone numbers: parsing to E.164, validating and typing with libphonenumber's numbering plans of the ten
 * supported countries, by libphonenumber's own steps (calling code, international and national prefixes,
 * country by leading digits or type) on its data, cut down by scripts/cut-metadata.mjs.
 */
import { NUMBER_TYPES, PLANS, WORLD_PREFIXES } from './generated/metadata.js';
import { SUPPORTED_COUNTRIES, type CountryCode } from './types.js';

/**
 * A country's numbering plan as libphonenumber's metadata gives it, cut to what parsing and typing read, as
 * scripts/cut-metadata.mjs writes it into generated/metadata.ts. Patterns are regular expression sources. Each
 * type's pattern matches only lengths libphonenumber allows it (the script checks), so types carry no lengths of
 * their own.
 */
export type NumberingPlan = [
  callingCode: string,
  /** Dialled before a calling code from this country (011 in NANP). */
  internationalPrefix: string,
  /** National prefix for parsing, '' when none. */
  nationalPrefix: string,
  nationalNumber: string,
  /** Possible lengths of a national number, ascending. */
  lengths: number[],
  /** In NUMBER_TYPES order; '' where the country has no such numbers, trailing ones left out. */
  types: string[],
  /** Where a calling code is shared, the pattern of this country's national numbers' start. */
  leadingDigits?: string,
];

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
/** What people put between digits: spaces, dots, dashes (Unicode's too), slashes, brackets, invisible breaks. */
const SEPARATORS = /[\s()[\]./\-\u2010-\u2015\u2212\u00ad\u200b\u2060]/g;
const SHORT_CODE = /^\d{5,6}$/;

export const isSupportedCountry = (country: string | undefined): country is CountryCode =>
  (SUPPORTED_COUNTRIES as readonly string[]).includes(country ?? '');

let worldRegions: Map<string, string> | undefined;

/**
 * The first of `digits`' first `from` to `to` digits that is a calling code of the world, or a longer prefix of a
 * region sharing one (1876: JM), with its region ('' for non-geographic codes). Neither list has a prefix of another.
 */
function worldPrefix(digits: string, from: number, to: number): [prefix: string, region: string] | undefined {
  if (!worldRegions) {
    worldRegions = new Map();
    let prefix = 0;
    for (const [, step, region] of WORLD_PREFIXES.matchAll(/(\d*)(\D\D)/g)) {
      prefix += Number(step) || 1;
      worldRegions.set(String(prefix), region === '__' ? '' : region.toUpperCase());
    }
  }
  for (let length = from; length <= to && length <= digits.length; length += 1) {
    const region = worldRegions.get(digits.slice(0, length));
    if (region !== undefined) return [digits.slice(0, length), region];
  }
  return undefined;
}

/** The calling code that `digits` (E.164 without `+`) starts with, from the world's list (they are prefix-free). */
export const callingCodeOf = (digits: string): string | undefined => worldPrefix(digits, 1, 3)?.[0];

const unsupported = (callingCode: string, country?: string) =>
  ({ ok: false, code: 'unsupported_country', callingCode, ...(country ? { country } : {}) }) as const;

// The metadata's patterns, compiled on first use; keyed by the pattern string itself, whose hash is computed once.
const starts = new Map<string, RegExp>();
const wholes = new Map<string, RegExp>();
const compile = (cache: Map<string, RegExp>, pattern: string, end: string) => {
  let regex = cache.get(pattern);
  if (!regex) cache.set(pattern, (regex = new RegExp(`^(?:${pattern})${end}`)));
  return regex;
};
/** The start of `digits` that `pattern` matches, if any. */
const startOf = (pattern: string, digits: string) => compile(starts, pattern, '').exec(digits)?.[0];
const fits = (pattern: string, digits: string) => compile(wholes, pattern, '$').test(digits);

/** libphonenumber's type of a national number in a plan; undefined when the plan has no such number (invalid). */
function typeOf(national: string, [, , , pattern, , types]: NumberingPlan): string | undefined {
  const index = fits(pattern, national) ? types.findIndex((type) => type && fits(type, national)) : -1;
  // A plan with no mobile pattern of its own (NANP) cannot tell a fixed line from a mobile.
  if (index === 0) return !types[1] || fits(types[1], national) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  return NUMBER_TYPES[index];
}

/**
 * The country of a national number among those sharing its calling code, main country first: by leading digits
 * where a plan has them, else the first whose types the number fits.
 */
function countryOf(callingCode: string, national: string): string | undefined {
  for (const country in PLANS) {
    const plan = PLANS[country];
    const leadingDigits = plan[6];
    if (plan[0] !== callingCode) continue;
    if (leadingDigits ? startOf(leadingDigits, national) !== undefined : typeOf(national, plan)) return country;
  }
  return undefined;
}

/**
 * The national number without its national prefix (1 in NANP, 0 elsewhere, AU's carrier codes), unless only the
 * number with it fits the plan, or what is left is too short or of an impossible length (libphonenumber's rules).
 */
function withoutNationalPrefix(number: string, plan: NumberingPlan): string {
  const prefix = plan[2] && startOf(plan[2], number);
  if (!prefix) return number;
  const national = number.slice(prefix.length);
  if (fits(plan[3], number) && !fits(plan[3], national)) return number;
  const found = countryOf(plan[0], national);
  const lengths = (found ? PLANS[found] : plan)[4];
  return national.length > lengths.at(-1)! || lengths.includes(national.length) ? national : number;
}

/** libphonenumber's test for a number written with the home calling code but no plus (447400123456 in GB). */
function startsWithCallingCode(digits: string, plan: NumberingPlan): boolean {
  const [callingCode, , , pattern, lengths] = plan;
  if (!digits.startsWith(callingCode)) return false;
  const whole = withoutNationalPrefix(digits, plan);
  const shorter = withoutNationalPrefix(digits.slice(callingCode.length), plan);
  return (!fits(pattern, whole) && fits(pattern, shorter)) || whole.length > lengths.at(-1)!;
}

/** The composer checks the same numbers again on every keystroke. */
const REMEMBERED_PARSES = 256;
const parses = new Map<string, PhoneParse>();

/**
 * Parses what a person typed (`+1 (415) 555-0100`, `07400 123456` with `defaultCountry` GB, `011 44 …` in the US,
 * `55555`). Only digits, a leading `+` and separators are read: letters, extensions and other scripts' digits
 * make it `invalid_number` rather than a guess. A calling code outside the ten is `unsupported_country`.
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
  const compact = input.replace(SEPARATORS, '');
  if (SHORT_CODE.test(compact)) {
    return { ok: true, e164: compact, country: defaultCountry ?? '', callingCode: '', shortCode: true };
  }
  if (!/^\+?\d+$/.test(compact)) return INVALID;
  let digits = compact.replace('+', '');
  let plan = compact[0] === '+' || !isSupportedCountry(defaultCountry) ? undefined : PLANS[defaultCountry];
  if (plan) {
    // Dialled with the home country's international prefix (011 in NANP, 00 elsewhere; a 0 after it starts no
    // calling code), or written with the home calling code and no plus: read as international.
    const prefix = startOf(plan[1], digits);
    if (prefix && /[1-9]/.test(digits[prefix.length] ?? '')) {
      digits = digits.slice(prefix.length);
      plan = undefined;
    } else if (startsWithCallingCode(digits, plan)) plan = undefined;
  } else if (compact[0] !== '+') return INVALID;
  if (!plan) {
    const [callingCode, region] = worldPrefix(digits, 1, 3) ?? [];
    if (callingCode === undefined) return INVALID;
    // The main country's plan comes first.
    plan = Object.values(PLANS).find((candidate) => candidate[0] === callingCode);
    if (!plan) return unsupported(callingCode, region);
    digits = digits.slice(callingCode.length);
  }
  const callingCode = plan[0];
  const national = withoutNationalPrefix(digits, plan);
  const country = countryOf(callingCode, national);
  const type = country && typeOf(national, PLANS[country]);
  if (!country || !type) {
    // A region outside the ten that shares the calling code and has these national numbers (1876: Jamaica).
    const foreign = worldPrefix(callingCode + national, callingCode.length + 1, Infinity);
    return foreign ? unsupported(callingCode, foreign[1]) : INVALID;
  }
  return { ok: true, e164: `+${callingCode}${national}`, country, callingCode, shortCode: false, type };
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
