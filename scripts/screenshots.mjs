// `node scripts/screenshots.mjs`: regenerates docs/screenshots/*.png, the README's pictures of the demo. Starts
// the demo on a free port with a memory database, fills it through the API as a tester would, and photographs
// each view in headless Chromium.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}docs/screenshots`;
mkdirSync(outDir, { recursive: true });

const demo = spawn(process.execPath, ['scripts/start.mjs'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PORT: '0', SMS_DATA_DIR: 'memory://', SMS_SIMULATOR_DELAY_SCALE: '0.1', DATABASE_URL: '' },
});
const url = await new Promise((resolve, reject) => {
  createInterface({ input: demo.stdout }).on('line', (line) => {
    const found = line.match(/^sms-elements demo: (\S+)/)?.[1];
    if (found) resolve(found);
  });
  demo.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
});

const api = async (path, body) => {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { authorization: 'Bearer demo-alice', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
};
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
});
try {
  await api('/v1/messages', { from: '+14155550100', to: '+14155550142', body: 'Hi Riley, are you free for a viewing on Tuesday at 10?' });
  await api('/v1/messages', { from: '+14155550100', to: '+14155550162', body: 'Last chance: 50% off this weekend only!' });
  await api('/v1/simulator/inbound', { from: '+14155550124', to: '+14155550100', body: 'Here are the photos you asked for', mediaTypes: ['image/png', 'application/pdf'] });
  await api('/v1/simulator/inbound', { from: '+14155550125', to: '+14155550101', body: 'STOP' });
  await pause(1500);

  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const shoot = async (name) => {
    await pause(400);
    await page.screenshot({ path: `${outDir}/${name}.png` });
    console.log(`docs/screenshots/${name}.png`);
  };
  const show = (hash) => page.evaluate((value) => (location.hash = value), hash);

  await page.goto(`${url}#lead/+14155550142`);
  await page.locator('#lead-thread').getByText(/Thanks, got your message/).waitFor();
  await page.locator('#lead-composer').getByLabel('Message', { exact: true }).fill('Great, see you then!');
  await shoot('lead');

  await show('lead/+14155550162');
  const label = page.locator('#lead-thread').getByText('Filtered as spam', { exact: true });
  await label.hover();
  await shoot('error-label');

  await show('inbox');
  await page.locator('#inbox').getByRole('option', { name: /photos you asked for/ }).click();
  await page.locator('#inbox-thread').getByRole('img').first().waitFor();
  await shoot('inbox');

  await show('settings');
  const picker = page.locator('#rent');
  await picker.getByLabel('Country').selectOption('GB');
  await picker.getByLabel('Area code').fill('20');
  await picker.getByRole('button', { name: 'Search' }).click();
  await picker.getByRole('alert').waitFor();
  await shoot('settings');

  await show('theme');
  const form = page.locator('#theme-form');
  await form.getByLabel('Mode').selectOption('dark');
  await form.getByLabel('Locale').selectOption('he');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot('theme');

  await page.emulateMedia({ colorScheme: 'light' });
  await show('simulator');
  await shoot('simulator');
} finally {
  await browser.close();
  const exited = once(demo, 'exit');
  process.kill(-demo.pid, 'SIGTERM');
  await exited;
}
