import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentTypeAllowed, attachmentsByteLimit, ATTACHMENT_LIMITS, formatBytes, isImageType } from '../../src/rules/index.js';

const types: [type: string, allowed: boolean][] = [
  ['image/jpeg', true],
  ['image/png', true],
  ['image/gif', true],
  ['IMAGE/HEIC', true],
  ['image/jpeg; name=photo.jpg', true],
  ['video/mp4', true],
  ['audio/mpeg', true],
  ['application/pdf', true],
  ['text/vcard', true],
  ['text/x-vcard', true],
  ['text/calendar', true],
  ['text/plain; charset=utf-8', true],
  ['text/csv', true],
  ['image/svg+xml', false],
  ['IMAGE/SVG+XML; charset=utf-8', false],
  ['text/html', false],
  ['application/zip', false],
  ['application/octet-stream', false],
  ['application/x-msdownload', false],
  ['image', false],
  ['image/', false],
  ['', false],
];

for (const [type, allowed] of types) {
  test(`attachmentTypeAllowed(${JSON.stringify(type)}) is ${allowed}`, () => {
    assert.equal(attachmentTypeAllowed(type), allowed);
  });
}

test('the byte limit is 5 MB for images only, 600 KB as soon as one file is not an image', () => {
  assert.deepEqual(ATTACHMENT_LIMITS, { count: 10, imageBytes: 5_000_000, otherBytes: 600_000 });
  assert.equal(attachmentsByteLimit(['image/png', 'image/jpeg']), 5_000_000);
  assert.equal(attachmentsByteLimit(['image/png', 'application/pdf']), 600_000);
  assert.equal(attachmentsByteLimit(['video/mp4']), 600_000);
  assert.equal(attachmentsByteLimit(['image/svg+xml']), 600_000);
  assert.equal(isImageType('image/svg+xml'), false);
});

test('formatBytes rounds up so a total over a limit never reads as the limit', () => {
  assert.deepEqual([5_000_000, 5_000_001, 600_000, 600_001, 999].map(formatBytes), ['5 MB', '5.01 MB', '600 KB', '600.1 KB', '999 B']);
});
