/**
 * The stub's HTTP API as msw handlers over a MemoryBackend: the same paths, status codes and error shapes,
 * the event stream as a streamed `text/event-stream` response. Tests and the static demo share it.
 */
import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import * as z from 'zod/mini';
import type { SmsEvent } from '../protocol/index.js';
import { availableQuerySchema, rentRequestSchema, sendRequestSchema, simulatorInboundSchema } from '../protocol/requests.js';
import type { MemoryBackend } from './memory-backend.js';
import { BackendError } from './types.js';

export interface SmsApiOptions {
  /** Where the API is mounted, as `<sms-provider api-base>` names it. */
  apiBase?: string;
}

type Route = (context: { request: Request; backend: MemoryBackend; params: Record<string, string> }) => Promise<Response>;

const failure = (status: number, code: string, message: string, extra: object = {}) =>
  HttpResponse.json({ error: { code, message, ...extra } }, { status });

async function body<T extends z.ZodMiniType>(request: Request, schema: T): Promise<z.infer<T>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new BackendError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new BackendError(400, 'invalid_request', 'The request has missing or wrong fields.');
  return parsed.data;
}

function tokenOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return new URL(request.url).searchParams.get('access_token');
}

/** The handlers, and `closeStreams()` to end every open event stream (clients then reconnect). */
export function createSmsApi(memory: MemoryBackend, options: SmsApiOptions = {}) {
  const base = `${(options.apiBase ?? '').replace(/\/+$/, '')}/v1`;
  const streams = new Set<() => void>();

  const route =
    (handler: Route): HttpResponseResolver =>
    async ({ request, params }) => {
      const token = tokenOf(request);
      const backend = token ? memory.forToken(token) : undefined;
      if (!backend) return failure(401, 'unauthorized', 'A valid token is required.');
      try {
        return await handler({ request, backend, params: params as Record<string, string> });
      } catch (error) {
        if (!(error instanceof BackendError)) throw error;
        return failure(error.status || 500, error.code, error.message, error.violations.length ? { violations: error.violations } : {});
      }
    };

  const events: Route = async ({ request, backend }) => {
    const lastEventId = request.headers.get('Last-Event-ID') ?? undefined;
    const encoder = new TextEncoder();
    let close = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const write = (event: SmsEvent) =>
          controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`));
        controller.enqueue(encoder.encode(': connected\n\n'));
        const unsubscribe = backend.subscribe(write, lastEventId === undefined ? {} : { lastEventId });
        close = () => {
          unsubscribe();
          streams.delete(close);
          try {
            controller.close();
          } catch {
            // Already closed by the reader going away.
          }
        };
        streams.add(close);
        request.signal.addEventListener('abort', () => close(), { once: true });
      },
      cancel: () => close(),
    });
    return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
  };

  const media: HttpResponseResolver = async ({ request, params }) => {
    const id = String(params.id);
    const signature = new URL(request.url).searchParams.get('sig');
    const token = tokenOf(request);
    const found = signature ? memory.signedMedia(id, signature) : token ? memory.forToken(token)?.media(id) : undefined;
    if (!found) return failure(signature || token ? 404 : 401, signature || token ? 'not_found' : 'unauthorized', 'No such media.');
    const inline = found.media.type.startsWith('image/');
    return new HttpResponse(found.file, {
      headers: {
        'Content-Type': found.media.type,
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(found.media.name)}`,
      },
    });
  };

  const json = (data: unknown, status = 200) => HttpResponse.json(data as Record<string, unknown>, { status });

  const handlers = [
    http.get(`${base}/me`, route(async ({ backend }) => json(await backend.me()))),
    http.get(
      `${base}/numbers/available`,
      route(async ({ request, backend }) => {
        const query = z.safeParse(availableQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
        if (!query.success) throw new BackendError(400, 'invalid_request', 'A two-letter country is required.');
        return json(await backend.availableNumbers(query.data));
      }),
    ),
    http.post(`${base}/numbers`, route(async ({ request, backend }) => json(await backend.rentNumber(await body(request, rentRequestSchema)), 201))),
    http.get(
      `${base}/conversations`,
      route(async ({ request, backend }) => {
        const params = new URL(request.url).searchParams;
        const filter = params.get('filter') ?? 'all';
        if (filter !== 'all' && filter !== 'unread' && filter !== 'errored') throw new BackendError(400, 'invalid_request', 'Unknown filter.');
        return json(await backend.conversations({ filter, q: params.get('q') ?? '', cursor: params.get('cursor') }));
      }),
    ),
    http.post(
      `${base}/conversations/:contact/read`,
      route(async ({ backend, params }) => {
        await backend.markRead(decodeURIComponent(params.contact!));
        return json({});
      }),
    ),
    http.get(
      `${base}/messages`,
      route(async ({ request, backend }) => {
        const params = new URL(request.url).searchParams;
        const contact = params.get('contact');
        if (!contact) throw new BackendError(400, 'invalid_request', 'A contact is required.');
        const limit = params.get('limit');
        return json(await backend.messages({ contact, cursor: params.get('cursor'), ...(limit ? { limit: Number(limit) } : {}) }));
      }),
    ),
    http.post(
      `${base}/messages`,
      route(async ({ request, backend }) => {
        const key = request.headers.get('Idempotency-Key');
        return json(await backend.send(await body(request, sendRequestSchema), key ? { idempotencyKey: key } : {}), 201);
      }),
    ),
    http.post(`${base}/messages/:id/cancel`, route(async ({ backend, params }) => json(await backend.cancel(params.id!)))),
    http.post(
      `${base}/media`,
      route(async ({ request, backend }) => {
        const name = decodeURIComponent(request.headers.get('X-Filename') ?? 'attachment');
        const type = request.headers.get('Content-Type') ?? 'application/octet-stream';
        const file = new File([await request.arrayBuffer()], name, { type });
        return json(await backend.upload(file), 201);
      }),
    ),
    http.get(`${base}/media/:id`, media),
    http.get(`${base}/recipients/:e164`, route(async ({ backend, params }) => json(await backend.recipient(decodeURIComponent(params.e164!))))),
    http.get(`${base}/events`, route(events)),
    http.post(
      `${base}/simulator/inbound`,
      route(async ({ request, backend }) => json(await backend.inbound(await body(request, simulatorInboundSchema)), 201)),
    ),
    http.all(`${base}/*`, () => failure(404, 'not_found', 'No such route.')),
  ];

  return {
    handlers,
    /** Ends every open event stream, as a dropped connection would. */
    closeStreams: () => [...streams].forEach((close) => close()),
  };
}
