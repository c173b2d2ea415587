import type { PhoneNumber, Violation } from '../rules/types.js';
import type {
  AvailableNumbers,
  AvailableQuery,
  Conversation,
  InboxFilter,
  Me,
  Media,
  Message,
  Page,
  Recipient,
  RentRequest,
  SendRequest,
  SmsEvent,
} from '../protocol/index.js';

export interface ConversationQuery {
  filter?: InboxFilter;
  q?: string;
  cursor?: string | null;
}

export interface MessageQuery {
  contact: string;
  cursor?: string | null;
  limit?: number;
}

export interface SendOptions {
  /** Sent as `Idempotency-Key`; a retry with the same key never sends twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export type EventListener = (event: SmsEvent) => void;

/**
 * What the elements need from a backend. `HttpBackend` speaks to the server stub; `MemoryBackend` keeps
 * everything in the page. A custom backend implements this and is handed to `<sms-provider>.backend`.
 * Failures reject with `BackendError`.
 */
export interface SmsBackend {
  me(): Promise<Me>;
  availableNumbers(query: AvailableQuery): Promise<AvailableNumbers>;
  rentNumber(request: RentRequest): Promise<PhoneNumber>;
  conversations(query?: ConversationQuery): Promise<Page<Conversation>>;
  markRead(contact: string): Promise<void>;
  /** The newest page first; each page oldest to newest; `nextCursor` leads to older messages. */
  messages(query: MessageQuery): Promise<Page<Message>>;
  send(request: SendRequest, options?: SendOptions): Promise<Message>;
  cancel(id: string): Promise<Message>;
  upload(file: File, options?: UploadOptions): Promise<Media>;
  recipient(e164: string): Promise<Recipient>;
  /** Live events; returns the unsubscribe function. One underlying stream however many listeners. */
  subscribe(listener: EventListener): () => void;
}

/** A failed backend call: the HTTP status (0 for a network failure), the error code and, for 422, the violations. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly violations: Violation[] = [],
  ) {
    super(message);
  }
}

/** What went wrong, in words a label can show, whatever was thrown. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
