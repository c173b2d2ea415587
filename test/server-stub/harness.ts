import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp, type App, type AppOptions } from '../../server-stub/app.js';
import type { Clock } from '../../server-stub/clock.js';
import { SEED } from '../../server-stub/seed.js';
import { openPglite, openPostgres, type Db } from '../../server-stub/store/db.js';
import { Store } from '../../server-stub/store/index.js';
import { createTwilioGateway } from '../../server-stub/twilio/client.js';
import type { TwilioGateway } from '../../server-stub/twilio/gateway.js';
import { createSimulator, type TwilioSimulator } from '../../server-stub/twilio/simulator.js';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private time = Date.parse('2026-03-02T15:00:00Z')) {}
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A database for one test file; `dispose` drops what it made. */
  open(): Promise<{ db: () => Promise<Db>; dispose: () => Promise<void> }>;
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const db = await openPglite('memory://');
    // One PGlite per file (opening one takes seconds); closing the store closes it, so keep it open until dispose.
    const shared: Db = { ...db, close: async () => undefined };
    return { db: async () => shared, dispose: () => db.close() };
  },
};

const postgres = (url: string): Backend => ({
  name: 'postgres',
  async open() {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    return {
      db: () => openPostgres(url, { schema }),
      dispose: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  },
});

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const backends: Backend[] = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

/** Empties every table and puts the seed back, so each test starts from the demo data. */
export async function resetStore(store: Store): Promise<void> {
  await store.db.query(
    `TRUNCATE message_media, media, idempotency_keys, reads, recipients, conversations, messages, events, number_members, numbers,
       contacts, event_counters, users, workspaces`,
  );
  await store.upsertDirectory(SEED);
}

export const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

export interface Stub {
  url: string;
  app: App;
  store: Store;
  clock: TestClock;
  simulator: TwilioSimulator;
  gateway: TwilioGateway;
  /** Calls the API as a seed user (`demo-alice` unless `token` says otherwise). */
  api(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The stub over real HTTP on port 0 with the real Twilio simulator (fast) behind the real gateway, both on
 * 127.0.0.1. `gateway` wraps the real one when a test needs to see or disturb calls to Twilio.
 */
export async function startStub(
  store: Store,
  options: Partial<AppOptions> & { clock?: TestClock; wrapGateway?: (gateway: TwilioGateway) => TwilioGateway } = {},
): Promise<Stub> {
  const clock = options.clock ?? new TestClock();
  const server = createServer();
  const url = await listen(server);
  const numbers = await store.allNumbers();
  const simulator = createSimulator({
    webhookBase: url,
    delayScale: 0.01,
    numbers: numbers.map((number) => ({ phoneNumber: number.e164, capabilities: number.capabilities })),
    log: () => undefined,
  });
  const simulatorServer = createServer((req, res) => simulator.handler(req, res));
  const simulatorUrl = await listen(simulatorServer);
  simulator.setBaseUrl(simulatorUrl);
  const real = createTwilioGateway({ accountSid: simulator.accountSid, authToken: simulator.authToken, apiBaseUrl: simulatorUrl, timeoutMs: 2000 });
  const gateway = options.wrapGateway ? options.wrapGateway(real) : real;
  const app = await createApp({
    store,
    gateway,
    publicBaseUrl: url,
    signingSecret: 'test-secret',
    simulator,
    schedulerIntervalMs: 20,
    heartbeatMs: 1000,
    retry: { attempts: 3, delayMs: 5 },
    log: () => undefined,
    ...options,
    clock,
  });
  server.on('request', app.handle);
  return {
    url,
    app,
    store,
    clock,
    simulator,
    gateway,
    api(path, init = {}) {
      const { token = 'demo-alice', json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers, ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}) });
    },
    async close() {
      await simulator.close();
      const closed = Promise.all([new Promise((r) => server.close(r)), new Promise((r) => simulatorServer.close(r))]);
      await app.close();
      server.closeAllConnections();
      simulatorServer.closeAllConnections();
      await closed;
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
