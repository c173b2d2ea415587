/** The seed numbers of workspace Acme and each user's view of them. */
import type { PhoneNumber, SendContext } from '../../src/rules/index.js';

interface SeedNumber extends Omit<PhoneNumber, 'member'> {
  owners: string[];
}

const seed = (id: string, e164: string, country: string, label: string, kind: PhoneNumber['kind'], owners: string[], sms: boolean, mms: boolean): SeedNumber => ({
  id,
  e164,
  country,
  label,
  kind,
  owners,
  capabilities: { sms, mms, voice: true },
});

export const SEED_NUMBERS: SeedNumber[] = [
  seed('alice-us', '+14155550100', 'US', 'Alice (US)', 'personal', ['alice'], true, true),
  seed('alice-uk', '+447400123456', 'GB', 'Alice (UK)', 'personal', ['alice'], true, false),
  seed('sales', '+14155550101', 'US', 'Sales line', 'group', ['alice', 'bob'], true, true),
  seed('support-au', '+61412345678', 'AU', 'Support AU', 'group', ['bob'], true, false),
  seed('front-desk', '+14155550102', 'US', 'Front desk', 'personal', ['alice'], false, false),
  seed('alice-cell', '+14155550103', 'US', "Alice's cell", 'external', ['alice'], false, false),
  seed('bob-us', '+14155550110', 'US', 'Bob (US)', 'personal', ['bob'], true, true),
];

/** What /v1/me lists for a user: their personal and external numbers and every group number, with `member`. */
export function numbersOf(user: string): PhoneNumber[] {
  return SEED_NUMBERS.filter((number) => number.kind === 'group' || number.owners.includes(user)).map(
    ({ owners, ...number }) => ({ ...number, member: owners.includes(user) }),
  );
}

/** Daytime in every zone of the US, Canada, Puerto Rico and the UK. */
export const NOW = new Date('2025-01-15T19:00:00Z');

export function contextOf(user: string, optedOut: string[] = [], now = NOW): SendContext {
  return { numbers: numbersOf(user), optedOut: (e164) => optedOut.includes(e164), now };
}

/** A valid mobile-or-fixed number of each supported country. */
export const SAMPLE_NUMBERS: Record<string, string> = {
  US: '+14155550142',
  CA: '+16045550142',
  GB: '+447400123457',
  AU: '+61412345679',
  BE: '+32470123456',
  DK: '+4520123456',
  FR: '+33612345678',
  IL: '+972502345678',
  PR: '+17875550142',
  ZA: '+27821234567',
};
