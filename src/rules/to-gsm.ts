/** The composer's one-click fix: typographic characters that force UCS-2 replaced by their GSM look-alikes. */
import { gsmSeptets } from './segments.js';

const REPLACEMENTS: [RegExp, string][] = [
  [/[\u2018-\u201B\u2032\u2035\u00B4\u02BC\u2039\u203A]/g, "'"],
  [/[\u201C-\u201F\u2033\u2036\u00AB\u00BB]/g, '"'],
  // Dashes, the minus sign and bullets.
  [/[\u2010-\u2015\u2212\u2043\u2022\u2023\u2219\u00B7]/g, '-'],
  [/\u2026/g, '...'],
  [/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''],
  [/\u02C6/g, '^'],
  [/[\u02DC\u223C]/g, '~'],
  [/\u2044/g, '/'],
  [/\u00D7/g, 'x'],
];

/**
 * `body` with smart quotes, dashes, ellipses, bullets and odd spaces made GSM, after NFC composition (so `e`
 * plus a combining accent becomes `é`). Letters outside the GSM alphabet stay: changing a name is not a fix.
 */
export function toGsm(body: string): string {
  let text = body.normalize('NFC');
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  return text;
}

/** Whether `toGsm` would change anything, for showing the fix only when it helps. */
export const hasGsmFix = (body: string): boolean => toGsm(body) !== body;

/** Whether every character of `text` is in the GSM alphabet. */
export const isGsm = (text: string): boolean => [...text].every((char) => gsmSeptets(char.codePointAt(0)!) > 0);
