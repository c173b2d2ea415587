/**
 * The conversations `MemoryBackend` starts with, so the static demo and the element tests open on a lived-in
 * workspace. The people and numbers are the product's fixed demo data (`protocol/seed.ts`).
 */
import { LANDLINE_RECIPIENT, REPLYING_RECIPIENT } from '../protocol/seed.js';

export interface SeedMessage {
  workspaceId: string;
  minutesAgo: number;
  direction: 'outbound' | 'inbound';
  /** The workspace's number. */
  ours: string;
  contact: string;
  body: string;
  errorCode?: number;
}

export const SEED_MESSAGES: readonly SeedMessage[] = [
  { workspaceId: 'acme', minutesAgo: 180, direction: 'outbound', ours: '+14155550100', contact: REPLYING_RECIPIENT, body: 'Hi Riley, this is Alice from Acme. Does Thursday at 10 still work for the demo?' },
  { workspaceId: 'acme', minutesAgo: 176, direction: 'inbound', ours: '+14155550100', contact: REPLYING_RECIPIENT, body: 'Yes, Thursday at 10 is great. See you then!' },
  { workspaceId: 'acme', minutesAgo: 95, direction: 'outbound', ours: '+14155550101', contact: LANDLINE_RECIPIENT, body: 'Hi Lena, a reminder: your appointment is tomorrow at 9:30.', errorCode: 30006 },
  { workspaceId: 'acme', minutesAgo: 30, direction: 'inbound', ours: '+14155550101', contact: '+14155550177', body: 'Can you send me the pricing sheet?' },
  { workspaceId: 'acme', minutesAgo: 12, direction: 'outbound', ours: '+447400123456', contact: '+447400654321', body: 'Hello Priya, following up on our call about the renewal.' },
  { workspaceId: 'globex', minutesAgo: 60, direction: 'outbound', ours: '+14155550190', contact: '+14155550188', body: 'Hi Sam, your order has shipped.' },
];
