// `npm run bench rules`: analyzeMessage and validateSend against Twilio's segment calculator, in one process.
import { SegmentedMessage } from 'sms-segments-calculator';
import { analyzeMessage, validateSend, type PhoneNumber, type SendContext } from '../../src/rules/index.js';

/** Deterministic, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const next = random(2024);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const WORDS = ['Hi', 'meeting', 'tomorrow', 'at', 'the', 'office', 'please', 'confirm', 'thanks', 'quote', 'call', 'me'];
const pieces = {
  plain: () => pick(WORDS) + pick([' ', ' ', ' ', '. ', ', ', '\n']),
  extension: () => pick(['{', '}', '[', ']', '~', '|', '^', '€', '\\', 'a', 'b', ' ']),
  accented: () => pick(['é', 'è', 'ñ', 'ü', 'ą', 'ł', 'ç', 'ő', 'ž', ' ', 'a']),
  emoji: () => pick(['😀', '👍🏽', '🇫🇷', '👨‍👩‍👧‍👦', '❤️', ' ', 'ok ']),
  mixed: () => pick([...WORDS.map((word) => `${word} `), '“', '”', '’', '€', '😀', 'e\u0301', '\r\n', 'ą']),
};
type Kind = keyof typeof pieces;
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** About `graphemes` graphemes of one kind. */
function text(kind: Kind, graphemes: number): string {
  let body = '';
  // Every piece has at least one grapheme, so this many code points are always enough.
  while ([...body].length < graphemes) body += pieces[kind]();
  return [...graphemeSegmenter.segment(body)].slice(0, graphemes).map((s) => s.segment).join('');
}

function microseconds(run: () => unknown, minMs = 400): number {
  const warmUntil = performance.now() + minMs / 4;
  while (performance.now() < warmUntil) run();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    calls += 1;
  }
  return ((performance.now() - start) * 1000) / calls;
}

const sender: PhoneNumber = {
  id: 'n', e164: '+14155550100', country: 'US', label: 'US', kind: 'personal', member: true,
  capabilities: { sms: true, mms: true, voice: true },
};
const ctx: SendContext = { numbers: [sender], optedOut: () => false, now: new Date() };

const pad = (value: string | number, width: number) => String(value).padStart(width);
console.log('\n1000-character drafts: microseconds per call (lower is better)');
console.log('first: the first call in this process, while analyzeMessage learns each new character from Intl.Segmenter\n');
console.log(`${'kind'.padEnd(10)} ${pad('encoding', 8)} ${pad('segs', 5)} ${pad('first', 8)} ${pad('analyze', 9)} ${pad('validate', 9)} ${pad('twilio', 9)} ${pad('twilio/analyze', 15)}`);
for (const kind of Object.keys(pieces) as Kind[]) {
  const body = text(kind, 1000);
  const firstStart = performance.now();
  const ours = analyzeMessage(body);
  const first = (performance.now() - firstStart) * 1000;
  const analyze = microseconds(() => analyzeMessage(body));
  const validate = microseconds(() => validateSend({ from: sender.e164, to: '+1 (212) 555-0142', body }, ctx));
  const twilio = microseconds(() => new SegmentedMessage(body).segmentsCount);
  console.log(
    `${kind.padEnd(10)} ${pad(ours.encoding, 8)} ${pad(ours.segments, 5)} ${pad(first.toFixed(0), 8)} ${pad(analyze.toFixed(1), 9)} ${pad(validate.toFixed(1), 9)} ${pad(twilio.toFixed(1), 9)} ${pad(`${(twilio / analyze).toFixed(1)}x`, 15)}`,
  );
}

// Agreement on a larger corpus, lengths clustered around the part boundaries.
const BOUNDARIES = [1, 67, 70, 134, 153, 160, 201, 306, 459, 612, 1000];
const corpus: string[] = [''];
for (let i = 0; corpus.length < 1000; i += 1) {
  const kind = pick(Object.keys(pieces) as Kind[]);
  corpus.push(text(kind, Math.max(1, pick(BOUNDARIES) + Math.floor(next() * 7) - 3)));
}
const LONG_GRAPHEME = 'a' + '\u0301'.repeat(80);
corpus.push(LONG_GRAPHEME, 'ą'.repeat(60) + LONG_GRAPHEME);

const reasons = new Map<string, { count: number; example: string }>();
let agree = 0;
for (const body of corpus) {
  const ours = analyzeMessage(body);
  const theirs = new SegmentedMessage(body);
  if (ours.encoding === theirs.encodingName && ours.segments === theirs.segmentsCount) {
    agree += 1;
    continue;
  }
  const graphemes = [...graphemeSegmenter.segment(body)].map((s) => s.segment);
  let reason: string;
  if (body === '') {
    reason = 'empty body: Twilio counts 1 segment; we count 0, as nothing is sent';
  } else if (ours.encoding !== theirs.encodingName) {
    reason = `encoding differs on ${JSON.stringify(ours.nonGsm)}: GSM 03.38 decides, see its table`;
  } else if (graphemes.some((g) => g.length > 67)) {
    reason =
      'a grapheme longer than a part: Twilio puts it in one segment that overflows 67 units (not sendable); we split it by code points';
  } else if (theirs.graphemes.length !== graphemes.length) {
    reason = `grapheme boundaries differ: Twilio's splitter gives ${theirs.graphemes.length}, Intl.Segmenter ${graphemes.length}; Intl.Segmenter follows current Unicode`;
  } else {
    reason = 'other';
  }
  const entry = reasons.get(reason) ?? { count: 0, example: body.slice(0, 40) };
  entry.count += 1;
  reasons.set(reason, entry);
}
console.log(`\nCorpus of ${corpus.length} texts: ${agree} agree with Twilio's calculator on encoding and segment count.`);
for (const [reason, { count, example }] of reasons) console.log(`  ${count} x ${reason}\n      e.g. ${JSON.stringify(example)}`);
const analyzeAll = microseconds(() => corpus.forEach((body) => analyzeMessage(body)), 1000) / corpus.length;
const twilioAll = microseconds(() => corpus.forEach((body) => new SegmentedMessage(body).segmentsCount), 1000) / corpus.length;
console.log(`Corpus mean: analyzeMessage ${analyzeAll.toFixed(1)} µs, Twilio ${twilioAll.toFixed(1)} µs per text (${(twilioAll / analyzeAll).toFixed(1)}x).`);
