/**
 * The composer's decisions as pure functions over the rules module: which senders are usable and why the others
 * are not, which labels to show yet, times in the device's and recipient's zones, and the draft kept per recipient.
 */
import { localTime, parsePhone, timeZonesOf, validateSend } from '../../rules/index.js';
import type { Attachment, DraftField, PhoneNumber, SendContext, Violation, ViolationCode } from '../../rules/types.js';
import type { Recipient } from '../../protocol/index.js';

/** What the composer holds; the rules read it as a `SendDraft` (an empty `from` lets them choose). */
export interface ComposerDraft {
  to: string;
  /** Chosen by the user or the `from` attribute; empty to let the rules choose by the recipient's country. */
  from: string;
  body: string;
  attachments: Attachment[];
  /** ISO 8601 when sending later. */
  sendAt?: string;
}

export function sendContext(numbers: PhoneNumber[], recipient: Recipient | undefined, now: Date): SendContext {
  return { numbers, optedOut: (e164) => recipient?.e164 === e164 && recipient.optedOut, now };
}

export interface SenderChoice {
  number: PhoneNumber;
  /** Why this number cannot send this draft; undefined when it can. */
  reason?: ViolationCode;
}

/** Every number with the reason it cannot send this draft, if any: usable ones first, in the user's order. */
export function senderChoices(draft: ComposerDraft, context: SendContext): SenderChoice[] {
  const choices = context.numbers.map((number): SenderChoice => ({
    number,
    reason: validateSend({ ...draft, from: number.e164 }, context).violations.find((v) => v.field === 'from')?.code,
  }));
  return [...choices.filter((c) => !c.reason), ...choices.filter((c) => c.reason)];
}

/**
 * The violations to show now: a field the user has not touched yet does not complain about being empty
 * (an empty form is not an error until someone tries to send it).
 */
export function visibleViolations(violations: Violation[], draft: ComposerDraft, touched: ReadonlySet<DraftField>): Violation[] {
  return violations.filter((v) => {
    if (touched.has(v.field)) return true;
    if (v.code === 'body_empty') return false;
    if (v.field === 'to' && draft.to.trim() === '') return false;
    return true;
  });
}

/** `YYYY-MM-DDTHH:MM` of a date in the device's zone, as `<input type="datetime-local">` reads and writes. */
export function toLocalInput(date: Date): string {
  // The device's wall-clock time written as if it were UTC, cut to the minute.
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The ISO instant of a `datetime-local` value, read in the device's zone; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The recipient's wall-clock time at `at` in each zone their number maps to. */
export function recipientClocks(to: string, at: Date): { zone: string; time: string }[] {
  const parsed = parsePhone(to);
  if (!parsed.ok || parsed.shortCode) return [];
  return timeZonesOf(parsed.e164).flatMap((zone) => {
    const local = localTime(zone, at);
    return local ? [{ zone, time: local.time }] : [];
  });
}

/** The E.164 form when the input parses, for comparing and keying; the input otherwise. */
export function normalizeNumber(input: string): string {
  const parsed = parsePhone(input);
  return parsed.ok ? parsed.e164 : input.trim();
}

export interface StoredDraft {
  body: string;
  sendAt?: string;
}

const DRAFT_PREFIX = 'sms-elements:draft:';

/** The unsent text for a recipient, kept in localStorage so it survives a reload. */
export function loadDraft(storage: Storage, to: string): StoredDraft | undefined {
  try {
    const value = JSON.parse(storage.getItem(DRAFT_PREFIX + normalizeNumber(to)) || '{}') as Partial<StoredDraft> | null;
    if (typeof value?.body === 'string') return value as StoredDraft;
  } catch {
    // Storage that is unavailable or holds something else is as good as no draft.
  }
  return undefined;
}

/** Only for a recipient that is a whole number (or none yet): not under each prefix typed on the way to one. */
export function saveDraft(storage: Storage, to: string, draft: StoredDraft): void {
  const key = DRAFT_PREFIX + normalizeNumber(to);
  if (to.trim() && !parsePhone(to).ok) return;
  try {
    if (draft.body || draft.sendAt) storage.setItem(key, JSON.stringify(draft));
    else storage.removeItem(key);
  } catch {
    // A full or disabled storage only loses the draft on reload.
  }
}
