import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as z from 'zod/mini';
import type { Violation } from '../../src/rules/types.js';

/** An answer other than success; every one reaches the client as `{ error: { code, message, ... } }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { violations?: Violation[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Nothing here'): HttpError => new HttpError(404, 'not_found', what);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) res.setHeader(name, value);
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.extra.violations) body.violations = error.extra.violations;
  // A body left unread would otherwise keep the socket busy with bytes nobody wants.
  if (!res.req.complete) res.setHeader('Connection', 'close');
  sendJson(res, error.status, { error: body });
}

/** Reads the whole body, refusing with 413 as soon as it passes `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: number): HttpError => new HttpError(413, 'payload_too_large', `The body is over its limit of ${limit} bytes`);

/** The media type without parameters, lower case: `application/json`. */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

export const JSON_LIMIT = 64 * 1024;

/** A JSON body checked against a protocol schema: 415 when not JSON, 400 when malformed or of the wrong shape. */
export async function readJson<S extends z.ZodMiniType>(request: IncomingMessage, schema: S): Promise<z.infer<S>> {
  if (mediaType(request.headers['content-type']) !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const text = (await readBody(request, JSON_LIMIT)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  return parse(schema, value);
}

export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new HttpError(400, 'invalid_request', `${issue?.message ?? 'Invalid request'}${where}`);
  }
  return result.data as z.infer<S>;
}

/** A form-encoded body (Twilio's webhooks) as a plain object; repeated keys keep the last value. */
export async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  if (mediaType(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'unsupported_media_type', 'Twilio webhooks are form-encoded');
  }
  return Object.fromEntries(new URLSearchParams((await readBody(request, JSON_LIMIT)).toString('utf8')));
}

export type Params = Record<string, string>;
export type Handler<C> = (context: C, params: Params) => Promise<void>;

interface Route<C> {
  method: string;
  pattern: RegExp;
  handler: Handler<C>;
}

/** Routing by method and path: a known path with another method is 405 with `Allow`, an unknown path undefined. */
export class Router<C> {
  private readonly routes: Route<C>[] = [];

  /** `path` segments like `:id` capture one percent-decoded segment. */
  on(method: string, path: string, handler: Handler<C>): this {
    const source = path.replace(/:(\w+)/g, '(?<$1>[^/]+)');
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), handler });
    return this;
  }

  match(method: string, pathname: string): { handler: Handler<C>; params: Params } | undefined {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
        allowed.push(route.method);
        continue;
      }
      const params: Params = {};
      for (const [name, value] of Object.entries(found.groups ?? {})) {
        try {
          params[name] = decodeURIComponent(value);
        } catch {
          throw new HttpError(400, 'invalid_request', 'The path is not valid percent-encoding');
        }
      }
      return { handler: route.handler, params };
    }
    if (allowed.length) {
      throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here`, { headers: { Allow: allowed.join(', ') } });
    }
    return undefined;
  }
}
