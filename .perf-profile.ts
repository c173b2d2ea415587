import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './web-test-runner.config.mjs';

const bundle = await build({
  entryPoints: ['bench/elements/page.ts'], bundle: true, minify: false, format: 'esm', target: 'es2022', write: false,
  tsconfig: 'tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' }, conditions: ['production'],
});
const script = bundle.outputFiles[0].text;
const pageHtml = '<!doctype html><html lang="en"><body><script type="module" src="/page.js"></script></body></html>';
const server = createServer((req, res) => {
  const js = req.url === '/page.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  res.end(js ? script : pageHtml);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const lines = script.split('\n');
for (const kind of (process.argv[2] ?? 'thread,inbox').split(',')) {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await tab.goto(url);
  await tab.waitForFunction(() => 'measure' in window);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const r = await tab.evaluate((k) => (window as any).measure(k), kind);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const dt = profile.timeDeltas!;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  profile.samples!.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + dt[i]));
  for (const [id, us] of counts) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.endsWith('page.js') ? 'L' + (f.lineNumber + 1) + ': ' + (lines[f.lineNumber] ?? '').trim().slice(0, 60) : f.url}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  console.log(`\n== ${kind}: ${JSON.stringify(r)}`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(7), k);
  await tab.close();
}
await browser.close();
server.close();
