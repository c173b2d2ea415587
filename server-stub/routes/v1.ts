import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { INBOX_FILTERS, type Conversation, type Page } from '../../src/protocol/index.js';
import {
  availableQuerySchema,
  rentRequestSchema,
  sendRequestSchema,
  simulatorInboundSchema,
} from '../../src/protocol/requests.js';
import { attachmentTypeAllowed, attachmentsByteLimit, parsePhone } from '../../src/rules/index.js';
import { SUPPORTED_COUNTRIES } from '../../src/rules/types.js';
import { numbersForUser, type NumberRecord } from '../store/index.js';
import { TwilioApiError } from '../twilio/gateway.js';
import { SimulatorInputError } from '../twilio/simulator.js';
import { authenticate, type RequestContext } from './context.js';
import { HttpError, mediaType, notFound, parse, readBody, readJson, sendJson, type Router } from './http.js';

const query = (context: RequestContext): Record<string, string> => Object.fromEntries(context.url.searchParams);

/** An E.164 number from the path or query; anything else is the client's mistake. */
function e164(input: string | undefined, what: string): string {
  const parsed = input ? parsePhone(input) : undefined;
  if (!parsed?.ok || parsed.shortCode) throw new HttpError(400, 'invalid_request', `${what} must be a phone number in E.164 form`);
  return parsed.e164;
}

const conversationsQuery = z.object({
  filter: z.optional(z.enum(INBOX_FILTERS)),
  q: z.optional(z.string().check(z.maxLength(200))),
  cursor: z.optional(z.string().check(z.maxLength(500))),
});

const messagesQuery = z.object({
  contact: z.string(),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
});

const idempotencyKey = z.optional(z.string().check(z.minLength(1), z.maxLength(255)));

/** The readable name of an upload: percent-decoded, without paths or control characters. */
function fileName(header: string | string[] | undefined): string {
  if (header === undefined) return 'attachment';
  let name: string;
  try {
    name = decodeURIComponent(String(header));
  } catch {
    throw new HttpError(400, 'invalid_request', 'X-Filename must be percent-encoded UTF-8');
  }
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.trim().slice(0, 200);
  return clean || 'attachment';
}

