import type { UserEntry } from './config.js';
import type { Directory, NumberRecord } from './store/index.js';

const number = (
  id: string,
  e164: string,
  country: string,
  label: string,
  kind: NumberRecord['kind'],
  ownerId: string | null,
  members: string[],
  [sms, mms, voice]: [boolean, boolean, boolean],
  workspaceId = 'acme',
): NumberRecord => ({ id, workspaceId, e164, country, label, kind, ownerId, members, capabilities: { sms, mms, voice } });

/** The demo data of SPEC section 7, fixed so testers and tests can rely on it. */
export const SEED: Directory = {
  workspaces: [
    { id: 'acme', name: 'Acme' },
    { id: 'globex', name: 'Globex' },
  ],
  users: [
    { id: 'alice', workspaceId: 'acme', name: 'Alice', token: 'demo-alice' },
    { id: 'bob', workspaceId: 'acme', name: 'Bob', token: 'demo-bob' },
    { id: 'carol', workspaceId: 'globex', name: 'Carol', token: 'demo-carol' },
  ],
  numbers: [
    number('num_alice_us', '+14155550100', 'US', 'Alice (US)', 'personal', 'alice', [], [true, true, true]),
    number('num_alice_uk', '+447400123456', 'GB', 'Alice (UK)', 'personal', 'alice', [], [true, false, true]),
    number('num_sales', '+14155550101', 'US', 'Sales line', 'group', null, ['alice', 'bob'], [true, true, true]),
    number('num_support_au', '+61412345678', 'AU', 'Support AU', 'group', null, ['bob'], [true, false, true]),
    number('num_front_desk', '+14155550102', 'US', 'Front desk', 'personal', 'alice', [], [false, false, true]),
    number('num_alice_cell', '+14155550103', 'US', "Alice's cell", 'external', 'alice', [], [false, false, true]),
    number('num_bob_us', '+14155550110', 'US', 'Bob (US)', 'personal', 'bob', [], [true, true, true]),
    number('num_carol', '+14155550190', 'US', 'Carol', 'personal', 'carol', [], [true, true, true], 'globex'),
  ],
  contacts: [
    { workspaceId: 'acme', e164: '+14155550142', name: 'Riley Replies' },
    { workspaceId: 'acme', e164: '+14155550161', name: 'Lena Landline' },
    { workspaceId: 'acme', e164: '+14155550162', name: 'Sam Spamfilter' },
    { workspaceId: 'acme', e164: '+14155550163', name: 'Olive Optout' },
    { workspaceId: 'acme', e164: '+14155550164', name: 'Umar Unreachable' },
    { workspaceId: 'acme', e164: '+14155550165', name: 'Kit Unknown' },
    { workspaceId: 'globex', e164: '+14155550142', name: 'Riley Replies' },
  ],
};

/** The directory of an SMS_USERS_FILE: its users and their workspaces, named by id. */
export function directoryFromUsers(users: UserEntry[]): Directory {
  const workspaceIds = [...new Set(users.map((user) => user.workspaceId))];
  return {
    workspaces: workspaceIds.map((id) => ({ id, name: id })),
    users: users.map((user) => ({ id: user.userId, workspaceId: user.workspaceId, name: user.name, token: user.token })),
  };
}
