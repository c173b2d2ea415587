/** Send later: a time strictly in the future, at most 35 days ahead. */

export const SCHEDULE_MAX_DAYS = 35;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The problem with a send-later time, if any. A time that does not parse is not a time in the future, so
 * it is `schedule_in_past` too.
 */
export function scheduleProblem(sendAt: string, now: Date): 'schedule_in_past' | 'schedule_too_far' | null {
  const at = Date.parse(sendAt);
  if (Number.isNaN(at) || at <= now.getTime()) return 'schedule_in_past';
  if (at - now.getTime() > SCHEDULE_MAX_DAYS * DAY_MS) return 'schedule_too_far';
  return null;
}

/** When a draft will reach the recipient: its send-later time when that is valid, otherwise now. */
export function arrivalTime(sendAt: string | undefined, now: Date): Date {
  const at = sendAt ? Date.parse(sendAt) : Number.NaN;
  return Number.isNaN(at) || at <= now.getTime() ? now : new Date(at);
}
