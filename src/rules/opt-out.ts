/** Carrier keywords a recipient texts to opt out, back in, or ask for help. */

export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type KeywordKind = 'STOP' | 'START' | 'HELP';

const FAMILIES: [KeywordKind, readonly string[]][] = [
  ['STOP', OPT_OUT_KEYWORDS],
  ['START', OPT_IN_KEYWORDS],
  ['HELP', HELP_KEYWORDS],
];

/** The keyword family of an inbound body: the whole body, any case, surrounding spaces and trailing punctuation ignored. */
export function optOutKeyword(body: string): KeywordKind | null {
  const word = body.replace(/[\p{P}\s]+$/u, '').trim().toUpperCase();
  return FAMILIES.find(([, words]) => words.includes(word))?.[0] ?? null;
}
