/**
 * Message segments per GSM 03.38: GSM-7 when every character is in the GSM alphabet (160 septets alone,
 * 153 per part), UCS-2 otherwise (70 / 67 UTF-16 units). Parts break between graphemes, never inside one,
 * unless a single grapheme is longer than a part.
 */

export type Encoding = 'GSM-7' | 'UCS-2';

export interface MessageAnalysis {
  encoding: Encoding;
  segments: number;
  /** Graphemes, as a person counts them. */
  characters: number;
  /** Units left in the last part: septets for GSM-7, UTF-16 units for UCS-2. */
  remaining: number;
  /** The distinct graphemes that force UCS-2, in order of first appearance. */
  nonGsm: string[];
}

export const SEGMENT_SIZES = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Reached through the escape code, so each takes two septets. */
export const GSM_EXTENSION = '\f^{}\\[]~|€';

const SEPTETS = 0b011;
/**
 * Code units that form a grapheme on their own (Grapheme_Cluster_Break Any or Control; CR LF aside): no
 * combining marks, joiners, regional indicators, Hangul jamo or surrogates. Text made only of them needs no
 * segmenter. The ranges are checked against Intl.Segmenter in the tests.
 */
const STANDALONE = 0b100;
const SIMPLE_RANGES: [number, number][] = [
  [0x0000, 0x02ff],
  [0x0370, 0x0482],
  [0x2000, 0x200b],
  [0x200e, 0x205f],
  [0x20a0, 0x20c0],
];

const TABLE = new Uint8Array(0x20c1);
for (const [from, to] of SIMPLE_RANGES) TABLE.fill(STANDALONE, from, to + 1);
for (const char of GSM_BASIC) TABLE[char.charCodeAt(0)]! |= 1;
for (const char of GSM_EXTENSION) TABLE[char.charCodeAt(0)]! |= 2;

const flagsOf = (unit: number) => (unit < TABLE.length ? TABLE[unit]! : 0);

/** Septets a code point takes in GSM-7 (1 or 2), or 0 when it is outside the GSM alphabet. */
export const gsmSeptets = (codePoint: number): number => (codePoint < TABLE.length ? TABLE[codePoint]! & SEPTETS : 0);

/** Fills parts of one size, a grapheme at a time; `total` counts every unit. */
class Packer {
  parts = 1;
  fill = 0;
  total = 0;

  constructor(private readonly size: number) {}

  add(units: number): void {
    this.total += units;
    if (this.fill + units <= this.size) {
      this.fill += units;
    } else {
      this.parts += 1;
      this.fill = units;
    }
  }

  /** A grapheme longer than a part: split between its code points, starting in the current part. */
  addSplit(codePointUnits: number[]): void {
    for (const units of codePointUnits) this.add(units);
  }
}

let segmenter: Intl.Segmenter | undefined;

export function analyzeMessage(body: string): MessageAnalysis {
  const gsm = new Packer(SEGMENT_SIZES['GSM-7'].part);
  const ucs = new Packer(SEGMENT_SIZES['UCS-2'].part);
  const nonGsm = new Set<string>();
  let characters = 0;

  let standalone = true;
  for (let i = 0; i < body.length; i += 1) {
    if (!(flagsOf(body.charCodeAt(i)) & STANDALONE)) {
      standalone = false;
      break;
    }
  }

  if (standalone) {
    // Every code unit is a grapheme, except CR LF.
    for (let i = 0; i < body.length; i += 1) {
      const unit = body.charCodeAt(i);
      characters += 1;
      if (unit === 13 && body.charCodeAt(i + 1) === 10) {
        i += 1;
        gsm.add(2);
        ucs.add(2);
        continue;
      }
      const septets = flagsOf(unit) & SEPTETS;
      if (septets === 0) nonGsm.add(body[i]!);
      gsm.add(septets);
      ucs.add(1);
    }
  } else {
    segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (const { segment } of segmenter.segment(body)) {
      characters += 1;
      let septets = 0;
      let isGsm = true;
      for (let i = 0; i < segment.length; i += 1) {
        const units = flagsOf(segment.charCodeAt(i)) & SEPTETS;
        if (units === 0) isGsm = false;
        septets += units;
      }
      if (!isGsm) nonGsm.add(segment);
      if (segment.length <= SEGMENT_SIZES['UCS-2'].part) ucs.add(segment.length);
      else ucs.addSplit(Array.from(segment, (codePoint) => codePoint.length));
      // A GSM grapheme is one character or CR LF, never longer than a part.
      if (isGsm) gsm.add(septets);
    }
  }

  const encoding: Encoding = nonGsm.size === 0 ? 'GSM-7' : 'UCS-2';
  const sizes = SEGMENT_SIZES[encoding];
  const packer = encoding === 'GSM-7' ? gsm : ucs;
  if (characters === 0) return { encoding, segments: 0, characters, remaining: sizes.single, nonGsm: [] };
  const single = packer.total <= sizes.single;
  return {
    encoding,
    segments: single ? 1 : packer.parts,
    characters,
    remaining: single ? sizes.single - packer.total : sizes.part - packer.fill,
    nonGsm: [...nonGsm],
  };
}
