import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync, mkdirSync } from 'node:fs';

export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/** Writes the totals to .test-results/browser.json for the one-line summary of `npm test`. */
function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) totals[test.passed ? 'passed' : 'failed'] += 1;
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed += 1;
        totals.failed += session.errors?.length ?? 0;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/browser.json', JSON.stringify(totals));
    },
  };
}

/** Serves msw's worker at the root, where the tests register it. */
function mswWorker() {
  return (context, next) => {
    if (context.url === '/mockServiceWorker.js') context.url = '/demo/public/mockServiceWorker.js';
    return next();
  };
}

export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: true,
  // One page at a time: a background page gets no animation frames, which virtualized lists and focus need.
  concurrency: 1,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [mswWorker()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  reporters: [defaultReporter(), totalsReporter()],
};
