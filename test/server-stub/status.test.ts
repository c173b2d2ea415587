import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageStatus } from '../../src/protocol/index.js';
import { advanceStatus, fromTwilioStatus } from '../../server-stub/status.js';

test('statuses only move forward, except that Twilio’s first answer to a hand-over stands', () => {
  const cases: [MessageStatus, MessageStatus, boolean, MessageStatus | null][] = [
    ['sending', 'queued', false, 'queued'],
    ['sending', 'failed', false, 'failed'],
    ['sending', 'delivered', false, 'delivered'],
    ['sending', 'queued', true, null],
    ['queued', 'sending', true, 'sending'],
    ['queued', 'sent', true, 'sent'],
    ['sent', 'delivered', true, 'delivered'],
    ['delivered', 'sent', true, null],
    ['delivered', 'queued', true, null],
    ['undelivered', 'sent', true, null],
    ['failed', 'delivered', true, null],
    ['sent', 'undelivered', true, 'undelivered'],
    ['delivered', 'delivered', true, null],
    ['canceled', 'sent', true, null],
  ];
  for (const [current, incoming, handedOver, expected] of cases) {
    assert.equal(advanceStatus(current, incoming, handedOver), expected, `${current} + ${incoming} (${handedOver ? 'has sid' : 'no sid'})`);
  }
});

test('Twilio statuses map onto ours; unknown ones say nothing', () => {
  const cases: [string, MessageStatus | undefined][] = [
    ['accepted', 'queued'],
    ['queued', 'queued'],
    ['sending', 'sending'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['receiving', undefined],
    ['', undefined],
    ['toString', undefined],
  ];
  for (const [twilio, ours] of cases) assert.equal(fromTwilioStatus(twilio), ours, twilio);
});
