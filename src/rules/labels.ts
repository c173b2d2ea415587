/**
 * The English sentence of every violation and warning, as templates with `{param}` holes. Elements localize
 * by the same codes and params and fall back to `message`.
 */
import type { DraftField, LabelParams, ViolationCode, WarningCode } from './types.js';

export const LABELS: Record<ViolationCode | WarningCode, string> = {
  invalid_number: 'Enter a valid phone number, with its country code (e.g. +1 for the US).',
  short_code: '{number} is a short code: short codes cannot receive texts from your numbers.',
  unsupported_country:
    'Texting {country} is not supported. You can text the US, Canada, the UK, Australia, Belgium, Denmark, France, Israel, Puerto Rico and South Africa.',
  no_sender: 'You have no number that can text +{callingCode} numbers. Add an SMS-enabled +{callingCode} number first.',
  sender_external: '{from} is an external number: it cannot send or receive texts. Choose one of your SMS numbers.',
  sender_not_sms_capable: '{from} is a voice-only number: it cannot send texts.',
  sender_not_member: 'You cannot text from {from}: it is not your number or a group number you belong to.',
  international:
    'International texts are not supported: {from} (+{fromCallingCode}) cannot text a +{toCallingCode} number. Use a number from the recipient’s country.',
  opted_out: 'This recipient opted out (replied STOP). You cannot text them until they reply START.',
  body_empty: 'Write a message or add an attachment.',
  body_too_long: 'This message is too long: {count} characters, at most {limit} (fewer with many emoji or symbols).',
  mms_not_supported: 'Attachments can only be sent from and to US and Canadian numbers that support MMS.',
  too_many_attachments: 'Too many attachments: {count}, at most {limit}.',
  attachments_too_large:
    'The attachments add up to {size}: the limit is {limit} (5 MB for images only, 600 KB when any file is not an image).',
  attachment_type:
    '{names} cannot be sent. Attach images, video, audio, PDF, vCard, calendar, plain text or CSV files.',
  schedule_in_past: 'The send-later time has passed: pick a time in the future.',
  schedule_too_far: 'Messages can be scheduled at most {days} days ahead.',
  likely_landline: '{number} looks like a landline: the text may not be delivered.',
  unicode: '{chars} cannot be sent in the standard character set, so each part holds 70 characters instead of 160.',
  many_segments: 'This message will be sent as {segments} parts, each billed as one text.',
  quiet_hours: 'It will be {time} for the recipient ({zone}) when this arrives. Consider sending later.',
};

/** Fills `{name}` holes; a hole without a param stays visible rather than silently vanishing. */
export const fillTemplate = (template: string, params: LabelParams = {}): string =>
  template.replace(/\{(\w+)\}/g, (hole, name: string) => (name in params ? String(params[name]) : hole));

export const labelFor = (code: ViolationCode | WarningCode, params?: LabelParams): string =>
  fillTemplate(LABELS[code], params);

/** A violation or a warning with its English sentence; `params` only when there are any. */
export function labelled<Code extends ViolationCode | WarningCode>(
  code: Code,
  field: DraftField,
  params?: LabelParams,
) {
  return { code, field, message: labelFor(code, params), ...(params ? { params } : {}) };
}
