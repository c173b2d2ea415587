/**
 * A recipient's time zones and quiet hours. Approximation: the zones come from libphonenumber's prefix map
 * (area codes, cut to four digits), so a mobile number is placed where it was issued, not where its owner is.
 */
import { ZONE_NAMES, ZONE_PREFIXES } from './generated/time-zones.js';

/** Quiet from 21:00 (inclusive) to 08:00 (exclusive), recipient's local time. */
export const QUIET_HOURS = { from: 21, to: 8 } as const;

let zonesByPrefix: Map<string, string[]> | undefined;
let longestPrefix = 0;

function prefixMap(): Map<string, string[]> {
  if (zonesByPrefix) return zonesByPrefix;
  zonesByPrefix = new Map();
  for (const [indices, prefixes] of ZONE_PREFIXES) {
    const zones = indices.split(' ').map((index) => ZONE_NAMES[Number(index)]!);
    let prefix = '';
    for (const coded of prefixes.split(' ')) {
      prefix = prefix.slice(0, Math.max(prefix.length - coded.length, 0)) + coded;
      zonesByPrefix.set(prefix, zones);
      longestPrefix = Math.max(longestPrefix, prefix.length);
    }
  }
  return zonesByPrefix;
}

/** The time zones of an E.164 number, by longest matching prefix; empty when the map does not know it. */
export function timeZonesOf(e164: string): string[] {
  const map = prefixMap();
  const digits = e164.replace(/^\+/, '');
  for (let length = Math.min(digits.length, longestPrefix); length > 0; length -= 1) {
    const zones = map.get(digits.slice(0, length));
    if (zones) return zones;
  }
  return [];
}

const clocks = new Map<string, Intl.DateTimeFormat | null>();

function clock(zone: string): Intl.DateTimeFormat | null {
  let format = clocks.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      // A zone this engine's time zone data does not know cannot be judged.
      format = null;
    }
    clocks.set(zone, format);
  }
  return format;
}

/** The wall-clock time in `zone` at `at`, as `HH:MM` and the hour. */
export function localTime(zone: string, at: Date): { time: string; hour: number } | undefined {
  const parts = clock(zone)?.formatToParts(at);
  if (!parts) return undefined;
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '00';
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
  return { time: `${hour}:${minute}`, hour: Number(hour) };
}

/** The first of the number's zones where `at` falls in quiet hours, with the local time there. */
export function quietHoursAt(e164: string, at: Date): { zone: string; time: string } | undefined {
  for (const zone of timeZonesOf(e164)) {
    const local = localTime(zone, at);
    if (local && (local.hour >= QUIET_HOURS.from || local.hour < QUIET_HOURS.to)) return { zone, time: local.time };
  }
  return undefined;
}
