/**
 * A recipient's time zones and quiet hours. Approximation: the zones come from libphonenumber's prefix map
 * (area codes, cut to four digits), so a mobile number is placed where it was issued, not where its owner is.
 */
import { ZONE_NAMES, ZONE_SETS, ZONE_TABLES } from './generated/time-zones.js';

/** Quiet from 21:00 (inclusive) to 08:00 (exclusive), recipient's local time. */
export const QUIET_HOURS = { from: 21, to: 8 } as const;

/** The index a character of the generated tables stands for: '0' for the first. */
const indexOf = (symbol: string) => symbol.charCodeAt(0) - '0'.charCodeAt(0);

/** The time zones of an E.164 number, by longest matching prefix; empty when the map does not know it. */
export function timeZonesOf(e164: string): string[] {
  const digits = e164.replace(/^\+/, '');
  for (const [callingCode, table] of ZONE_TABLES) {
    // A table of 10^n characters is read by the n digits after the calling code.
    const end = callingCode.length + String(table.length).length - 1;
    if (!digits.startsWith(callingCode) || digits.length < end) continue;
    const symbol = table[Number(digits.slice(callingCode.length, end))]!;
    if (symbol === ' ') continue;
    // A zone, or past the zones a set of them.
    const index = indexOf(symbol);
    if (index < ZONE_NAMES.length) return [ZONE_NAMES[index]!];
    return [...ZONE_SETS[index - ZONE_NAMES.length]!].map((zone) => ZONE_NAMES[indexOf(zone)]!);
  }
  return [];
}

const clocks = new Map<string, Intl.DateTimeFormat | undefined>();

/** The wall-clock time in `zone` at `at`, as `HH:MM` and the hour; undefined for a zone the engine does not know. */
export function localTime(zone: string, at: Date): { time: string; hour: number } | undefined {
  if (!clocks.has(zone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      // A zone this engine's time zone data does not know cannot be judged.
    }
    clocks.set(zone, format);
  }
  const time = clocks.get(zone)?.format(at);
  return time ? { time, hour: Number(time.slice(0, 2)) } : undefined;
}

/** The first of the number's zones where `at` falls in quiet hours, with the local time there. */
export function quietHoursAt(e164: string, at: Date): { zone: string; time: string } | undefined {
  for (const zone of timeZonesOf(e164)) {
    const local = localTime(zone, at);
    if (local && (local.hour >= QUIET_HOURS.from || local.hour < QUIET_HOURS.to)) return { zone, time: local.time };
  }
  return undefined;
}