export function v1Routes(router: Router<RequestContext>): void {
  router
    .on('GET', '/v1/me', async (context) => {
      const user = await authenticate(context);
      const numbers = numbersForUser(await context.services.store.workspaceNumbers(user.workspaceId), user.id);
      sendJson(context.res, 200, { user: { id: user.id, name: user.name }, workspace: { id: user.workspaceId, name: user.workspaceName }, numbers });
    })

    .on('GET', '/v1/numbers/available', async (context) => {
      await authenticate(context);
      const search = parse(availableQuerySchema, query(context));
      if (!(SUPPORTED_COUNTRIES as readonly string[]).includes(search.country)) {
        throw new HttpError(400, 'invalid_request', `Numbers are offered in ${SUPPORTED_COUNTRIES.join(', ')}`);
      }
      const items = await context.services.gateway.availableNumbers(search).catch((error: unknown) => {
        if (error instanceof TwilioApiError && error.status < 500) throw new HttpError(400, 'invalid_request', error.message);
        throw error;
      });
      sendJson(context.res, 200, { items, onlyVoice: items.length > 0 && items.every((item) => !item.capabilities.sms) });
    })

    .on('POST', '/v1/numbers', async (context) => {
      const user = await authenticate(context);
      const request = await readJson(context.req, rentRequestSchema);
      const phone = e164(request.phoneNumber, 'phoneNumber');
      const { store, gateway, baseUrl } = context.services;
      if (await store.numberByE164(phone)) throw new HttpError(409, 'number_taken', 'This number is already rented');
      const rented = await gateway
        .rentNumber({ phoneNumber: phone, smsUrl: `${baseUrl()}/twilio/inbound`, statusCallback: `${baseUrl()}/twilio/status` })
        .catch((error: unknown) => {
          if (error instanceof TwilioApiError && error.status < 500) throw new HttpError(409, 'number_unavailable', error.message);
          throw error;
        });
      const parsed = parsePhone(rented.e164);
      const number: NumberRecord = {
        id: `num_${randomUUID()}`,
        workspaceId: user.workspaceId,
        e164: rented.e164,
        country: parsed.ok ? parsed.country : '',
        label: request.label ?? (request.kind === 'group' ? 'Group line' : `${user.name} (${parsed.ok ? parsed.country : rented.e164})`),
        kind: request.kind,
        ownerId: request.kind === 'personal' ? user.id : null,
        capabilities: rented.capabilities,
        members: request.kind === 'group' ? [user.id] : [],
      };
      if (!(await store.addNumber(number))) throw new HttpError(409, 'number_taken', 'This number is already rented');
      sendJson(context.res, 201, numbersForUser([number], user.id)[0]);
    })

    .on('GET', '/v1/conversations', async (context) => {
      const user = await authenticate(context);
      const { filter, q, cursor } = parse(conversationsQuery, query(context));
      const { messaging, store } = context.services;
      const page = await store.conversations(user.workspaceId, { userId: user.id, filter: filter ?? 'all', q: q ?? '', cursor: cursor ?? null });
      const body: Page<Conversation> = { items: page.items.map((item) => messaging.conversationWire(item)), nextCursor: page.nextCursor };
      sendJson(context.res, 200, body);
    })

    .on('POST', '/v1/conversations/:contact/read', async (context, params) => {
      const user = await authenticate(context);
      const contact = e164(params.contact, 'The contact');
      sendJson(context.res, 200, await context.services.messaging.markRead(user, contact));
    })

    .on('GET', '/v1/messages', async (context) => {
      const user = await authenticate(context);
      const request = parse(messagesQuery, query(context));
      const limit = request.limit === undefined ? 50 : Number(request.limit);
      if (limit < 1 || limit > 200) throw new HttpError(400, 'invalid_request', 'limit must be between 1 and 200');
      const { messaging, store } = context.services;
      const page = await store.thread(user.workspaceId, e164(request.contact, 'contact'), request.cursor ?? null, limit);
      sendJson(context.res, 200, { items: page.items.map((item) => messaging.toWire(item)), nextCursor: page.nextCursor });
    })

    .on('POST', '/v1/messages', async (context) => {
      const user = await authenticate(context);
      const key = parse(idempotencyKey, context.req.headers['idempotency-key']);
      const request = await readJson(context.req, sendRequestSchema);
      sendJson(context.res, 201, await context.services.messaging.send(user, request, key));
    })

    .on('POST', '/v1/messages/:id/cancel', async (context, params) => {
      const user = await authenticate(context);
      sendJson(context.res, 200, await context.services.messaging.cancel(user, params.id!));
    })

    .on('POST', '/v1/media', async (context) => {
      const user = await authenticate(context);
      const type = mediaType(context.req.headers['content-type']);
      if (!attachmentTypeAllowed(type)) throw new HttpError(415, 'unsupported_media_type', `Files of type ${type || 'unknown'} cannot be attached`);
      const name = fileName(context.req.headers['x-filename']);
      const bytes = await readBody(context.req, attachmentsByteLimit([type]));
      if (bytes.length === 0) throw new HttpError(400, 'invalid_request', 'The file is empty');
      const { mediaStore, mediaUrls, clock } = context.services;
      const id = `med_${randomUUID()}`;
      await mediaStore.put({ id, workspaceId: user.workspaceId, type, size: bytes.length, name, bytes, createdAt: clock.now() });
      sendJson(context.res, 201, { id, url: mediaUrls.url(id, clock.now()), type, size: bytes.length, name });
    })

    .on('GET', '/v1/media/:id', async (context, params) => {
      const { mediaStore, mediaUrls, clock } = context.services;
      const id = params.id!;
      const signed = mediaUrls.verify(id, context.url.searchParams.get('expires'), context.url.searchParams.get('signature'), clock.now());
      const workspaceId = signed ? undefined : (await authenticate(context)).workspaceId;
      const media = await mediaStore.get(id);
      if (!media || (workspaceId !== undefined && media.workspaceId !== workspaceId)) throw notFound('No such file');
      const disposition = media.type.startsWith('image/') ? 'inline' : 'attachment';
      context.res.writeHead(200, {
        'Content-Type': media.type,
        'Content-Length': media.bytes.length,
        'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(media.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Cache-Control': 'private, max-age=3600',
      });
      context.res.end(context.req.method === 'HEAD' ? undefined : media.bytes);
    })

    .on('GET', '/v1/recipients/:e164', async (context, params) => {
      const user = await authenticate(context);
      sendJson(context.res, 200, await context.services.messaging.recipient(user, e164(params.e164, 'The recipient')));
    })

    .on('GET', '/v1/events', async (context) => {
      const user = await authenticate(context, { queryToken: true });
      const header = context.req.headers['last-event-id'] ?? context.url.searchParams.get('lastEventId') ?? undefined;
      if (header !== undefined && !/^\d{1,15}$/.test(String(header))) throw new HttpError(400, 'invalid_request', 'Last-Event-ID must be an event id');
      await context.services.events.connect(user, context.res, header === undefined ? undefined : Number(header));
    })

    .on('POST', '/v1/simulator/inbound', async (context) => {
      const user = await authenticate(context);
      const { simulator, store, messaging } = context.services;
      if (!simulator) throw notFound('The simulator runs only when no Twilio account is configured');
      const request = await readJson(context.req, simulatorInboundSchema);
      const to = await store.numberByE164(e164(request.to, 'to'));
      if (!to || to.workspaceId !== user.workspaceId) throw notFound('No such number in this workspace');
      const { messageSid } = await simulator.inbound({ ...request, to: to.e164 }).catch((error: unknown) => {
        if (error instanceof SimulatorInputError) throw new HttpError(400, 'invalid_request', error.message);
        throw error;
      });
      const message = await store.messageBySid(messageSid);
      if (!message) throw new HttpError(502, 'twilio_unreachable', 'The simulated webhook did not arrive');
      sendJson(context.res, 201, messaging.toWire(message));
    });
}
