import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrivalTime, scheduleProblem } from '../../src/rules/index.js';

const NOW = new Date('2025-03-10T15:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offset: number) => new Date(NOW.getTime() + offset).toISOString();

const cases: [name: string, sendAt: string | undefined, problem: string | null, arrival: string][] = [
  ['no send-later time', undefined, null, NOW.toISOString()],
  ['now', at(0), 'schedule_in_past', NOW.toISOString()],
  ['a millisecond ago', at(-1), 'schedule_in_past', NOW.toISOString()],
  ['not a date', 'tomorrow morning', 'schedule_in_past', NOW.toISOString()],
  ['a millisecond ahead', at(1), null, at(1)],
  ['exactly 35 days ahead', at(35 * DAY), null, at(35 * DAY)],
  ['35 days and a millisecond ahead', at(35 * DAY + 1), 'schedule_too_far', at(35 * DAY + 1)],
];

for (const [name, sendAt, problem, arrival] of cases) {
  test(`send later: ${name}`, () => {
    if (sendAt !== undefined) assert.equal(scheduleProblem(sendAt, NOW), problem);
    assert.equal(arrivalTime(sendAt, NOW).toISOString(), arrival);
  });
}
