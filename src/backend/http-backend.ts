import * as z from 'zod/mini';
import type { PhoneNumber } from '../rules/types.js';
import {
  apiErrorSchema,
  availableNumbersSchema,
  conversationSchema,
  eventDataSchemas,
  mediaSchema,
  meSchema,
  messageSchema,
  pageSchema,
  phoneNumberSchema,
  recipientSchema,
  type AvailableNumbers,
  type AvailableQuery,
  type Conversation,
  type Me,
  type Media,
  type Message,
  type Page,
  type Recipient,
  type RentRequest,
  type SendRequest,
  type SmsEvent,
} from '../protocol/index.js';
import { SseParser, type SseMessage } from './sse.js';
import {
  BackendError,
  type ConversationQuery,
  type EventListener,
  type MessageQuery,
  type SendOptions,
  type SmsBackend,
  type UploadOptions,
} from './types.js';

export type TokenSource = string | (() => string | Promise<string>);

export interface HttpBackendOptions {
  /** Where the stub is mounted (`/sms-api`, `https://crm.example/sms`); `/v1/...` is appended. */
  apiBase: string;
  token?: string;
  /** Called before every request, for tokens that expire. */
  getToken?: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Waits between attempts (ms) of a send after a network failure, and of the event stream's reconnects. */
  retryDelays?: { send?: number[]; streamMin?: number; streamMax?: number };
}

const empty = z.object({});

