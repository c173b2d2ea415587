/**
 * `npm run bench elements`: first render time and DOM size of `<sms-thread>` with 10,000 messages and `<sms-inbox>`
 * with 10,000 conversations, next to plain non-windowed Lit lists of the same data, in Debian's Chromium.
 * Each tab renders twice: on a cold page (the first element of its kind, paying for the browser's one-time setup
 * of date formatting, code compilation and styles) and on a warm one (another conversation opened later).
 * A 12-row static list, measured the same way, gives the floor: the harness waits for the next frame, so nothing
 * reads much below one frame.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../web-test-runner.config.mjs';

const RUNS = 5;
type Kind = 'thread' | 'inbox' | 'plain-thread' | 'plain-inbox' | 'plain-static';
interface Sample {
  laidOut: number;
  firstRender: number;
  nodes: number;
  rows: number;
}
type Run = Sample & { warm: number; warmLaidOut: number };

const bundle = await build({
  entryPoints: [new URL('./page.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname,
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
});
const script = bundle.outputFiles[0].text;
const page = '<!doctype html><html lang="en"><body><script type="module" src="/page.js"></script></body></html>';

const server = createServer((req, res) => {
  const js = req.url === '/page.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  res.end(js ? script : page);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(kind: Kind): Promise<Run> {
  const samples: Run[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await tab.goto(url);
    await tab.waitForFunction(() => 'measure' in window);
    const measure = () => tab.evaluate((k) => (window as unknown as { measure(k: string): Promise<Sample> }).measure(k), kind);
    const cold = await measure();
    const warm = await measure();
    samples.push({ ...cold, warm: warm.firstRender, warmLaidOut: warm.laidOut });
    await tab.close();
  }
  return {
    laidOut: median(samples.map((s) => s.laidOut)),
    warmLaidOut: median(samples.map((s) => s.warmLaidOut)),
    firstRender: median(samples.map((s) => s.firstRender)),
    warm: median(samples.map((s) => s.warm)),
    nodes: median(samples.map((s) => s.nodes)),
    rows: median(samples.map((s) => s.rows)),
  };
}

try {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const floor = await run('plain-static');
  const rows: string[][] = [
    ['12-row static list (floor)', ms(floor.warmLaidOut), '', '', ms(floor.firstRender), '', '', ms(floor.warm), '', '', `${floor.nodes} (${floor.rows} rows)`, '', ''],
  ];
  for (const [name, virtual, plain] of [
    ['<sms-thread>, 10,000 messages', 'thread', 'plain-thread'],
    ['<sms-inbox>, 10,000 conversations', 'inbox', 'plain-inbox'],
  ] as const) {
    const ours = await run(virtual);
    const theirs = await run(plain);
    const faster = (plain: number, windowed: number) => `${(plain / windowed).toFixed(1)}x faster`;
    rows.push([
      name,
      ms(ours.warmLaidOut),
      ms(theirs.warmLaidOut),
      faster(theirs.warmLaidOut, ours.warmLaidOut),
      ms(ours.firstRender),
      ms(theirs.firstRender),
      faster(theirs.firstRender, ours.firstRender),
      ms(ours.warm),
      ms(theirs.warm),
      faster(theirs.warm, ours.warm),
      `${ours.nodes} (${ours.rows} rows)`,
      `${theirs.nodes} (${theirs.rows} rows)`,
      `${(theirs.nodes / ours.nodes).toFixed(0)}x fewer`,
    ]);
  }
  const header = [
    'element',
    'rows laid out, warm page',
    'plain lit list',
    'ratio',
    'first frame, cold page',
    'plain lit list',
    'ratio',
    'first frame, warm page',
    'plain lit list',
    'ratio',
    'DOM nodes',
    'plain lit list',
    'ratio',
  ];
  const table = [header, header.map(() => '---'), ...rows];
  console.log(
    `Median of ${RUNS} runs, Chromium ${browser.version()}. Rows laid out: from inserting the element to its rows laid ` +
      `out, the work of the first render (one frame's budget is 16.7 ms). First frame: to the first painted frame ` +
      `with them, which adds the wait for the next frame.\n`,
  );
  for (const line of table) console.log(`| ${line.join(' | ')} |`);
} finally {
  await browser.close();
  server.close();
}
