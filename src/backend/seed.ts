/** The demo data of the product's specification (section 7), shared by MemoryBackend and the demo page. */
import type { PhoneNumber } from '../rules/types.js';

export interface SeedUser {
  id: string;
  name: string;
  token: string;
  workspaceId: string;
}

export interface SeedNumber extends Omit<PhoneNumber, 'member'> {
  workspaceId: string;
  /** The owner of a personal or external number, the members of a group number. */
  users: string[];
}

export const SEED_WORKSPACES = [
  { id: 'acme', name: 'Acme' },
  { id: 'globex', name: 'Globex' },
] as const;

export const SEED_USERS: SeedUser[] = [
  { id: 'alice', name: 'Alice', token: 'demo-alice', workspaceId: 'acme' },
  { id: 'bob', name: 'Bob', token: 'demo-bob', workspaceId: 'acme' },
  { id: 'carol', name: 'Carol', token: 'demo-carol', workspaceId: 'globex' },
];

const all = { sms: true, mms: true, voice: true };
const noMms = { sms: true, mms: false, voice: true };
const voiceOnly = { sms: false, mms: false, voice: true };

export const SEED_NUMBERS: SeedNumber[] = [
  { id: 'num_alice_us', e164: '+14155550100', country: 'US', label: 'Alice (US)', kind: 'personal', capabilities: all, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_alice_uk', e164: '+447400123456', country: 'GB', label: 'Alice (UK)', kind: 'personal', capabilities: noMms, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_sales', e164: '+14155550101', country: 'US', label: 'Sales line', kind: 'group', capabilities: all, workspaceId: 'acme', users: ['alice', 'bob'] },
  { id: 'num_support_au', e164: '+61412345678', country: 'AU', label: 'Support AU', kind: 'group', capabilities: noMms, workspaceId: 'acme', users: ['bob'] },
  { id: 'num_front_desk', e164: '+14155550102', country: 'US', label: 'Front desk', kind: 'personal', capabilities: voiceOnly, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_alice_cell', e164: '+14155550103', country: 'US', label: "Alice's cell", kind: 'external', capabilities: voiceOnly, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_bob_us', e164: '+14155550110', country: 'US', label: 'Bob (US)', kind: 'personal', capabilities: all, workspaceId: 'acme', users: ['bob'] },
  { id: 'num_carol_us', e164: '+14155550190', country: 'US', label: 'Carol (US)', kind: 'personal', capabilities: all, workspaceId: 'globex', users: ['carol'] },
];

/** Simulated recipients: the one who answers, and the ones whose carrier refuses (Twilio error codes). */
export const REPLYING_NUMBER = '+14155550142';
export const FAILING_NUMBERS: Record<string, number> = {
  '+14155550161': 30006,
  '+14155550162': 30007,
  '+14155550163': 21610,
  '+14155550164': 30003,
  '+14155550165': 30008,
};

export const SEED_CONTACTS: { workspaceId: string; e164: string; name: string }[] = [
  { workspaceId: 'acme', e164: '+14155550142', name: 'Dana Whitfield' },
  { workspaceId: 'acme', e164: '+14155550161', name: 'Harbor Dental (front desk)' },
  { workspaceId: 'acme', e164: '+14155550177', name: 'Miguel Ortega' },
  { workspaceId: 'acme', e164: '+447400654321', name: 'Priya Shah' },
  { workspaceId: 'globex', e164: '+14155550188', name: 'Sam Lee' },
];

/** Seed conversations: minutes ago, direction, the two parties and the text. */
export const SEED_MESSAGES: {
  workspaceId: string;
  minutesAgo: number;
  direction: 'outbound' | 'inbound';
  ours: string;
  contact: string;
  body: string;
  errorCode?: number;
}[] = [
  { workspaceId: 'acme', minutesAgo: 180, direction: 'outbound', ours: '+14155550100', contact: '+14155550142', body: 'Hi Dana, this is Alice from Acme. Does Thursday at 10 still work for the demo?' },
  { workspaceId: 'acme', minutesAgo: 176, direction: 'inbound', ours: '+14155550100', contact: '+14155550142', body: 'Yes, Thursday at 10 is great. See you then!' },
  { workspaceId: 'acme', minutesAgo: 95, direction: 'outbound', ours: '+14155550101', contact: '+14155550161', body: 'Reminder: your appointment is tomorrow at 9:30.', errorCode: 30006 },
  { workspaceId: 'acme', minutesAgo: 30, direction: 'inbound', ours: '+14155550101', contact: '+14155550177', body: 'Can you send me the pricing sheet?' },
  { workspaceId: 'acme', minutesAgo: 12, direction: 'outbound', ours: '+447400123456', contact: '+447400654321', body: 'Hello Priya, following up on our call about the renewal.' },
  { workspaceId: 'globex', minutesAgo: 60, direction: 'outbound', ours: '+14155550190', contact: '+14155550188', body: 'Hi Sam, your order has shipped.' },
];
