import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carrierError, CARRIER_ERRORS, labelFor, LABELS, VIOLATION_CODES, WARNING_CODES } from '../../src/rules/index.js';

test('every violation and warning code has an English label, and no label is orphaned', () => {
  assert.deepEqual(Object.keys(LABELS).sort(), [...VIOLATION_CODES, ...WARNING_CODES].sort());
  for (const [code, label] of Object.entries(LABELS)) assert.match(label, /^(\{\w+\}|[A-Z]).*\.$/, code);
});

test('labelFor fills params and leaves an unknown hole visible', () => {
  assert.equal(labelFor('too_many_attachments', { count: 11, limit: 10 }), 'Too many attachments: 11, at most 10.');
  assert.equal(labelFor('short_code', {}), '{number} is a short code: short codes cannot receive texts from your numbers.');
});

const carrier: [code: number, label: string, reason: RegExp][] = [
  [30003, 'Landline or unreachable', /could not be reached/],
  [30005, 'Landline or unreachable', /no longer in service/],
  [30006, 'Landline or unreachable', /landline/],
  [30007, 'Filtered as spam', /spam/],
  [21610, 'Recipient opted out', /STOP/],
  [30008, 'Unknown error', /did not say why/],
  [21211, 'Invalid number', /not a valid phone number/],
  [21408, 'Country not enabled', /not enabled/],
  [30410, 'Error 30410', /Twilio error 30410/],
  [12345, 'Error 12345', /Twilio error 12345/],
];
for (const [code, label, reason] of carrier) {
  test(`carrierError(${code})`, () => {
    const error = carrierError(code);
    assert.equal(error.code, code);
    assert.equal(error.label, label);
    assert.match(error.reason, reason);
  });
}

test('the carrier catalog is data keyed by code, for translations', () => {
  assert.deepEqual(Object.keys(CARRIER_ERRORS).map(Number).sort(), [21211, 21408, 21610, 30003, 30005, 30006, 30007, 30008]);
});