/** A POST with a JSON body. */
const post = (body: unknown, headers?: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * The adapter for the server stub's HTTP API. Responses are checked against the wire schemas; failures
 * reject with `BackendError`. Events come over one `fetch`-read stream (so the token travels in a header),
 * opened on the first subscriber, closed after the last, resumed with `Last-Event-ID` after a drop.
 */
export class HttpBackend implements SmsBackend {
  readonly #base: string;
  readonly #listeners = new Set<EventListener>();
  #stream?: AbortController;
  #lastEventId?: string;

  constructor(private readonly options: HttpBackendOptions) {
    this.#base = `${options.apiBase.replace(/\/+$/, '')}/v1`;
  }

  me(): Promise<Me> {
    return this.#request('/me', meSchema);
  }

  availableNumbers(query: AvailableQuery): Promise<AvailableNumbers> {
    return this.#request(`/numbers/available${search(query)}`, availableNumbersSchema);
  }

  rentNumber(request: RentRequest): Promise<PhoneNumber> {
    return this.#request('/numbers', phoneNumberSchema, post(request));
  }

  conversations(query: ConversationQuery = {}): Promise<Page<Conversation>> {
    return this.#request(`/conversations${search(query)}`, pageSchema(conversationSchema));
  }

  async markRead(contact: string): Promise<void> {
    await this.#request(`/conversations/${encodeURIComponent(contact)}/read`, empty, { method: 'POST' });
  }

  messages(query: MessageQuery): Promise<Page<Message>> {
    return this.#request(`/messages${search(query)}`, pageSchema(messageSchema));
  }

  /** Retried after a network failure with the same `Idempotency-Key`, so the message is sent once. */
  async send(request: SendRequest, options: SendOptions = {}): Promise<Message> {
    const init = { ...post(request, { 'Idempotency-Key': options.idempotencyKey ?? crypto.randomUUID() }), signal: options.signal };
    for (const delay of this.options.retryDelays?.send ?? [500, 2000, 5000]) {
      try {
        return await this.#request('/messages', messageSchema, init);
      } catch (error) {
        if (!(error instanceof BackendError) || error.code !== 'network') throw error;
      }
      await sleep(delay, options.signal);
    }
    return this.#request('/messages', messageSchema, init);
  }

  cancel(id: string): Promise<Message> {
    return this.#request(`/messages/${encodeURIComponent(id)}/cancel`, messageSchema, { method: 'POST' });
  }

  recipient(e164: string): Promise<Recipient> {
    return this.#request(`/recipients/${encodeURIComponent(e164)}`, recipientSchema);
  }

  /** The raw file as the body; XMLHttpRequest because fetch reports no upload progress. */
  async upload(file: File, options: UploadOptions = {}): Promise<Media> {
    const headers = { 'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name) };
    let media: Media;
    if (typeof XMLHttpRequest === 'undefined' || this.options.fetch) {
      media = await this.#request('/media', mediaSchema, { method: 'POST', headers, body: file, signal: options.signal });
    } else {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.#base}/media`);
      for (const [name, value] of Object.entries({ ...(await this.#authorization()), ...headers })) xhr.setRequestHeader(name, value);
      // `total` is 0 when the length is not computable.
      xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.total || file.size);
      await new Promise((resolve, reject) => {
        xhr.onload = resolve;
        xhr.onerror = () => reject(networkError());
        xhr.onabort = () => reject(abortError());
        options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      });
      media = parse(xhr.status, json(xhr.responseText), mediaSchema);
    }
    // Small bodies (and service workers) may finish without a progress event: completion counts as one.
    options.onProgress?.(file.size, file.size);
    return media;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stream) void this.#readStream((this.#stream = new AbortController()).signal);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stream?.abort();
        this.#stream = undefined;
      }
    };
  }

  async #readStream(signal: AbortSignal): Promise<void> {
    const { streamMin = 1000, streamMax = 30000 } = this.options.retryDelays ?? {};
    let delay = streamMin;
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = this.#lastEventId ? { 'Last-Event-ID': this.#lastEventId } : {};
        const response = await this.#fetch('/events', 'text/event-stream', { headers, signal, cache: 'no-store' });
        if (response.ok) {
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          const parser = new SseParser((ms) => (delay = ms));
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            delay = streamMin;
            for (const message of parser.push(chunk.value)) this.#deliver(message);
          }
        }
      } catch {
        // A refused, dropped or broken stream is retried after the delay; nothing else reads these errors.
      }
      if (signal.aborted) return;
      await sleep(delay, signal);
      delay = Math.min(delay * 2, streamMax);
    }
  }

  #deliver({ event: type, data, id = '' }: SseMessage): void {
    if (id) this.#lastEventId = id;
    const schema = eventDataSchemas.get(type);
    const parsed = type === 'reset' ? { success: true, data: null } : schema && z.safeParse(schema, json(data));
    if (parsed?.success) for (const listener of [...this.#listeners]) listener({ id, type, data: parsed.data } as SmsEvent);
  }

  async #authorization(): Promise<Record<string, string>> {
    const token = this.options.getToken ? await this.options.getToken() : this.options.token;
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** `fetch` with the token and `Accept`; a request that never got an answer rejects with `BackendError`. */
  async #fetch(path: string, accept: string, init: RequestInit): Promise<Response> {
    const headers = { ...(await this.#authorization()), Accept: accept, ...init.headers };
    try {
      return await (this.options.fetch ?? fetch)(this.#base + path, { ...init, headers });
    } catch {
      throw init.signal?.aborted ? abortError() : networkError();
    }
  }

  async #request<T extends z.ZodMiniType>(path: string, schema: T, init: RequestInit = {}): Promise<z.infer<T>> {
    const response = await this.#fetch(path, 'application/json', init);
    return parse(response.status, json(await response.text().catch(() => '')), schema);
  }
}

const cache = new Map<string, Map<TokenSource, HttpBackend>>();

/**
 * The shared adapter for an api-base and token, so a page holds one event stream for each pair however many
 * providers and elements it has.
 */
export function getBackend(apiBase: string, token: TokenSource): HttpBackend {
  const byToken = cache.get(apiBase) ?? new Map<TokenSource, HttpBackend>();
  cache.set(apiBase, byToken);
  if (!byToken.has(token)) byToken.set(token, new HttpBackend(typeof token === 'string' ? { apiBase, token } : { apiBase, getToken: token }));
  return byToken.get(token)!;
}

/** The query string of the fields that have a value. */
function search(query: object): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value != null && value !== '')).toString();
  return params && `?${params}`;
}

const networkError = () =>
  new BackendError(0, 'network', 'The server could not be reached. Check the connection and try again.');

const abortError = () => new BackendError(0, 'aborted', 'The request was canceled.');

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parse<T extends z.ZodMiniType>(status: number, body: unknown, schema: T): z.infer<T> {
  if (status < 200 || status >= 300) {
    const error = z.safeParse(apiErrorSchema, body);
    if (!error.success) throw new BackendError(status, 'http_error', `The server answered ${status}.`);
    const { code, message, violations } = error.data.error;
    throw new BackendError(status, code, message, violations);
  }
  const parsed = z.safeParse(schema, body ?? {});
  if (!parsed.success) throw new BackendError(status, 'bad_response', 'The server sent an answer this page does not understand.');
  return parsed.data;
}

/** Resolves after `ms`, or as soon as `signal` aborts (the caller's next request then rejects as aborted). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
