/**
 * Message segments per GSM 03.38: GSM-7 when every character is in the GSM alphabet (160 septets alone,
 * 153 per part), UCS-2 otherwise (70 / 67 UTF-16 units). Parts break between graphemes, never inside one,
 * unless a single grapheme is longer than a part.
 *
 * Graphemes are Intl.Segmenter's, but running it over a whole text costs about a microsecond a grapheme. So
 * each code point's behaviour is asked of the segmenter once and cached, the common graphemes are read from
 * those answers, and the segmenter is consulted in place only for the rest.
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
/** The code point's grapheme behaviour below has been worked out (it is cached, as the segmenter is slow). */
const KNOWN = 1 << 2;
/**
 * Breaks from every other simple code point on both sides (Grapheme_Cluster_Break Any, Control, CR, LF, LV,
 * LVT): between two of them there is always a grapheme boundary, whatever comes before or after.
 */
const SIMPLE = 1 << 3;
/** Takes combining marks after it (not a control character). */
const ATTACHES = 1 << 4;
/**
 * A mark that joins whatever precedes it and links nothing after it (accents, vowel signs, variation selectors,
 * keycap, emoji tags, skin tones); the zero-width joiner, which can, is looked at before it. Viramas, which also
 * join a consonant after them, are left to the segmenter.
 */
const MARK = 1 << 5;
/** A pictograph, which a zero-width joiner joins to the next (GB11); said of simple code points only. */
const PICTOGRAPHIC = 1 << 6;
const REGIONAL = 1 << 7;

const ZWJ = 0x200d;

/** Flags of the BMP (GSM septets from the start, the rest as code points are first met); astral ones apart. */
const BMP = new Uint8Array(0x10000);
for (const char of GSM_BASIC) BMP[char.charCodeAt(0)]! |= 1;
for (const char of GSM_EXTENSION) BMP[char.charCodeAt(0)]! |= 2;
const astral = new Map<number, number>();

let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text);

/** Grapheme boundaries of `text`, by Intl.Segmenter. */
function boundaries(text: string): Set<number> {
  const found = new Set<number>();
  for (const { index } of graphemes(text)) found.add(index);
  return found.add(text.length);
}

/** Asks the segmenter itself how a code point behaves, so the answer follows its Unicode version. */
function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  const width = char.length;
  // Simple: a boundary on either side of each of the first two; a pictograph: none after the joiner.
  const between = boundaries(`a${char}${char}a${char}\u200D${char}`);
  // Lone surrogates are left to the segmenter, so a simple code unit is always a whole code point.
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  const simple = !surrogate && between.has(1) && between.has(1 + width) && between.has(1 + 2 * width);
  const attaches = boundaries(`${char}\u0301`).size === 2;
  const mark = !between.has(1) && boundaries(`क${char}क`).has(1 + width);
  return (
    KNOWN |
    (simple ? SIMPLE : 0) |
    (attaches ? ATTACHES : 0) |
    (mark ? MARK : 0) |
    (between.has(3 + 3 * width) ? 0 : PICTOGRAPHIC) |
    (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff ? REGIONAL : 0)
  );
}

function flagsOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const flags = BMP[codePoint]!;
    return flags & KNOWN ? flags : (BMP[codePoint] = flags | classify(codePoint));
  }
  let flags = astral.get(codePoint);
  if (flags === undefined) astral.set(codePoint, (flags = classify(codePoint)));
  return flags;
}

/** Septets a code point takes in GSM-7 (1 or 2), or 0 when it is outside the GSM alphabet. */
export const gsmSeptets = (codePoint: number): number => (codePoint < 0x10000 ? BMP[codePoint]! & SEPTETS : 0);

/**
 * Where the grapheme that starts at `start` (a boundary) ends, for the common cases: single characters, CR LF,
 * combining accents, flags, skin tones, keycaps and ZWJ emoji (UAX #29 rules GB3, GB4, GB9, GB11, GB12). -1 for
 * anything else (Indic conjuncts, spacing marks, prepended marks, Hangul jamo), which the segmenter decides.
 */
