// analyzeMessage skips Intl.Segmenter wherever it can; these tests hold it to a plain Intl.Segmenter reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage, gsmSeptets, SEGMENT_SIZES, type MessageAnalysis } from '../../src/rules/index.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The segment rules read literally: every grapheme from Intl.Segmenter, packed into parts one after another. */
function reference(body: string): MessageAnalysis {
  const graphemes = Array.from(segmenter.segment(body), ({ segment }) => segment);
  const isGsm = (grapheme: string) => Array.from(grapheme).every((char) => gsmSeptets(char.codePointAt(0)!) > 0);
  const nonGsm = [...new Set(graphemes.filter((grapheme) => !isGsm(grapheme)))];
  const encoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  const { single, part } = SEGMENT_SIZES[encoding];
  const unitsOf = (text: string) =>
    encoding === 'GSM-7' ? Array.from(text).reduce((sum, char) => sum + gsmSeptets(char.codePointAt(0)!), 0) : text.length;
  const total = graphemes.reduce((sum, grapheme) => sum + unitsOf(grapheme), 0);
  const characters = graphemes.length;
  if (characters === 0) return { encoding, segments: 0, characters, remaining: single, nonGsm };
  if (total <= single) return { encoding, segments: 1, characters, remaining: single - total, nonGsm };
  let parts = 1;
  let fill = 0;
  const place = (units: number) => {
    if (fill + units > part) {
      parts += 1;
      fill = 0;
    }
    fill += units;
  };
  for (const grapheme of graphemes) {
    if (unitsOf(grapheme) > part) Array.from(grapheme, (char) => place(unitsOf(char)));
    else place(unitsOf(grapheme));
  }
  return { encoding, segments: parts, characters, remaining: part - fill, nonGsm };
}

/** Deterministic, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES: Record<string, string[]> = {
  gsm: ['a', 'Z', ' ', '.', '5', '@', '€', '{', '\\', '~', 'é', 'Ø', 'Δ', '\f'],
  lineBreaks: ['\r', '\n', '\r\n', '\n\r', '\u2028', '\u0085'],
  controls: ['\t', '\u0000', '\u001B', '\u007F', '\u00AD', '\u200B', '\u2060', '\uFEFF'],
  accents: ['\u0301', '\u0308', '\u0323', '\u0345', '\u035C', '\u1DC0', '\u20D7', '\uFE20', 'e\u0301', 'ą', '“', '’'],
  emoji: ['😀', '👍', '❤', '☺', '©', '‼', '\u{1F3FB}', '\u{1F3FD}', '\u{1F3FF}', '\uFE0F', '\uFE0E', '\u200D', '\u200C'],
  sequences: ['👍🏽', '❤️', '👨‍👩‍👧‍👦', '🧑🏿‍🤝‍🧑🏻', '🏳️‍🌈', '👁️‍🗨️', '1️⃣', '#⃣', '*️⃣', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
  regional: ['\u{1F1EB}', '\u{1F1F7}', '\u{1F1E9}', '🇫🇷', '🇯🇵🇺🇸'],
  tags: ['\u{E0020}', '\u{E0067}', '\u{E007F}', '\u{E0100}'],
  hangul: ['한', '\uAC00', '\uAC01', '\u1100', '\u1161', '\u11A8', '\u115F', '\u1160', '\uD7B0', '\uD7CB', '\u3131'],
  indic: ['क', 'ष', 'त', 'र', '\u094D', 'ि', 'ा', 'ं', '\u093C', '\u0903', 'ক', '\u09CD', 'ষ', 'க', '\u0BCD', 'ஷ', 'ക', '\u0D4D', '\u0D4E', 'ര'],
  otherScripts: ['ש', '\u05B8', 'ب', '\u064E', '\u0610', '\u0600', '١', 'ก', '\u0E33', '\u0E48', 'ກ', '\u0EB3', 'Ж', '\u0483', '中', '文', '\u{110BD}', '\u{11000}'],
  surrogates: ['\uD83D', '\uDE00', '\uDBFF', '\uDC00'],
};
const ALL = Object.values(PIECES).flat();
/** Lengths in UTF-16 units at and around the part sizes (67, 70, 153, 160 and their multiples). */
const TARGETS = [1, 2, 3, 5, 66, 67, 68, 70, 71, 134, 135, 140, 152, 153, 154, 160, 161, 201, 306, 307, 459, 700, 1000, 1600];

function generate(next: () => number, pool: string[], length: number): string {
  let text = '';
  while (text.length < length) text += pool[Math.floor(next() * pool.length)]!;
  return text;
}

test('analyzeMessage matches the Intl.Segmenter reference on generated texts of every kind', () => {
  const next = random(7);
  const pools = [...Object.values(PIECES), ALL, [...PIECES.gsm!, ...PIECES.emoji!, ...PIECES.sequences!], [...PIECES.indic!, ...PIECES.accents!, ' ']];
  let checked = 0;
  for (const pool of pools) {
    for (let round = 0; round < 150; round += 1) {
      const target = TARGETS[Math.floor(next() * TARGETS.length)]!;
      const body = generate(next, pool, Math.max(1, target + Math.floor(next() * 5) - 2));
      assert.deepEqual(analyzeMessage(body), reference(body), JSON.stringify(body));
      checked += 1;
    }
  }
  assert.equal(checked, pools.length * 150);
});

test('analyzeMessage matches the reference when a multi-unit grapheme meets a part boundary', () => {
  const next = random(11);
  const fillers = ['a', 'ą', '😀', '€'];
  for (const filler of fillers) {
    for (let count = 60; count <= 160; count += 1) {
      const tail = generate(next, ALL, 1 + Math.floor(next() * 12));
      const body = filler.repeat(count) + tail + filler.repeat(Math.floor(next() * 80));
      assert.deepEqual(analyzeMessage(body), reference(body), JSON.stringify(body));
    }
  }
});

test('analyzeMessage matches the reference for graphemes longer than a part', () => {
  const long = [
    'a' + '\u0301'.repeat(100),
    'ą'.repeat(30) + 'e' + '\u0308\u0323'.repeat(40) + 'b',
    '😀' + '\u{1F3FD}'.repeat(40),
    '👨' + '\u200D👩'.repeat(30),
    'क' + '\u094Dष'.repeat(40),
    '\r\n'.repeat(100) + '\u0301'.repeat(70),
  ];
  for (const body of long) assert.deepEqual(analyzeMessage(body), reference(body), JSON.stringify(body));
});

test('every BMP code point and every emoji-plane code point, in many neighbourhoods, matches the reference', () => {
  const mismatches: string[] = [];
  const codePoints: number[] = [];
  for (let codePoint = 0; codePoint < 0x10000; codePoint += 1) codePoints.push(codePoint);
  for (let codePoint = 0x1f000; codePoint < 0x1fb00; codePoint += 1) codePoints.push(codePoint);
  for (let codePoint = 0xe0000; codePoint < 0xe0080; codePoint += 1) codePoints.push(codePoint);
  for (const codePoint of codePoints) {
    const c = String.fromCodePoint(codePoint);
    const body = `a${c}${c}\u0301${c}\u200D${c}\u{1F1EB}${c}\r${c}\n${c}क\u094D${c}😀\u200D${c}b`;
    const ours = analyzeMessage(body);
    const theirs = reference(body);
    if (ours.characters !== theirs.characters || ours.remaining !== theirs.remaining || ours.nonGsm.join() !== theirs.nonGsm.join()) {
      mismatches.push(codePoint.toString(16));
    }
  }
  assert.deepEqual(mismatches, []);
});
