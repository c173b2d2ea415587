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

// A plain check rather than z.record and z.union, which would add a kilobyte to the browser bundle.
const isLabelParams = (value: unknown): value is LabelParams =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((param) => typeof param === 'string' || typeof param === 'number');
const labelParams = z.optional(z.custom<LabelParams>(isLabelParams));

export const capabilitiesSchema = z.object({ sms: z.boolean(), mms: z.boolean(), voice: z.boolean() });

export const phoneNumberSchema = z.object({
  id: z.string(),
  e164: z.string(),
  country: z.string(),
  label: z.string(),
  kind: z.enum(NUMBER_KINDS),
  capabilities: capabilitiesSchema,
  member: z.boolean(),
});

export const mediaSchema = z.object({
  id: z.string(),
  url: z.string(),
  type: z.string(),
  size: z.number(),
  name: z.string(),
});
export type Media = z.infer<typeof mediaSchema>;

/** A carrier failure: Twilio's code with the label and reason of the rules' catalog. */
export const messageErrorSchema = z.object({ code: z.number(), label: z.string(), reason: z.string() });
export type MessageError = z.infer<typeof messageErrorSchema>;

export const messageSchema = z.object({
  id: z.string(),
  direction: z.enum(DIRECTIONS),
  from: z.string(),
  to: z.string(),
  body: z.string(),
  media: z.array(mediaSchema),
  status: z.enum(MESSAGE_STATUSES),
  error: z.optional(messageErrorSchema),
  sendAt: z.optional(z.string()),
  createdAt: z.string(),
  segments: z.number(),
  encoding: z.enum(ENCODINGS),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  contact: z.string(),
  contactName: z.optional(z.string()),
  lastMessage: messageSchema,
  unread: z.boolean(),
  hasError: z.boolean(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const recipientSchema = z.object({
  e164: z.string(),
  optedOut: z.boolean(),
  blockedSenders: z.array(z.string()),
  lineType: z.optional(z.string()),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  workspace: z.object({ id: z.string(), name: z.string() }),
  numbers: z.array(phoneNumberSchema),
});
export type Me = z.infer<typeof meSchema>;

export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const availableNumberSchema = z.object({
  e164: z.string(),
  country: z.string(),
  locality: z.optional(z.string()),
  capabilities: capabilitiesSchema,
});
export type AvailableNumber = z.infer<typeof availableNumberSchema>;

export const availableNumbersSchema = z.object({
  items: z.array(availableNumberSchema),
  /** True when numbers were found and none of them can text. */
  onlyVoice: z.boolean(),
});
export type AvailableNumbers = z.infer<typeof availableNumbersSchema>;

export const violationSchema = z.object({
  code: z.enum(VIOLATION_CODES),
  field: z.enum(DRAFT_FIELDS),
  message: z.string(),
  params: labelParams,
});

/** Every error the stub answers: `{ error: { code, message, ... } }`. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
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

export const eventDataSchemas = {
  'message.created': messageSchema,
  'message.updated': messageSchema,
  'conversation.updated': conversationSchema,
  'recipient.updated': recipientSchema,
} as const;
