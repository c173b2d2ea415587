import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMessage, hasGsmFix, isGsm, toGsm } from '../../src/rules/index.js';

const fixes: [before: string, after: string][] = [
  ['Let’s meet ‘today’', "Let's meet 'today'"],
  ['“Quoted” „low“ «guillemets»', '"Quoted" "low" "guillemets"'],
  ['9–5 — or ‒ later − now', '9-5 - or - later - now'],
  ['Wait…', 'Wait...'],
  ['• one\n• two', '- one\n- two'],
  ['non\u00A0breaking\u2009thin\u202Fnarrow\u3000wide\ttab', 'non breaking thin narrow wide tab'],
  ['zero\u200Bwidth\uFEFF soft\u00ADhyphen', 'zerowidth softhyphen'],
  ['Cafe\u0301', 'Café'],
  ['ˆ caret ˜ tilde', '^ caret ~ tilde'],
  ['3×4 ½', '3x4 ½'],
  ['plain [GSM] text €5', 'plain [GSM] text €5'],
  ['Ωmega 😀 stays', 'Ωmega 😀 stays'],
];
for (const [before, after] of fixes) {
  test(`toGsm(${JSON.stringify(before)})`, () => {
    assert.equal(toGsm(before), after);
    assert.equal(hasGsmFix(before), before !== after);
  });
}

test('the fix turns a typographic message back into one GSM-7 segment', () => {
  const body = '“Hi” – it’s 5 o’clock… see you at the café\u00A0tomorrow';
  assert.equal(analyzeMessage(body).encoding, 'UCS-2');
  assert.equal(isGsm(body), false);
  const fixed = toGsm(body);
  assert.deepEqual(analyzeMessage(fixed), { encoding: 'GSM-7', segments: 1, characters: 53, remaining: 107, nonGsm: [] });
  assert.equal(isGsm(fixed), true);
});
