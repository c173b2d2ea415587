/** Countries the product texts, main country of a calling code first (US for +1). */
export const SUPPORTED_COUNTRIES = ['US', 'CA', 'GB', 'AU', 'BE', 'DK', 'FR', 'IL', 'PR', 'ZA'] as const;
export type CountryCode = (typeof SUPPORTED_COUNTRIES)[number];

/** Countries where MMS works, for the sender and the recipient alike. */
export const MMS_COUNTRIES = ['US', 'CA'] as const;

/** The most characters (graphemes, as a person counts them) a message may have. */
export const BODY_LIMIT = 1000;

export const NUMBER_KINDS = ['personal', 'group', 'external'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

export interface Capabilities {
  sms: boolean;
  mms: boolean;
  voice: boolean;
}

/** A number as the signed-in user sees it. */
export interface PhoneNumber {
  id: string;
  e164: string;
  country: string;
  label: string;
  kind: NumberKind;
  capabilities: Capabilities;
  /** Whether the user may send from it: their own personal number, or a group they belong to. */
  member: boolean;
}

export interface Attachment {
  name: string;
  type: string;
  size: number;
}

export interface SendDraft {
  from?: string;
  to: string;
  body: string;
  attachments?: Attachment[];
  /** ISO 8601. */
  sendAt?: string;
}

export interface SendContext {
  numbers: PhoneNumber[];
  optedOut: (e164: string) => boolean;
  now: Date;
}

export const DRAFT_FIELDS = ['from', 'to', 'body', 'attachments', 'sendAt'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export const VIOLATION_CODES = [
  'invalid_number',
  'short_code',
  'unsupported_country',
  'no_sender',
  'sender_external',
  'sender_not_sms_capable',
  'sender_not_member',
  'international',
  'opted_out',
  'body_empty',
  'body_too_long',
  'mms_not_supported',
  'too_many_attachments',
  'attachments_too_large',
  'attachment_type',
  'schedule_in_past',
  'schedule_too_far',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export const WARNING_CODES = ['likely_landline', 'unicode', 'many_segments', 'quiet_hours'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type LabelParams = Record<string, string | number>;

export interface Violation {
  code: ViolationCode;
  field: DraftField;
  /** The English sentence; elements show the localized text for `code` and `params`. */
  message: string;
  params?: LabelParams;
}

export interface Warning {
  code: WarningCode;
  field?: DraftField;
  message: string;
  params?: LabelParams;
}

export interface SendCheck {
  violations: Violation[];
  warnings: Warning[];
  /** When the draft had no `from`: the number chosen for it, if any. */
  from?: string;
}
