import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser } from '../../src/backend/sse.js';

const stream = 'id: 1\nevent: message.created\ndata: {"a":1}\n\n: keep-alive\n\nid: 2\r\nevent: reset\r\ndata: null\r\n\r\ndata: x\ndata: y\n\n';

test('parses events whole and whatever the chunk boundaries', () => {
  const expected = [
    { id: '1', event: 'message.created', data: '{"a":1}' },
    { id: '2', event: 'reset', data: 'null' },
    { id: '2', event: 'message', data: 'x\ny' },
  ];
  for (const size of [1, 2, 3, 7, stream.length]) {
    const parser = new SseParser();
    const out = [];
    for (let i = 0; i < stream.length; i += size) out.push(...parser.push(stream.slice(i, i + size)));
    assert.deepEqual(out, expected, `chunks of ${size}`);
  }
});

test('a CR split from its LF ends one line, not two', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('data: a\r'), []);
  assert.deepEqual(parser.push('\n\r'), [{ event: 'message', data: 'a' }]);
});

test('reports retry and ignores a malformed one', () => {
  const retries: number[] = [];
  const parser = new SseParser((ms) => retries.push(ms));
  parser.push('retry: 1500\nretry: soon\n\n');
  assert.deepEqual(retries, [1500]);
});

test('a field without a colon has an empty value; only one space after the colon is dropped; any character may be data', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('data\ndata:  two\ndata:\u2028x\n\n'), [{ event: 'message', data: '\n two\n\u2028x' }]);
});
