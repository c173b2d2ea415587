import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../server-stub/routes/static.js';
import { carrierError } from '../../src/rules/index.js';
import { launchBrowser, lead, openPage } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run demo:static`, written to a folder of its own so it can be hosted below a path. */
async function buildStatic(outDir: string): Promise<void> {
  const build = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'static', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = await once(build, 'exit');
  assert.equal(code, 0, 'the static build succeeds');
}

describe('the static demo (msw, no server)', () => {
  let site: string;
  let server: Server;
  let browser: Browser;
  let url: string;

  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'sms-static-'));
    await buildStatic(join(site, 'demo'));
    // A plain file server with no API at all: every /v1 request must be answered inside the page.
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://static.invalid').pathname;
      serveStatic(site, path, req.method ?? 'GET', res).catch(() => res.writeHead(404).end());
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('sends a text and shows it delivered, from a static file server below a path', async () => {
    const { composer, log } = await lead(await openPage(browser, url), '+14155550123');
    await composer.getByLabel('Message', { exact: true }).fill('Hello from a static page');
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await log.getByText('Hello from a static page').waitFor();
    await log.getByText('Delivered', { exact: true }).waitFor();
  });

  it('shows a magic failure with its error label and reason', async () => {
    const { composer, log } = await lead(await openPage(browser, url), '+14155550162');
    await composer.getByLabel('Message', { exact: true }).fill('Limited offer');
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    const { label, reason } = carrierError(30007);
    await log.getByText(label, { exact: true }).hover();
    await log.getByRole('tooltip').waitFor({ state: 'visible' });
    assert.equal((await log.getByRole('tooltip').textContent())?.trim(), reason);
  });
});