function graphemeEnd(text: string, start: number): number {
  const base = text.codePointAt(start)!;
  const baseFlags = flagsOf(base);
  let end = start + (base > 0xffff ? 2 : 1);
  if (baseFlags & REGIONAL) {
    if (end < text.length && flagsOf(text.codePointAt(end)!) & REGIONAL) end += 2;
  } else if (!(baseFlags & SIMPLE)) {
    return -1;
  }
  if (!(baseFlags & ATTACHES)) return base === 13 && text.charCodeAt(end) === 10 ? end + 1 : end;
  // Inside ExtPict Extend*, where a ZWJ joins the next pictograph (GB11).
  let pictograph = (baseFlags & PICTOGRAPHIC) !== 0;
  while (end < text.length) {
    const next = text.codePointAt(end)!;
    const flags = flagsOf(next);
    if (next === ZWJ) {
      end += 1;
      const after = end < text.length ? text.codePointAt(end)! : 0;
      const joined = pictograph && after > 0 && (flagsOf(after) & (PICTOGRAPHIC | SIMPLE)) === (PICTOGRAPHIC | SIMPLE);
      if (joined) end += after > 0xffff ? 2 : 1;
      pictograph = joined;
    } else if (flags & MARK) {
      end += next > 0xffff ? 2 : 1;
    } else if (flags & (SIMPLE | REGIONAL)) {
      return end;
    } else {
      return -1;
    }
  }
  return end;
}

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
}

export function analyzeMessage(body: string): MessageAnalysis {
  const gsm = new Packer(SEGMENT_SIZES['GSM-7'].part);
  const ucs = new Packer(SEGMENT_SIZES['UCS-2'].part);
  const nonGsm = new Set<string>();
  const nonGsmUnits = new Set<number>();
  let characters = 0;
  let segmented: Intl.Segments | undefined;

  for (let start = 0; start < body.length; ) {
    const unit = body.charCodeAt(start);
    const flags = flagsOf(unit);
    const after = start + 1 < body.length ? flagsOf(body.charCodeAt(start + 1)) : SIMPLE;
    characters += 1;
    // Most text: a simple character followed by another, so a grapheme of its own (CR LF aside).
    if (flags & after & SIMPLE && unit !== 13) {
      const septets = flags & SEPTETS;
      if (septets > 0) {
        gsm.add(septets);
      } else if (!nonGsmUnits.has(unit)) {
        // Checking the code unit first spares making a string for each repeat.
        nonGsmUnits.add(unit);
        nonGsm.add(body[start]!);
      }
      ucs.add(1);
      start += 1;
      continue;
    }
    let end = graphemeEnd(body, start);
    if (end < 0) end = start + (segmented ??= graphemes(body)).containing(start)!.segment.length;
    let septets = 0;
    let isGsm = true;
    for (let i = start; i < end; i += 1) {
      const units = gsmSeptets(body.charCodeAt(i));
      if (units === 0) isGsm = false;
      septets += units;
    }
    const units = end - start;
    if (units <= SEGMENT_SIZES['UCS-2'].part) {
      ucs.add(units);
    } else {
      // A grapheme longer than a part: split between its code points, starting in the current part.
      for (const char of body.slice(start, end)) ucs.add(char.length);
    }
    // A GSM grapheme is one character or CR LF, never longer than a part.
    if (isGsm) gsm.add(septets);
    else nonGsm.add(body.slice(start, end));
    start = end;
  }

  const encoding: Encoding = nonGsm.size === 0 ? 'GSM-7' : 'UCS-2';
  const sizes = SEGMENT_SIZES[encoding];
  const packer = encoding === 'GSM-7' ? gsm : ucs;
  const single = packer.total <= sizes.single;
  return {
    encoding,
    segments: characters === 0 ? 0 : single ? 1 : packer.parts,
    characters,
    remaining: single ? sizes.single - packer.total : sizes.part - packer.fill,
    nonGsm: [...nonGsm],
  };
}
