/**
 * Runs the demo as a tester would (`npm start`: demo build, stub, simulator, seed) on a free port with a memory
 * database and fast simulator delays, and drives it with Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs } from '../../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Demo {
  url: string;
  browser: Browser;
  /** A fresh page (its own storage, so signed in as Alice) opened at `hash`. */
  open(hash?: string): Promise<Page>;
  stop(): Promise<void>;
}

/** Starts `npm start`'s script and resolves with the URL it prints. */
async function startDemo(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    // Its own process group, so stopping it also stops the stub it runs.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', SMS_DATA_DIR: 'memory://', SMS_SIMULATOR_DELAY_SCALE: '0.05', DATABASE_URL: '' },
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const found = line.match(/^sms-elements demo: (\S+)/)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Debian's Chromium, with the flags the browser suite uses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
  });
}

/** A fresh page (its own storage, so signed in as Alice) at `url`. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function launchDemo(): Promise<Demo> {
  const { url, child } = await startDemo();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return {
    url,
    browser,
    open: (hash = '') => openPage(browser, `${url}${hash ? `#${hash}` : ''}`),
    async stop() {
      await browser.close();
      await stopGroup(child);
    },
  };
}

/** Polls `read` until `accept` holds, failing with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The demo's lead page on one contact: its thread (the `log`) and its composer, once the composer has the contact. */
export async function lead(page: Page, contact: string) {
  await page.evaluate((hash) => (location.hash = hash), `lead/${contact}`);
  const composer = page.locator('#lead-composer');
  const log = page.locator('#lead-thread').getByRole('log');
  await eventually(() => composer.getByLabel('To', { exact: true }).inputValue(), (value) => value === contact);
  return { composer, log };
}
