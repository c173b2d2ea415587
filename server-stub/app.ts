import type { IncomingMessage, ServerResponse } from 'node:http';
import { systemClock, type Clock } from './clock.js';
import { EventHub } from './events.js';
import { MediaUrls, sqlMediaStore } from './media.js';
import { Messaging } from './messaging.js';
import type { RequestContext, Services } from './routes/context.js';
import { HttpError, Router, notFound, sendError, sendJson } from './routes/http.js';
import { serveStatic } from './routes/static.js';
import { v1Routes } from './routes/v1.js';
import { webhookRoutes } from './routes/webhooks.js';
import { Scheduler } from './scheduler.js';
import { DatabaseUnavailableError } from './store/db.js';
import { BadCursorError, type Store } from './store/index.js';
import { TwilioApiError, TwilioUnreachableError, type TwilioGateway } from './twilio/gateway.js';
import type { TwilioSimulator } from './twilio/simulator.js';

export interface AppOptions {
  store: Store;
  gateway: TwilioGateway;
  /** Where Twilio and browsers reach this stub: webhook signatures and media URLs use it. */
  publicBaseUrl: string | (() => string);
  /** SMS_SIGNING_SECRET: the same on every instance. */
  signingSecret: string;
  clock?: Clock;
  /** SMS_ALLOWED_ORIGINS; empty = same origin only. */
  allowedOrigins?: string[];
  /** Simulator mode: enables `POST /v1/simulator/inbound`. */
  simulator?: Pick<TwilioSimulator, 'inbound'>;
  /** Files served for paths outside /v1 and /twilio (the demo page). */
  staticDir?: string;
  schedulerIntervalMs?: number;
  /** How long a send may sit `sending` without a Twilio sid before it is reconciled. */
  staleSendMs?: number;
  heartbeatMs?: number;
  retry?: { attempts: number; delayMs: number };
  /** Where the stub reports its own faults (answered 500). */
  log?: (message: string) => void;
}

export interface App {
  handle(req: IncomingMessage, res: ServerResponse): void;
  services: Services;
  scheduler: Scheduler;
  /**
   * Stops the scheduler, closes open event streams and waits for requests in progress; the store stays open
   * (its owner closes it).
   */
  close(): Promise<void>;
}

const CORS_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Filename, Last-Event-ID';

function toHttpError(error: unknown, log: (message: string) => void): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof BadCursorError) return new HttpError(400, 'invalid_request', error.message);
  if (error instanceof DatabaseUnavailableError) return new HttpError(503, 'database_unavailable', 'The database is unreachable');
  if (error instanceof TwilioUnreachableError || error instanceof TwilioApiError) {
    return new HttpError(502, 'twilio_unreachable', `Twilio could not be reached: ${error.message}`);
  }
  log(`sms stub: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new HttpError(500, 'internal', 'The server failed');
}

/** The stub as a plain `(req, res)` handler over injected store, Twilio gateway and clock. */
export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string) => console.error(message));
  const baseUrl = typeof options.publicBaseUrl === 'string' ? () => options.publicBaseUrl as string : options.publicBaseUrl;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const events = new EventHub(options.store, clock, { heartbeatMs: options.heartbeatMs ?? 15_000 });
  const mediaStore = sqlMediaStore(options.store);
  const mediaUrls = new MediaUrls(options.signingSecret, () => baseUrl());
  const messaging = new Messaging({
    store: options.store,
    gateway: options.gateway,
    clock,
    events,
    mediaStore,
    mediaUrls,
    baseUrl: () => baseUrl(),
    retry: options.retry ?? { attempts: 3, delayMs: 250 },
  });
  const services: Services = {
    store: options.store,
    gateway: options.gateway,
    clock,
    events,
    messaging,
    mediaStore,
    mediaUrls,
    baseUrl: () => baseUrl(),
    simulator: options.simulator,
  };
  const scheduler = new Scheduler(options.store, messaging, clock, {
    intervalMs: options.schedulerIntervalMs ?? 1000,
    staleAfterMs: options.staleSendMs ?? 60_000,
  });
  const router = new Router<RequestContext>();
  v1Routes(router);
  webhookRoutes(router);
  router.on('GET', '/healthz', async (context) => {
    await context.services.store.ping();
    sendJson(context.res, 200, { status: 'ok', database: 'ok' });
  });

  await events.start();
  scheduler.start();
  /** Requests being handled: closing waits for them, so nothing writes to the store after. */
  const inFlight = new Set<Promise<void>>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub.invalid');
    const method = req.method ?? 'GET';
    const origin = req.headers.origin;
    if (origin && allowedOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
    }
    res.setHeader('Vary', 'Origin');
    if (method === 'OPTIONS') {
      if (origin && allowedOrigins.has(origin)) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', CORS_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.writeHead(204, { Allow: 'GET, POST, OPTIONS' }).end();
      return;
    }
    const match = router.match(method, url.pathname);
    if (match) return match.handler({ req, res, url, services }, match.params);
    const api = /^\/(v1|twilio)(\/|$)/.test(url.pathname);
    if (options.staticDir && !api) return serveStatic(options.staticDir, url.pathname, method, res);
    throw notFound(`No route ${method} ${url.pathname}`);
  }

  return {
    services,
    scheduler,
    handle(req, res) {
      // A client that hangs up mid-upload is not the server's fault; the read in progress fails on its own.
      req.on('error', () => undefined);
      const handled = route(req, res).catch((error: unknown) => sendError(res, toHttpError(error, log)));
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    },
    async close() {
      await scheduler.stop();
      await events.close();
      await Promise.all(inFlight);
    },
  };
}
