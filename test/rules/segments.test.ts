import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage } from '../../src/rules/index.js';

const a = (count: number) => 'a'.repeat(count);
/** ą is outside GSM and one UTF-16 unit: it forces UCS-2 without surrogates. */
const q = (count: number) => 'ą'.repeat(count);
const longGrapheme = (marks: number) => 'a' + '\u0301'.repeat(marks);

const cases: [name: string, body: string, expected: { encoding: string; segments: number; characters: number; remaining: number }][] = [
  ['empty', '', { encoding: 'GSM-7', segments: 0, characters: 0, remaining: 160 }],
  ['one letter', 'a', { encoding: 'GSM-7', segments: 1, characters: 1, remaining: 159 }],
  ['GSM 160', a(160), { encoding: 'GSM-7', segments: 1, characters: 160, remaining: 0 }],
  ['GSM 161', a(161), { encoding: 'GSM-7', segments: 2, characters: 161, remaining: 145 }],
  ['GSM 306', a(306), { encoding: 'GSM-7', segments: 2, characters: 306, remaining: 0 }],
  ['GSM 307', a(307), { encoding: 'GSM-7', segments: 3, characters: 307, remaining: 152 }],
  ['GSM 459', a(459), { encoding: 'GSM-7', segments: 3, characters: 459, remaining: 0 }],
  ['80 euro signs fill one segment', '€'.repeat(80), { encoding: 'GSM-7', segments: 1, characters: 80, remaining: 0 }],
  ['extension char over 160', '€'.repeat(80) + 'a', { encoding: 'GSM-7', segments: 2, characters: 81, remaining: 144 }],
  ['extension char straddling part 1', a(152) + '€' + a(10), { encoding: 'GSM-7', segments: 2, characters: 163, remaining: 141 }],
  ['extension char straddling part 2', a(305) + '{', { encoding: 'GSM-7', segments: 3, characters: 306, remaining: 151 }],
  ['extension char ending part 2 exactly', a(304) + '}', { encoding: 'GSM-7', segments: 2, characters: 305, remaining: 0 }],
  ['every extension char takes two', '\f^{}\\[]~|€', { encoding: 'GSM-7', segments: 1, characters: 10, remaining: 140 }],
  ['Greek capitals are GSM', 'ΔΦΓΛΩΠΨΣΘΞ', { encoding: 'GSM-7', segments: 1, characters: 10, remaining: 150 }],
  ['CR LF is one grapheme of two septets', a(152) + '\r\n' + a(10), { encoding: 'GSM-7', segments: 2, characters: 163, remaining: 141 }],
  ['UCS-2 70', q(70), { encoding: 'UCS-2', segments: 1, characters: 70, remaining: 0 }],
  ['UCS-2 71', q(71), { encoding: 'UCS-2', segments: 2, characters: 71, remaining: 63 }],
  ['UCS-2 134', q(134), { encoding: 'UCS-2', segments: 2, characters: 134, remaining: 0 }],
  ['UCS-2 135', q(135), { encoding: 'UCS-2', segments: 3, characters: 135, remaining: 66 }],
  ['UCS-2 CR LF never straddles', q(66) + '\r\n' + q(5), { encoding: 'UCS-2', segments: 2, characters: 72, remaining: 60 }],
  ['35 emoji fill one segment', '😀'.repeat(35), { encoding: 'UCS-2', segments: 1, characters: 35, remaining: 0 }],
  ['36 emoji: a surrogate pair never straddles', '😀'.repeat(36), { encoding: 'UCS-2', segments: 2, characters: 36, remaining: 61 }],
  ['flag of four units moves whole', q(66) + '🇫🇷' + 'ą', { encoding: 'UCS-2', segments: 2, characters: 68, remaining: 62 }],
  ['ZWJ family is one character', '👨‍👩‍👧‍👦', { encoding: 'UCS-2', segments: 1, characters: 1, remaining: 59 }],
  ['ZWJ family moves whole', q(60) + '👨‍👩‍👧‍👦', { encoding: 'UCS-2', segments: 2, characters: 61, remaining: 56 }],
  ['skin tone modifier stays with its emoji', q(66) + '👍🏽' + 'ą', { encoding: 'UCS-2', segments: 2, characters: 68, remaining: 62 }],
  ['combining accent is one character', 'Cafe\u0301', { encoding: 'UCS-2', segments: 1, characters: 4, remaining: 65 }],
  ['grapheme longer than a part splits by code points', longGrapheme(100), { encoding: 'UCS-2', segments: 2, characters: 1, remaining: 33 }],
  ['long grapheme starts in the current part', q(10) + longGrapheme(100), { encoding: 'UCS-2', segments: 2, characters: 11, remaining: 23 }],
  ['long grapheme split keeps surrogate pairs whole', q(66) + '😀' + '\u0301'.repeat(70), { encoding: 'UCS-2', segments: 3, characters: 67, remaining: 62 }],
  ['one non-GSM letter turns it all UCS-2', a(69) + 'ą', { encoding: 'UCS-2', segments: 1, characters: 70, remaining: 0 }],
  ['escape code itself is not GSM', 'a\u001Bb', { encoding: 'UCS-2', segments: 1, characters: 3, remaining: 67 }],
];

for (const [name, body, expected] of cases) {
  test(`analyzeMessage: ${name}`, () => {
    const { nonGsm: _, ...analysis } = analyzeMessage(body);
    assert.deepEqual(analysis, expected);
  });
}

test('nonGsm lists distinct graphemes in order of first appearance', () => {
  assert.deepEqual(analyzeMessage('x😀y“😀”ą 🇫🇷 e\u0301 “').nonGsm, ['😀', '“', '”', 'ą', '🇫🇷', 'e\u0301']);
  assert.deepEqual(analyzeMessage('Hello [world] €5').nonGsm, []);
  assert.deepEqual(analyzeMessage('tab\there').nonGsm, ['\t']);
});
