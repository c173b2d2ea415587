import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the README element reference matches the elements’ JSDoc (npm run docs)', () => {
  const check = spawnSync(process.execPath, ['scripts/api-docs.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});
