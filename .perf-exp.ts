import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './web-test-runner.config.mjs';
const pageHtml = '<!doctype html><html lang="en"><body></body></html>';
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(pageHtml); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (let i = 0; i < 3; i++) {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await tab.goto(url);
  console.log(await tab.evaluate(`(() => {
    const t = (f) => { const s = performance.now(); f(); return +(performance.now() - s).toFixed(2); };
    return {
      dtfShort: t(() => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date())),
      dtfStyle: t(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date())),
      dtfStyle2: t(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date())),
      nf: t(() => new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte' }).format(3)),
      toDateString: t(() => new Date().toDateString()),
    };
  })()`));
  await tab.close();
}
for (let i = 0; i < 3; i++) {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await tab.goto(url);
  console.log(await tab.evaluate(`(() => {
    const t = (f) => { const s = performance.now(); f(); return +(performance.now() - s).toFixed(2); };
    return {
      dtfStyleFirst: t(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date())),
      dtfShortAfter: t(() => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date())),
    };
  })()`));
  await tab.close();
}
await browser.close(); server.close();
