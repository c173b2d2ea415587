import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { eventually } from './harness.js';

test('npm run stub starts with nothing configured: embedded database, seed, simulator sending signed webhooks to it', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server-stub/main.ts'], {
    env: { ...process.env, PORT: '0', SMS_DATA_DIR: 'memory://', SMS_SIMULATOR_DELAY_SCALE: '0.01', DATABASE_URL: '', TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const url = line.match(/^sms stub listening on (\S+) \(PGlite memory:\/\/, Twilio simulator\)$/)?.[1];
    assert.ok(url, line);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json', ...init.headers } });
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const sent = await api('/v1/messages', { method: 'POST', body: JSON.stringify({ from: '+14155550100', to: '+14155550142', body: 'Are you there?' }) });
    assert.equal(sent.status, 201);
    const thread = await eventually(async () => {
      const page = await (await api('/v1/messages?contact=%2B14155550142')).json();
      return page.items.length === 2 && page.items[0].status === 'delivered' ? page.items : undefined;
    }, 10_000);
    assert.equal(thread[1].direction, 'inbound', 'the reply came back through the signed inbound webhook');
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
