import { SEED_CONTACTS, SEED_NUMBERS, SEED_USERS, SEED_WORKSPACES } from '../src/protocol/seed.js';
import type { UserEntry } from './config.js';
import type { Directory, NumberRecord } from './store/index.js';

/** The demo seed, as the store keeps it: a personal or external number has its owner, a group number its members. */
export const SEED: Directory = {
  workspaces: [...SEED_WORKSPACES],
  users: [...SEED_USERS],
  numbers: SEED_NUMBERS.map(({ users, capabilities, ...number }): NumberRecord => ({
    ...number,
    capabilities: { ...capabilities },
    ownerId: number.kind === 'group' ? null : users[0],
    members: number.kind === 'group' ? [...users] : [],
  })),
  contacts: [...SEED_CONTACTS],
};

/** The directory of an SMS_USERS_FILE: its users and their workspaces, named by id. */
export function directoryFromUsers(users: UserEntry[]): Directory {
  const workspaceIds = [...new Set(users.map((user) => user.workspaceId))];
  return {
    workspaces: workspaceIds.map((id) => ({ id, name: id })),
    users: users.map((user) => ({ id: user.userId, workspaceId: user.workspaceId, name: user.name, token: user.token })),
  };
}
