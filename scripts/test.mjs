// Runs every suite (types, Node, Chromium, end to end) even when one fails, then prints one line
// `N passed, N failed` totalling them all. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { findFiles } from './files.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const tapTotals = (file) => {
  const tap = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
};

const nodeSuite = (name, files) => () => {
  if (files.length === 0) return { passed: 0, failed: 0 };
  const tap = `${results}/${name}.tap`;
  const ok = run(process.execPath, [
    '--import', 'tsx', '--test',
    // A hung page or server fails its test instead of holding CI until it is killed.
    '--test-timeout=180000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const totals = tapTotals(tap);
  return ok || totals.failed ? totals : { ...totals, failed: totals.failed + 1 };
};

const nodeFiles = findFiles('test', (f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts') && !f.startsWith('test/e2e/'));
const e2eFiles = findFiles('test/e2e', (f) => f.endsWith('.test.ts'));

const suites = {
  types: () => (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
  node: nodeSuite('node', nodeFiles),
  browser: () => {
    const ok = run('npx', ['web-test-runner']);
    const file = `${results}/browser.json`;
    const totals = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0 };
    return ok || totals.failed ? totals : { ...totals, failed: totals.failed + 1 };
  },
  e2e: nodeSuite('e2e', e2eFiles),
};

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const totals = suite();
  console.log(`== ${name}: ${totals.passed} passed, ${totals.failed} failed ==`);
  passed += totals.passed;
  failed += totals.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
