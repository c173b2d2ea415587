/** Twilio's error codes as an error label and the reason behind it, shown on a failed message. */
import { fillTemplate } from './labels.js';

export interface CarrierError {
  code: number;
  label: string;
  reason: string;
}

const LANDLINE_OR_UNREACHABLE = 'Landline or unreachable';

/** Label and reason templates by Twilio code; elements localize by the same codes. */
export const CARRIER_ERRORS: Record<number, { label: string; reason: string }> = {
  30003: {
    label: LANDLINE_OR_UNREACHABLE,
    reason: 'The recipient’s phone could not be reached: it may be switched off, out of coverage, or a landline.',
  },
  30005: {
    label: LANDLINE_OR_UNREACHABLE,
    reason: 'The number does not exist or is no longer in service, or it is a landline.',
  },
  30006: {
    label: LANDLINE_OR_UNREACHABLE,
    reason: 'The number is a landline or cannot receive text messages.',
  },
  30007: {
    label: 'Filtered as spam',
    reason: 'The carrier filtered this message as spam. Avoid link shorteners and repeated identical texts.',
  },
  21610: {
    label: 'Recipient opted out',
    reason: 'The recipient replied STOP to one of your numbers. They can text START to opt back in.',
  },
  30008: {
    label: 'Unknown error',
    reason: 'The carrier could not deliver the message and did not say why.',
  },
  21211: {
    label: 'Invalid number',
    reason: 'The carrier says the recipient’s number is not a valid phone number.',
  },
  21408: {
    label: 'Country not enabled',
    reason: 'Texting this country is not enabled for the account that sends the messages.',
  },
};

/** Any other code: its number and a generic sentence. */
export const CARRIER_ERROR_FALLBACK = {
  label: 'Error {code}',
  reason: 'The carrier refused this message (Twilio error {code}). Try again later, or contact support if it persists.',
};

export function carrierError(code: number): CarrierError {
  const entry = CARRIER_ERRORS[code] ?? CARRIER_ERROR_FALLBACK;
  return { code, label: fillTemplate(entry.label, { code }), reason: fillTemplate(entry.reason, { code }) };
}
