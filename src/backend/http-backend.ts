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
import { SseParser } from './sse.js';
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

/**
 * The adapter for the server stub's HTTP API. Responses are checked against the wire schemas; failures
 * reject with `BackendError`. Events come over one `fetch`-read stream (so the token travels in a header),
 * opened on the first subscriber, closed after the last, resumed with `Last-Event-ID` after a drop.
 */
export class HttpBackend implements SmsBackend {
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private readonly sendDelays: number[];
  private readonly listeners = new Set<EventListener>();
  private stream?: AbortController;
  private lastEventId?: string;
  private streamDelay: number;
  private readonly streamMin: number;
  private readonly streamMax: number;

  constructor(private readonly options: HttpBackendOptions) {
    this.base = `${options.apiBase.replace(/\/+$/, '')}/v1`;
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.sendDelays = options.retryDelays?.send ?? [500, 2000, 5000];
    this.streamMin = options.retryDelays?.streamMin ?? 1000;
    this.streamMax = options.retryDelays?.streamMax ?? 30000;
    this.streamDelay = this.streamMin;
  }

  me(): Promise<Me> {
    return this.request('GET', '/me', meSchema);
  }

  availableNumbers(query: AvailableQuery): Promise<AvailableNumbers> {
    return this.request('GET', `/numbers/available${search(query)}`, availableNumbersSchema);
  }

  rentNumber(request: RentRequest): Promise<PhoneNumber> {
    return this.request('POST', '/numbers', phoneNumberSchema, { body: request });
  }

  conversations(query: ConversationQuery = {}): Promise<Page<Conversation>> {
    return this.request('GET', `/conversations${search(query)}`, pageSchema(conversationSchema));
  }

  async markRead(contact: string): Promise<void> {
    await this.request('POST', `/conversations/${encodeURIComponent(contact)}/read`, empty);
  }

  messages(query: MessageQuery): Promise<Page<Message>> {
    return this.request('GET', `/messages${search(query)}`, pageSchema(messageSchema));
  }

  /** Retried after a network failure with the same `Idempotency-Key`, so the message is sent once. */
  async send(request: SendRequest, options: SendOptions = {}): Promise<Message> {
    const key = options.idempotencyKey ?? crypto.randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.request('POST', '/messages', messageSchema, {
          body: request,
          headers: { 'Idempotency-Key': key },
          signal: options.signal,
        });
      } catch (error) {
        const delay = this.sendDelays[attempt];
        if (!(error instanceof BackendError) || error.status !== 0 || delay === undefined || options.signal?.aborted) throw error;
        await sleep(delay, options.signal);
      }
    }
  }

  cancel(id: string): Promise<Message> {
    return this.request('POST', `/messages/${encodeURIComponent(id)}/cancel`, messageSchema);
  }

  recipient(e164: string): Promise<Recipient> {
    return this.request('GET', `/recipients/${encodeURIComponent(e164)}`, recipientSchema);
  }

  /** The raw file as the body; XMLHttpRequest because fetch reports no upload progress. */
  async upload(file: File, options: UploadOptions = {}): Promise<Media> {
    const headers = {
      ...(await this.authorization()),
      'Content-Type': file.type || 'application/octet-stream',
      'X-Filename': encodeURIComponent(file.name),
    };
    const url = `${this.base}/media`;
    if (typeof XMLHttpRequest === 'undefined' || this.options.fetch) {
      const response = await this.fetchOrFail(url, { method: 'POST', headers, body: file, signal: options.signal });
      options.onProgress?.(file.size, file.size);
      return parse(response.status, await readJson(response), mediaSchema);
    }
    return new Promise<Media>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () => {
        try {
          const media = parse(xhr.status, json(xhr.responseText), mediaSchema);
          // Small bodies (and service workers) may finish without a progress event: completion counts as one.
          options.onProgress?.(file.size, file.size);
          resolve(media);
        } catch (error) {
          reject(error);
        }
      };
      xhr.onerror = () => reject(networkError());
      xhr.onabort = () => reject(new BackendError(0, 'aborted', 'The upload was canceled.'));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    if (!this.stream) this.openStream();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stream?.abort();
        this.stream = undefined;
      }
    };
  }

  private openStream(): void {
    const controller = new AbortController();
    this.stream = controller;
    void this.readStream(controller.signal);
  }

  private async readStream(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = { ...(await this.authorization()), Accept: 'text/event-stream' };
        if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
        const response = await this.fetcher(`${this.base}/events`, { headers, signal, cache: 'no-store' });
        if (!response.ok || !response.body) throw new BackendError(response.status, 'stream_refused', 'The event stream was refused.');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new SseParser((ms) => (this.streamDelay = ms));
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          this.streamDelay = this.streamMin;
          for (const message of parser.push(value)) this.deliver(message.event, message.data, message.id);
        }
      } catch {
        // A dropped or refused stream is retried below; nothing else reads these errors.
      }
      if (signal.aborted) return;
      await sleep(this.streamDelay, signal).catch(() => undefined);
      this.streamDelay = Math.min(this.streamDelay * 2, this.streamMax);
    }
  }

  private deliver(type: string, data: string, id?: string): void {
    if (id) this.lastEventId = id;
    let event: SmsEvent | undefined;
    if (type === 'reset') event = { id: id ?? '', type, data: null };
    else if (type in eventDataSchemas) {
      const schema = eventDataSchemas[type as keyof typeof eventDataSchemas];
      const parsed = z.safeParse(schema, json(data));
      if (parsed.success) event = { id: id ?? '', type, data: parsed.data } as SmsEvent;
    }
    if (event) for (const listener of [...this.listeners]) listener(event);
  }

  private async authorization(): Promise<Record<string, string>> {
    const token = this.options.getToken ? await this.options.getToken() : this.options.token;
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  private async request<T extends z.ZodMiniType>(
    method: string,
    path: string,
    schema: T,
    init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<z.infer<T>> {
    const headers: Record<string, string> = { ...(await this.authorization()), Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.fetchOrFail(`${this.base}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
    return parse(response.status, await readJson(response), schema);
  }

  private async fetchOrFail(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetcher(url, init);
    } catch {
      if (init.signal?.aborted) throw new BackendError(0, 'aborted', 'The request was canceled.');
      throw networkError();
    }
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
  let backend = byToken.get(token);
  if (!backend) {
    backend = new HttpBackend(typeof token === 'string' ? { apiBase, token } : { apiBase, getToken: token });
    byToken.set(token, backend);
  }
  return backend;
}

function search(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const networkError = () =>
  new BackendError(0, 'network', 'The server could not be reached. Check the connection and try again.');

function json(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  return json(await response.text().catch(() => ''));
}

function parse<T extends z.ZodMiniType>(status: number, body: unknown, schema: T): z.infer<T> {
  if (status < 200 || status >= 300) {
    const error = z.safeParse(apiErrorSchema, body);
    if (!error.success) throw new BackendError(status, 'http_error', `The server answered ${status}.`);
    const { code, message, violations = [] } = error.data.error;
    throw new BackendError(status, code, message, violations);
  }
  const parsed = z.safeParse(schema, body ?? {});
  if (!parsed.success) throw new BackendError(status, 'bad_response', 'The server sent an answer this page does not understand.');
  return parsed.data;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
