/**
 * What clients send: the request bodies and queries the server stub (and the msw handlers standing in for it)
 * check. Apart from the response schemas so the browser bundle, which only sends them, leaves them out.
 */
import * as z from 'zod/mini';

export const availableQuerySchema = z.object({
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  areaCode: z.optional(z.string().check(z.regex(/^\d{1,5}$/))),
  contains: z.optional(z.string().check(z.maxLength(16))),
});
export type AvailableQuery = z.infer<typeof availableQuerySchema>;

export const rentRequestSchema = z.object({
  phoneNumber: z.string(),
  kind: z.enum(['personal', 'group'] as const),
  label: z.optional(z.string().check(z.maxLength(80))),
});
export type RentRequest = z.infer<typeof rentRequestSchema>;

/** `POST /v1/messages`: a SendDraft whose attachments are uploads, known by id. */
export const sendRequestSchema = z.object({
  from: z.optional(z.string()),
  to: z.string(),
  body: z.string(),
  attachments: z.optional(z.array(z.object({ id: z.string() }))),
  sendAt: z.optional(z.string()),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

export const simulatorInboundSchema = z.object({
  from: z.string(),
  to: z.string(),
  body: z.string(),
  mediaTypes: z.optional(z.array(z.string())),
});
export type SimulatorInbound = z.infer<typeof simulatorInboundSchema>;
