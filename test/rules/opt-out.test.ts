import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optOutKeyword, OPT_OUT_KEYWORDS, OPT_IN_KEYWORDS, HELP_KEYWORDS } from '../../src/rules/index.js';

const mixedCase = (word: string) => [...word].map((char, i) => (i % 2 ? char.toLowerCase() : char)).join('');
const spellings = (word: string) => [word, word.toLowerCase(), mixedCase(word)];
const decorations = (word: string) => [word, `  ${word}  `, `${word}!`, `${word}.`, ` ${word}?! `, `\n${word}\n`, `${word} ...`];

const families: [readonly string[], 'STOP' | 'START' | 'HELP'][] = [
  [OPT_OUT_KEYWORDS, 'STOP'],
  [OPT_IN_KEYWORDS, 'START'],
  [HELP_KEYWORDS, 'HELP'],
];

for (const [keywords, kind] of families) {
  for (const keyword of keywords) {
    test(`optOutKeyword: ${keyword} in any case, spacing and trailing punctuation is ${kind}`, () => {
      for (const spelling of spellings(keyword)) {
        for (const body of decorations(spelling)) assert.equal(optOutKeyword(body), kind, JSON.stringify(body));
      }
    });
  }
}

test('optOutKeyword: the keyword lists are exactly the documented ones', () => {
  assert.deepEqual(
    [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS],
    ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'START', 'YES', 'UNSTOP', 'HELP', 'INFO'],
  );
});

for (const body of ['stop please', 'please stop', 'STOP STOP', 'STOPP', 'S T O P', '¿STOP', '', '   ', 'yes, tomorrow works', 'help me', 'END.of.day', 'opt out']) {
  test(`optOutKeyword: ${JSON.stringify(body)} is not a keyword`, () => {
    assert.equal(optOutKeyword(body), null);
  });
}
