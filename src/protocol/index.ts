/**
 * What crosses the wire between the HTTP adapter and the server stub.
 * zod/mini keeps the browser bundle small; these are the answers the adapter checks, and the request schemas
 * the server checks live in requests.ts, so the browser bundle leaves them out.
 */
import * as z from 'zod/mini';
import { DRAFT_FIELDS, NUMBER_KINDS, VIOLATION_CODES, type LabelParams } from '../rules/types.js';

export const MESSAGE_STATUSES = [
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'received',
  'canceled',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export const ENCODINGS = ['GSM-7', 'UCS-2'] as const;
export const INBOX_FILTERS = ['all', 'unread', 'errored'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const EVENT_TYPES = ['message.created', 'message.updated', 'conversation.updated', 'recipient.updated'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// The fields are checked by plain predicates (z.custom) inside zod's objects, arrays and optionals, rather than
// by z.string, z.number, z.boolean, z.enum, z.nullable, z.record and z.union: each of those brings its own share
// of zod into the browser bundle, and for a parsed JSON value a predicate says the same.
const string = z.custom<string>((value) => typeof value === 'string');
const number = z.custom<number>((value) => typeof value === 'number');
const boolean = z.custom<boolean>((value) => typeof value === 'boolean');
const isLabelParams = (value: unknown): value is LabelParams =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((param) => typeof param === 'string' || typeof param === 'number');
const labelParams = z.optional(z.custom<LabelParams>(isLabelParams));

/** One of `values`. */
const oneOf = <T extends string>(values: readonly T[]) => z.custom<T>((value) => values.includes(value as T));

export const capabilitiesSchema = z.object({ sms: boolean, mms: boolean, voice: boolean });

export const phoneNumberSchema = z.object({
  id: string,
  e164: string,
  country: string,
  label: string,
  kind: oneOf(NUMBER_KINDS),
  capabilities: capabilitiesSchema,
  member: boolean,
});

export const mediaSchema = z.object({
  id: string,
  url: string,
  type: string,
  size: number,
  name: string,
});
export type Media = z.infer<typeof mediaSchema>;

/** A carrier failure: Twilio's code with the label and reason of the rules' catalog. */
export const messageErrorSchema = z.object({ code: number, label: string, reason: string });
export type MessageError = z.infer<typeof messageErrorSchema>;

export const messageSchema = z.object({
  id: string,
  direction: oneOf(DIRECTIONS),
  from: string,
  to: string,
  body: string,
  media: z.array(mediaSchema),
  status: oneOf(MESSAGE_STATUSES),
  error: z.optional(messageErrorSchema),
  sendAt: z.optional(string),
  createdAt: string,
  segments: number,
  encoding: oneOf(ENCODINGS),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  contact: string,
  contactName: z.optional(string),
  lastMessage: messageSchema,
  unread: boolean,
  hasError: boolean,
  updatedAt: string,
});
export type Conversation = z.infer<typeof conversationSchema>;

/** The inbox's order, the same on every backend: newest activity first, then the contact, descending. */
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.contact > b.contact ? -1 : a.contact < b.contact ? 1 : 0;
}

export const recipientSchema = z.object({
  e164: string,
  optedOut: boolean,
  blockedSenders: z.array(string),
  lineType: z.optional(string),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const meSchema = z.object({
  user: z.object({ id: string, name: string }),
  workspace: z.object({ id: string, name: string }),
  numbers: z.array(phoneNumberSchema),
});
export type Me = z.infer<typeof meSchema>;

export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.custom<string | null>((value) => value === null || typeof value === 'string') });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const availableNumberSchema = z.object({
  e164: string,
  country: string,
  locality: z.optional(string),
  capabilities: capabilitiesSchema,
});
export type AvailableNumber = z.infer<typeof availableNumberSchema>;

export const availableNumbersSchema = z.object({
  items: z.array(availableNumberSchema),
  /** True when numbers were found and none of them can text. */
  onlyVoice: boolean,
});
export type AvailableNumbers = z.infer<typeof availableNumbersSchema>;

export const violationSchema = z.object({
  code: oneOf(VIOLATION_CODES),
  field: oneOf(DRAFT_FIELDS),
  message: string,
  params: labelParams,
});

/** Every error the stub answers: `{ error: { code, message, ... } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: string,
    message: string,
    violations: z.optional(z.array(violationSchema)),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type { AvailableQuery, RentRequest, SendRequest, SimulatorInbound } from './requests.js';

/** One Server-Sent Event: `id` strictly increasing per workspace, `data` the changed object. */
export type SmsEvent =
  | { id: string; type: 'message.created' | 'message.updated'; data: Message }
  | { id: string; type: 'conversation.updated'; data: Conversation }
  | { id: string; type: 'recipient.updated'; data: Recipient }
  /** The client was away longer than events are kept: refetch everything. */
  | { id: string; type: 'reset'; data: null };

/** The schema of each event type's `data` (`reset` has none). */
export const eventDataSchemas = new Map<string, z.ZodMiniType>([
  ['message.created', messageSchema],
  ['message.updated', messageSchema],
  ['conversation.updated', conversationSchema],
  ['recipient.updated', recipientSchema],
]);
