/** Send later: a time strictly in the future, at most 35 days ahead. */

export const SCHEDULE_MAX_DAYS = 35;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The problem with a send-later time, if any. A time that does not parse is not a time in the future, so
 * it is `schedule_in_past` too.
 */
export function scheduleProblem(sendAt: string, now: Date): 'schedule_in_past' | 'schedule_too_far' | null {
  const ahead = Date.parse(sendAt) - now.getTime();
  // NaN, from a time that does not parse, is not above 0 either.
  if (!(ahead > 0)) return 'schedule_in_past';
  return ahead > SCHEDULE_MAX_DAYS * DAY_MS ? 'schedule_too_far' : null;
}

/** When a draft will reach the recipient: its send-later time when that is valid, otherwise now. */
export const arrivalTime = (sendAt: string | undefined, now: Date): Date =>
  sendAt && scheduleProblem(sendAt, now) !== 'schedule_in_past' ? new Date(sendAt) : now;
