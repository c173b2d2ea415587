import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { createSimulator, type SimulatorOptions, type TwilioSimulator } from '../../../server-stub/twilio/simulator.js';

/** The account's numbers of the demo seed. */
export const SEED_NUMBERS = [
  { phoneNumber: '+14155550100' },
  { phoneNumber: '+447400123456' },
  { phoneNumber: '+14155550101' },
  { phoneNumber: '+61412345678' },
  { phoneNumber: '+14155550102', capabilities: { sms: false, mms: false, voice: true } },
  { phoneNumber: '+14155550110' },
  { phoneNumber: '+14155550190' },
];

export interface ReceivedWebhook {
  path: string;
  /** The URL as the sender addressed it, path and query included. */
  url: string;
  signature: string | undefined;
  params: Record<string, string>;
}

export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * A simulator on a real port with fast delays, and a receiver standing in for the stub's webhooks. The receiver
 * also serves `/media/*` (for outbound MMS) from `media`.
 */
export async function startHarness(options: SimulatorOptions = {}) {
  const webhooks: ReceivedWebhook[] = [];
  const logs: string[] = [];
  const apiRequests: string[] = [];
  const media = new Map<string, { type: string; bytes: Uint8Array }>();
  let waiters: (() => void)[] = [];

  const receiver = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://receiver').pathname;
      const file = media.get(path);
      if (req.method === 'GET') {
        if (!file) res.writeHead(404).end();
        else res.writeHead(200, { 'Content-Type': file.type }).end(file.bytes);
        return;
      }
      webhooks.push({
        path,
        url: `${receiverUrl}${req.url}`,
        signature: req.headers['x-twilio-signature'] as string | undefined,
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString())),
      });
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<Response/>');
      for (const wake of waiters) wake();
      waiters = [];
    });
  });
  const receiverUrl = receiver.url;

  const simulator: TwilioSimulator = createSimulator({
    numbers: SEED_NUMBERS,
    delayScale: 0.01,
    webhookBase: receiverUrl,
    log: (message) => logs.push(message),
    ...options,
  });
  const api = await listen((req, res) => {
    apiRequests.push(`${req.method} ${req.url}`);
    simulator.handler(req, res);
  });
  simulator.setBaseUrl(api.url);

  /** Resolves with the first webhook matching `predicate`, waiting up to `ms` for it. */
  async function webhook(predicate: (hook: ReceivedWebhook) => boolean, ms = 3000): Promise<ReceivedWebhook> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = webhooks.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching webhook within ${ms} ms; got ${JSON.stringify(webhooks.map((h) => h.params))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return {
    simulator,
    apiUrl: api.url,
    receiverUrl,
    webhooks,
    logs,
    apiRequests,
    media,
    webhook,
    async close() {
      await simulator.close();
      await Promise.all([stop(api.server), stop(receiver.server)]);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The official library, unchanged but for an HTTP client that sends every request to the harness's simulator. */
export function libraryClient(harness: Harness): twilio.Twilio {
  class SimulatorRequestClient extends twilio.RequestClient {
    override request<TData>(options: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
      const target = new URL(options.uri);
      return super.request<TData>({ ...options, uri: `${harness.apiUrl}${target.pathname}${target.search}` });
    }
  }
  return twilio(harness.simulator.accountSid, harness.simulator.authToken, { httpClient: new SimulatorRequestClient() });
}
