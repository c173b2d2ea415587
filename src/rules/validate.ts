/** `validateSend`: every send rule over a draft, for the composer before sending and the server on receipt. */
import { attachmentTypeAllowed, attachmentsByteLimit, ATTACHMENT_LIMITS, formatBytes } from './attachments.js';
import { labelled } from './labels.js';
import { callingCodeOf, countryName, parsePhone } from './phone.js';
import { SCHEDULE_MAX_DAYS, arrivalTime, scheduleProblem } from './schedule.js';
import { analyzeMessage } from './segments.js';
import { quietHoursAt } from './time-zones.js';
import {
  BODY_LIMIT,
  MMS_COUNTRIES,
  VIOLATION_CODES,
  WARNING_CODES,
  type PhoneNumber,
  type SendCheck,
  type SendContext,
  type SendDraft,
  type Violation,
  type Warning,
} from './types.js';

/** UTF-16 units a body may have, whatever its grapheme count (Twilio's limit). */
export const BODY_UNIT_LIMIT = 1600;
/** Above this many segments the composer warns about the cost. */
export const MANY_SEGMENTS = 3;

const isMmsCountry = (country: string) => (MMS_COUNTRIES as readonly string[]).includes(country);

/** Why the user cannot send from this number of theirs (empty when they can): for the sender choice too. */
export function senderViolations(number: PhoneNumber): Violation[] {
  const params = { from: number.e164 };
  if (number.kind === 'external') return [labelled('sender_external', 'from', params)];
  return [
    ...(number.member ? [] : [labelled('sender_not_member', 'from', params)]),
    ...(number.capabilities.sms ? [] : [labelled('sender_not_sms_capable', 'from', params)]),
  ];
}

export const isUsableSender = (number: PhoneNumber): boolean => senderViolations(number).length === 0;

/**
 * The number to send from when the draft names none: a usable one with the recipient's calling code,
 * personal before group, and MMS-capable first when there are attachments.
 */
export function chooseSender(
  numbers: readonly PhoneNumber[],
  callingCode: string,
  withAttachments: boolean,
): PhoneNumber | undefined {
  const rank = (number: PhoneNumber) =>
    (withAttachments && !number.capabilities.mms ? 2 : 0) + (number.kind === 'personal' ? 0 : 1);
  return numbers
    .filter((number) => isUsableSender(number) && callingCodeOf(number.e164.slice(1)) === callingCode)
    .sort((a, b) => rank(a) - rank(b))[0];
}

const byCodeOrder =
  <T extends { code: string }>(codes: readonly string[]) =>
  (a: T, b: T) =>
    codes.indexOf(a.code) - codes.indexOf(b.code);

