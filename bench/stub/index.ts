/**
 * Stub throughput and latency, all on 127.0.0.1: signed inbound webhooks stored per second, and how long an
 * event takes to reach 1,000 open SSE streams (p50/p99), on PGlite and (with TEST_DATABASE_URL or DATABASE_URL)
 * PostgreSQL, next to a bare node:http handler doing no work as the ceiling. Prints a table.
 */
import { randomBytes } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import twilio from 'twilio';
import { createApp } from '../../server-stub/app.js';
import { SEED } from '../../server-stub/seed.js';
import { openPglite, openPostgres, type Db } from '../../server-stub/store/db.js';
import { Store } from '../../server-stub/store/index.js';
import { createTwilioGateway } from '../../server-stub/twilio/client.js';

const WEBHOOKS = 2000;
const CONCURRENCY = 16;
const STREAMS = 1000;
const EVENTS = 30;
const AUTH_TOKEN = 'bench-auth-token';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const listen = (handler: Handler) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Posts `WEBHOOKS` signed inbound webhooks, `CONCURRENCY` at a time; answers per second. */
async function webhookRate(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (index: number) => {
    const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, From: `+1415555${String(2000 + (index % 500)).padStart(4, '0')}`, To: '+14155550100', Body: `load ${index}`, NumMedia: '0' };
    const body = new URLSearchParams(params).toString();
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${url}/twilio/inbound`, params);
    return new Promise<void>((resolve, reject) => {
      const req = request(`${url}/twilio/inbound`, { method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < WEBHOOKS) await post(next++);
  }));
  agent.destroy();
  return WEBHOOKS / ((performance.now() - started) / 1000);
}

/** Opens `STREAMS` event streams, fires `EVENTS` events one after another, and times each arrival. */
async function eventLatency(url: string, path: string, fire: (sentAt: number) => Promise<void>): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: STREAMS + 10 });
  const latencies: number[] = [];
  let pending = 0;
  let arrived: () => void = () => undefined;
  const streams = await Promise.all(
    Array.from({ length: STREAMS }, () =>
      new Promise<IncomingMessage>((resolve, reject) => {
        const req = request(`${url}${path}`, { agent }, (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').find((line) => line.startsWith('data: '));
              const sentAt = data ? (JSON.parse(data.slice(6)) as { sentAt?: number } | null)?.sentAt : undefined;
              if (sentAt === undefined) continue;
              latencies.push(performance.now() - sentAt);
              if (--pending === 0) arrived();
            }
          });
          resolve(res);
        });
        req.on('error', reject);
        req.end();
      }),
    ),
  );
  for (let i = 0; i < EVENTS; i += 1) {
    pending = STREAMS;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    await fire(performance.now());
    await done;
  }
  for (const stream of streams) stream.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

async function measureStub(name: string, db: Db): Promise<string[]> {
  const store = await Store.open(db);
  await store.upsertDirectory(SEED);
  const gateway = createTwilioGateway({ accountSid: 'AC00000000000000000000000000000000', authToken: AUTH_TOKEN, apiBaseUrl: 'http://127.0.0.1:9' });
  let baseUrl = '';
  const app = await createApp({ store, gateway, publicBaseUrl: () => baseUrl, signingSecret: 'bench', schedulerIntervalMs: 60_000, log: () => undefined });
  const { server, url } = await listen(app.handle);
  baseUrl = url;
  try {
    const rate = await webhookRate(url);
    const latency = await eventLatency(url, '/v1/events?access_token=demo-alice', async (sentAt) => {
      await app.services.events.publish('acme', [{ type: 'recipient.updated', data: { sentAt } }]);
    });
    return [name, rate.toFixed(0), latency.p50.toFixed(1), latency.p99.toFixed(1)];
  } finally {
    server.closeAllConnections();
    server.close();
    await app.close();
    await store.close();
  }
}

/** The same load against handlers that do nothing: what node:http on this machine allows. */
async function measureCeiling(): Promise<string[]> {
  const open = new Set<ServerResponse>();
  const { server, url } = await listen((req, res) => {
    if (req.url?.startsWith('/events')) {
      res.writeHead(200, { "Content-Type": "text/event-stream" }).flushHeaders();
      open.add(res);
      res.on('close', () => open.delete(res));
      return;
    }
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<Response/>'));
  });
  try {
    const rate = await webhookRate(url);
    const latency = await eventLatency(url, '/events', async (sentAt) => {
      const frame = `id: 1\nevent: x\ndata: ${JSON.stringify({ sentAt })}\n\n`;
      for (const res of open) res.write(frame);
    });
    return ['bare node:http (ceiling)', rate.toFixed(0), latency.p50.toFixed(1), latency.p99.toFixed(1)];
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const rows: string[][] = [];
rows.push(await measureStub('stub on PGlite (memory)', await openPglite('memory://')));
const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (postgresUrl) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  try {
    rows.push(await measureStub('stub on PostgreSQL', await openPostgres(postgresUrl, { schema })));
  } finally {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}
rows.push(await measureCeiling());

const header = ['', 'webhooks stored/s', `event → ${STREAMS} streams p50 ms`, 'p99 ms'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
console.log(`${WEBHOOKS} signed inbound webhooks, ${CONCURRENCY} at a time; ${EVENTS} events to ${STREAMS} open streams`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
