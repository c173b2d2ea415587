import type { MessageStatus } from '../src/protocol/index.js';

const RANK: Record<MessageStatus, number> = {
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  received: 4,
  canceled: 4,
};

const FROM_TWILIO: Record<string, MessageStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'canceled',
};

/** Our status for one of Twilio's, or undefined for one that says nothing about delivery. */
export const fromTwilioStatus = (status: string): MessageStatus | undefined =>
  Object.hasOwn(FROM_TWILIO, status) ? FROM_TWILIO[status] : undefined;

export const isFailure = (status: MessageStatus): boolean => status === 'failed' || status === 'undelivered';

/**
 * The status after Twilio reports `incoming`, or null to keep the current one. Statuses only move forward,
 * so a late `sent` never overwrites `delivered`; while the message is still being handed over (no Twilio sid
 * yet), Twilio's first answer stands whatever it is.
 */
export function advanceStatus(current: MessageStatus, incoming: MessageStatus, handedOver: boolean): MessageStatus | null {
  if (current === incoming) return null;
  if (current === 'sending' && !handedOver && RANK[incoming] >= RANK.queued) return incoming;
  return RANK[incoming] > RANK[current] ? incoming : null;
}