export function validateSend(draft: SendDraft, ctx: SendContext): SendCheck {
  const violations: Violation[] = [];
  const warnings: Warning[] = [];
  const attachments = draft.attachments ?? [];
  // Nationally written numbers are read in the sender's country, else in that of the user's first usable number.
  const homeCountry = ctx.numbers.find(isUsableSender)?.country;
  const fromText = draft.from?.trim() ?? '';
  const fromParsed = fromText ? parsePhone(fromText, homeCountry) : undefined;
  const fromNumber = fromParsed?.ok && !fromParsed.shortCode ? fromParsed : undefined;
  const to = parsePhone(draft.to, fromNumber?.country ?? homeCountry);
  const recipient = to.ok && !to.shortCode ? to : undefined;

  if (!to.ok) {
    violations.push(
      to.code === 'invalid_number'
        ? labelled('invalid_number', 'to')
        : labelled('unsupported_country', 'to', {
            country: to.country ? countryName(to.country) : `+${to.callingCode}`,
            countryCode: to.country ?? '',
            callingCode: to.callingCode,
          }),
    );
  } else if (to.shortCode) {
    violations.push(labelled('short_code', 'to', { number: to.e164 }));
  }
  if (recipient) {
    if (ctx.optedOut(recipient.e164)) violations.push(labelled('opted_out', 'to'));
    if (recipient.type === 'FIXED_LINE') warnings.push(labelled('likely_landline', 'to', { number: recipient.e164 }));
    const quiet = quietHoursAt(recipient.e164, arrivalTime(draft.sendAt, ctx.now));
    if (quiet) warnings.push(labelled('quiet_hours', 'sendAt', quiet));
  }

  // The sender: the one named (checked), or the one chosen for the recipient.
  let sender: PhoneNumber | undefined;
  let chosen: string | undefined;
  if (fromText) {
    const e164 = fromNumber?.e164 ?? fromText;
    sender = ctx.numbers.find((number) => number.e164 === e164);
    if (sender) violations.push(...senderViolations(sender));
    else violations.push(labelled('sender_not_member', 'from', { from: e164 }));
    if (sender?.kind !== 'external' && recipient && fromNumber && fromNumber.callingCode !== recipient.callingCode) {
      violations.push(
        labelled('international', 'from', {
          from: fromNumber.e164,
          fromCallingCode: fromNumber.callingCode,
          toCallingCode: recipient.callingCode,
        }),
      );
    }
  } else if (recipient) {
    sender = chooseSender(ctx.numbers, recipient.callingCode, attachments.length > 0);
    if (sender) chosen = sender.e164;
    else violations.push(labelled('no_sender', 'from', { callingCode: recipient.callingCode }));
  }

  const body = analyzeMessage(draft.body);
  if (draft.body.trim() === '' && attachments.length === 0) violations.push(labelled('body_empty', 'body'));
  if (body.characters > BODY_LIMIT || draft.body.length > BODY_UNIT_LIMIT) {
    violations.push(labelled('body_too_long', 'body', { count: body.characters, limit: BODY_LIMIT }));
  }
  if (body.nonGsm.length > 0) warnings.push(labelled('unicode', 'body', { chars: body.nonGsm.join(' ') }));
  if (body.segments > MANY_SEGMENTS) warnings.push(labelled('many_segments', 'body', { segments: body.segments }));

  if (attachments.length > 0) {
    // An external sender is reported alone: its MMS capability is beside the point.
    const senderLacksMms = sender
      ? sender.kind !== 'external' && !(sender.capabilities.mms && isMmsCountry(sender.country))
      : fromNumber !== undefined && !isMmsCountry(fromNumber.country);
    if (senderLacksMms || (recipient && !isMmsCountry(recipient.country))) {
      violations.push(labelled('mms_not_supported', 'attachments'));
    }
    if (attachments.length > ATTACHMENT_LIMITS.count) {
      violations.push(
        labelled('too_many_attachments', 'attachments', { count: attachments.length, limit: ATTACHMENT_LIMITS.count }),
      );
    }
    const total = attachments.reduce((sum, attachment) => sum + attachment.size, 0);
    const limit = attachmentsByteLimit(attachments.map((attachment) => attachment.type));
    if (total > limit) {
      violations.push(labelled('attachments_too_large', 'attachments', { size: formatBytes(total), limit: formatBytes(limit) }));
    }
    const refused = attachments.filter((attachment) => !attachmentTypeAllowed(attachment.type));
    if (refused.length > 0) {
      violations.push(
        labelled('attachment_type', 'attachments', {
          names: refused.map((attachment) => attachment.name).join(', '),
          types: refused.map((attachment) => attachment.type).join(', '),
        }),
      );
    }
  }

  if (draft.sendAt) {
    const problem = scheduleProblem(draft.sendAt, ctx.now);
    if (problem) violations.push(labelled(problem, 'sendAt', { days: SCHEDULE_MAX_DAYS }));
  }

  return {
    violations: violations.sort(byCodeOrder(VIOLATION_CODES)),
    warnings: warnings.sort(byCodeOrder(WARNING_CODES)),
    ...(chosen ? { from: chosen } : {}),
  };
}
