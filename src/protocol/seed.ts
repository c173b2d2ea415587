/**
 * The fixed demo data: workspaces, users, numbers, contacts and the
 * simulated recipients. Pure data, so the in-memory backend, the server stub and its Twilio simulator all read
 * the same names, tokens and numbers, and testers can rely on them wherever they run the demo.
 */
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

export interface SeedContact {
  workspaceId: string;
  e164: string;
  name: string;
}

export const SEED_WORKSPACES = [
  { id: 'acme', name: 'Acme' },
  { id: 'globex', name: 'Globex' },
] as const;

export const SEED_USERS: readonly SeedUser[] = [
  { id: 'alice', name: 'Alice', token: 'demo-alice', workspaceId: 'acme' },
  { id: 'bob', name: 'Bob', token: 'demo-bob', workspaceId: 'acme' },
  { id: 'carol', name: 'Carol', token: 'demo-carol', workspaceId: 'globex' },
];

const all = { sms: true, mms: true, voice: true };
const noMms = { sms: true, mms: false, voice: true };
const voiceOnly = { sms: false, mms: false, voice: true };

export const SEED_NUMBERS: readonly SeedNumber[] = [
  { id: 'num_alice_us', e164: '+14155550100', country: 'US', label: 'Alice (US)', kind: 'personal', capabilities: all, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_alice_uk', e164: '+447400123456', country: 'GB', label: 'Alice (UK)', kind: 'personal', capabilities: noMms, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_sales', e164: '+14155550101', country: 'US', label: 'Sales line', kind: 'group', capabilities: all, workspaceId: 'acme', users: ['alice', 'bob'] },
  { id: 'num_support_au', e164: '+61412345678', country: 'AU', label: 'Support AU', kind: 'group', capabilities: noMms, workspaceId: 'acme', users: ['bob'] },
  { id: 'num_front_desk', e164: '+14155550102', country: 'US', label: 'Front desk', kind: 'personal', capabilities: voiceOnly, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_alice_cell', e164: '+14155550103', country: 'US', label: "Alice's cell", kind: 'external', capabilities: voiceOnly, workspaceId: 'acme', users: ['alice'] },
  { id: 'num_bob_us', e164: '+14155550110', country: 'US', label: 'Bob (US)', kind: 'personal', capabilities: all, workspaceId: 'acme', users: ['bob'] },
  { id: 'num_carol_us', e164: '+14155550190', country: 'US', label: 'Carol (US)', kind: 'personal', capabilities: all, workspaceId: 'globex', users: ['carol'] },
];

/** The recipient who answers every message. */
export const REPLYING_RECIPIENT = '+14155550142';
/** The one number the simulator's lookup calls a landline; every other valid number is a mobile. */
export const LANDLINE_RECIPIENT = '+14155550161';
/** Recipients whose carrier refuses, each with the Twilio error code its status callback reports. */
export const FAILING_RECIPIENTS: Readonly<Record<string, number>> = {
  [LANDLINE_RECIPIENT]: 30006,
  '+14155550162': 30007,
  '+14155550163': 21610,
  '+14155550164': 30003,
  '+14155550165': 30008,
};

/** The workspaces' address books: the simulated recipients are named for what they do. */
export const SEED_CONTACTS: readonly SeedContact[] = [
  { workspaceId: 'acme', e164: REPLYING_RECIPIENT, name: 'Riley Replies' },
  { workspaceId: 'acme', e164: LANDLINE_RECIPIENT, name: 'Lena Landline' },
  { workspaceId: 'acme', e164: '+14155550162', name: 'Sam Spamfilter' },
  { workspaceId: 'acme', e164: '+14155550163', name: 'Olive Optout' },
  { workspaceId: 'acme', e164: '+14155550164', name: 'Umar Unreachable' },
  { workspaceId: 'acme', e164: '+14155550165', name: 'Kit Unknown' },
  { workspaceId: 'acme', e164: '+14155550177', name: 'Miguel Ortega' },
  { workspaceId: 'acme', e164: '+447400654321', name: 'Priya Shah' },
  { workspaceId: 'globex', e164: REPLYING_RECIPIENT, name: 'Riley Replies' },
  { workspaceId: 'globex', e164: '+14155550188', name: 'Sam Lee' },
];
