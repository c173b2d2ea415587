import type { PhoneNumber, SendContext } from '../rules/types.js';
import { analyzeMessage, carrierError, optOutKeyword, parsePhone, validateSend } from '../rules/index.js';
import {
  compareConversations,
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
  type SimulatorInbound,
  type SmsEvent,
} from '../protocol/index.js';
import {
  FAILING_RECIPIENTS,
  LANDLINE_RECIPIENT,
  REPLYING_RECIPIENT,
  SEED_CONTACTS,
  SEED_NUMBERS,
  SEED_USERS,
  SEED_WORKSPACES,
  type SeedNumber,
  type SeedUser,
} from '../protocol/seed.js';
import { SEED_MESSAGES } from './seed.js';
import {
  BackendError,
  type ConversationQuery,
  type EventListener,
  type MessageQuery,
  type SendOptions,
  type SmsBackend,
  type UploadOptions,
} from './types.js';

export interface MemoryDelays {
  /** From `queued` to `sent`. */
  sent: number;
  /** From `sent` to `delivered` (or the carrier's failure). */
  delivered: number;
  /** Before the replying number answers, after delivery. */
  reply: number;
  /** How long a simulated upload takes. */
  upload: number;
}

export interface MemoryBackendOptions {
  /** Whose view this is: a seed token (`demo-alice`, `demo-bob`, `demo-carol`). */
  token?: string;
  /** Start with the demo conversations and contacts (default), or with the users and numbers alone. */
  seed?: boolean;
  now?: () => Date;
  delays?: Partial<MemoryDelays>;
  /** Media URLs become `${mediaBase}/${id}`; without it, object URLs of the files. */
  mediaBase?: string;
  /** How many events each workspace keeps for `Last-Event-ID` resumption. */
  eventRetention?: number;
}

export const MESSAGE_PAGE_LIMIT = 50;
export const CONVERSATION_PAGE_LIMIT = 30;
const MAX_PAGE_LIMIT = 200;
/** setTimeout's longest delay; scheduled messages further out re-arm. */
const MAX_TIMER = 2 ** 31 - 1;

const REPLY_BODY = 'Thanks, got it! I will get back to you shortly.';

interface StoredMessage {
  seq: number;
  workspaceId: string;
  contact: string;
  message: Message;
}

interface ConversationRecord {
  workspaceId: string;
  contact: string;
  updatedAt: string;
  lastSeq: number;
  readBy: Set<string>;
}

interface RecipientState {
  optedOut: boolean;
  blockedSenders: Set<string>;
  lastKeyword?: 'STOP' | 'START';
}

interface LoggedEvent {
  id: number;
  view: (userId: string) => SmsEvent;
}

interface Subscriber {
  userId: string;
  listener: EventListener;
}

interface EventLog {
  entries: LoggedEvent[];
  nextId: number;
  subscribers: Set<Subscriber>;
}

/** Everything every user's MemoryBackend sees: the in-page counterpart of the stub's database. */
class MemoryWorld {
  readonly users: SeedUser[] = SEED_USERS.map((user) => ({ ...user }));
  readonly numbers: SeedNumber[];
  readonly contacts = new Map<string, string>();
  readonly messages = new Map<string, StoredMessage>();
  readonly conversations = new Map<string, ConversationRecord>();
  readonly recipients = new Map<string, RecipientState>();
  readonly uploads = new Map<string, { workspaceId: string; media: Media; file: Blob; signature: string }>();
  readonly idempotency = new Map<string, { body: string; messageId: string }>();
  readonly logs = new Map<string, EventLog>();
  readonly timers = new Set<ReturnType<typeof setTimeout>>();
  readonly delays: MemoryDelays;
  readonly now: () => Date;
  private seq = 0;
  private order = 0;

  constructor(readonly options: MemoryBackendOptions) {
    this.now = options.now ?? (() => new Date());
    this.delays = { sent: 400, delivered: 1600, reply: 2500, upload: 300, ...options.delays };
    this.numbers = SEED_NUMBERS.map((n) => ({ ...n, capabilities: { ...n.capabilities }, users: [...n.users] }));
    for (const workspace of SEED_WORKSPACES) this.logs.set(workspace.id, { entries: [], nextId: 1, subscribers: new Set() });
    if (options.seed !== false) this.seed();
  }

  private seed(): void {
    for (const contact of SEED_CONTACTS) this.contacts.set(key(contact.workspaceId, contact.e164), contact.name);
    const now = this.now().getTime();
    for (const seed of SEED_MESSAGES) {
      const createdAt = new Date(now - seed.minutesAgo * 60_000).toISOString();
      const outbound = seed.direction === 'outbound';
      const error = seed.errorCode === undefined ? undefined : carrierError(seed.errorCode);
      const message = this.createMessage({
        direction: seed.direction,
        from: outbound ? seed.ours : seed.contact,
        to: outbound ? seed.contact : seed.ours,
        body: seed.body,
        media: [],
        status: error ? 'undelivered' : outbound ? 'delivered' : 'received',
        ...(error ? { error } : {}),
        createdAt,
      });
      this.store(seed.workspaceId, seed.contact, message, outbound ? [] : undefined);
    }
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(6, '0')}`;
  }

  createMessage(fields: Omit<Message, 'id' | 'segments' | 'encoding'>): Message {
    const { segments, encoding } = analyzeMessage(fields.body);
    return { id: this.nextId('msg_'), ...fields, segments, encoding };
  }

  /** Stores a new message and moves its conversation; `readBy` replaces who has read it (inbound: nobody). */
  store(workspaceId: string, contact: string, message: Message, readBy?: string[]): StoredMessage {
    this.order += 1;
    const stored = { seq: this.order, workspaceId, contact, message };
    this.messages.set(message.id, stored);
    const conversation = this.conversations.get(key(workspaceId, contact)) ?? {
      workspaceId,
      contact,
      updatedAt: message.createdAt,
      lastSeq: stored.seq,
      readBy: new Set(this.users.filter((u) => u.workspaceId === workspaceId).map((u) => u.id)),
    };
    conversation.updatedAt = message.createdAt;
    conversation.lastSeq = stored.seq;
    if (readBy) conversation.readBy = new Set(readBy);
    this.conversations.set(key(workspaceId, contact), conversation);
    return stored;
  }

  conversationView(record: ConversationRecord, userId: string): Conversation {
    const thread = [...this.messages.values()].filter((m) => m.workspaceId === record.workspaceId && m.contact === record.contact);
    const last = thread.reduce((a, b) => (b.seq > a.seq ? b : a));
    const name = this.contacts.get(key(record.workspaceId, record.contact));
    return {
      contact: record.contact,
      ...(name ? { contactName: name } : {}),
      lastMessage: { ...last.message },
      unread: !record.readBy.has(userId),
      hasError: thread.some((m) => m.message.status === 'failed' || m.message.status === 'undelivered'),
      updatedAt: record.updatedAt,
    };
  }

  recipientState(workspaceId: string, e164: string): RecipientState {
    const id = key(workspaceId, e164);
    let state = this.recipients.get(id);
    if (!state) {
      state = { optedOut: false, blockedSenders: new Set() };
      this.recipients.set(id, state);
    }
    return state;
  }

  recipientView(workspaceId: string, e164: string): Recipient {
    const state = this.recipientState(workspaceId, e164);
    const parsed = parsePhone(e164);
    const lineType = e164 === LANDLINE_RECIPIENT ? 'landline' : parsed.ok ? parsed.type : undefined;
    return {
      e164,
      optedOut: state.optedOut,
      blockedSenders: [...state.blockedSenders],
      ...(lineType ? { lineType } : {}),
    };
  }

  emit(workspaceId: string, view: (userId: string) => Omit<SmsEvent, 'id'>): void {
    const log = this.logs.get(workspaceId);
    if (!log) return;
    const id = log.nextId++;
    const entry: LoggedEvent = { id, view: (userId) => ({ id: String(id), ...view(userId) }) as SmsEvent };
    log.entries.push(entry);
    const retention = this.options.eventRetention ?? 1000;
    if (log.entries.length > retention) log.entries.splice(0, log.entries.length - retention);
    for (const subscriber of [...log.subscribers]) subscriber.listener(entry.view(subscriber.userId));
  }

  emitMessage(stored: StoredMessage, type: 'message.created' | 'message.updated'): void {
    const message = { ...stored.message };
    this.emit(stored.workspaceId, () => ({ type, data: message }));
    this.emitConversation(stored.workspaceId, stored.contact);
  }

  emitConversation(workspaceId: string, contact: string): void {
    const record = this.conversations.get(key(workspaceId, contact));
    if (!record) return;
    const snapshot = { ...record, readBy: new Set(record.readBy) };
    this.emit(workspaceId, (userId) => ({ type: 'conversation.updated', data: this.conversationView(snapshot, userId) }));
  }

  emitRecipient(workspaceId: string, e164: string): void {
    const data = this.recipientView(workspaceId, e164);
    this.emit(workspaceId, () => ({ type: 'recipient.updated', data }));
  }

  later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, Math.min(Math.max(ms, 0), MAX_TIMER));
    this.timers.add(timer);
  }

  update(stored: StoredMessage, changes: Partial<Message>): void {
    stored.message = { ...stored.message, ...changes };
    this.conversations.get(key(stored.workspaceId, stored.contact))!.updatedAt = this.now().toISOString();
    this.emitMessage(stored, 'message.updated');
  }

  /** Hands a message to the simulated carrier: an immediate refusal, or sent, then delivered or failed. */
  dispatch(stored: StoredMessage): void {
    const { message } = stored;
    const recipient = this.recipientState(stored.workspaceId, message.to);
    if (recipient.optedOut || recipient.blockedSenders.has(message.from) || FAILING_RECIPIENTS[message.to] === 21610) {
      this.carrierOptOut(stored.workspaceId, message.to, message.from);
      this.update(stored, { status: 'failed', error: carrierError(21610) });
      return;
    }
    this.update(stored, { status: 'queued' });
    this.later(this.delays.sent, () => {
      if (stored.message.status !== 'queued') return;
      this.update(stored, { status: 'sent' });
      this.later(this.delays.delivered, () => {
        const code = FAILING_RECIPIENTS[message.to];
        this.update(stored, code === undefined ? { status: 'delivered' } : { status: 'undelivered', error: carrierError(code) });
        if (message.to === REPLYING_RECIPIENT) {
          this.later(this.delays.reply, () => this.receive({ from: message.to, to: message.from, body: REPLY_BODY }));
        }
      });
    });
  }

  /** A 21610: workspace-wide unless the recipient's latest keyword was START, then only for that sender. */
  private carrierOptOut(workspaceId: string, e164: string, from: string): void {
    const state = this.recipientState(workspaceId, e164);
    if (state.lastKeyword === 'START') state.blockedSenders.add(from);
    else state.optedOut = true;
    this.emitRecipient(workspaceId, e164);
  }

  schedule(stored: StoredMessage): void {
    const due = Date.parse(stored.message.sendAt!);
    const wait = due - this.now().getTime();
    this.later(wait, () => {
      if (stored.message.status !== 'scheduled') return;
      if (due > this.now().getTime()) this.schedule(stored);
      else this.dispatch(stored);
    });
  }

  receive(inbound: SimulatorInbound): Message {
    const number = this.numbers.find((n) => n.e164 === inbound.to);
    if (!number) throw new BackendError(404, 'not_found', 'No workspace number answers to that recipient.');
    const from = parsePhone(inbound.from);
    if (!from.ok) throw new BackendError(400, 'invalid_request', 'The sender is not a valid phone number.');
    const workspaceId = number.workspaceId;
    const media = (inbound.mediaTypes ?? []).map((type, index) => this.storeUpload(workspaceId, generatedMedia(type, index)));
    const message = this.createMessage({
      direction: 'inbound',
      from: from.e164,
      to: number.e164,
      body: inbound.body,
      media,
      status: 'received',
      createdAt: this.now().toISOString(),
    });
    const stored = this.store(workspaceId, from.e164, message, []);
    this.emitMessage(stored, 'message.created');
    const keyword = optOutKeyword(inbound.body);
    if (keyword === 'STOP' || keyword === 'START') {
      const state = this.recipientState(workspaceId, from.e164);
      state.lastKeyword = keyword;
      state.optedOut = keyword === 'STOP';
      if (keyword === 'START') state.blockedSenders.clear();
      this.emitRecipient(workspaceId, from.e164);
    }
    return { ...message };
  }

  storeUpload(workspaceId: string, file: File): Media {
    const id = this.nextId('me_');
    const signature = crypto.randomUUID();
    const url = this.options.mediaBase ? `${this.options.mediaBase}/${id}?sig=${signature}` : URL.createObjectURL(file);
    const media: Media = { id, url, type: file.type || 'application/octet-stream', size: file.size, name: file.name };
    this.uploads.set(id, { workspaceId, media, file, signature });
    return media;
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const log of this.logs.values()) log.subscribers.clear();
  }
}

/**
 * A complete backend inside the page: the demo data, the same send rules as the server (a draft that breaks
 * one rejects with status 422), simulated delivery, failures, replies, opt-outs and scheduled sends, and live
 * events. `forToken` gives another user's view of the same data.
 */
export class MemoryBackend implements SmsBackend {
  private readonly world: MemoryWorld;
  private readonly user: SeedUser;

  constructor(options: MemoryBackendOptions = {}, world?: MemoryWorld) {
    this.world = world ?? new MemoryWorld(options);
    const user = this.world.users.find((u) => u.token === (options.token ?? 'demo-alice'));
    if (!user) throw new BackendError(401, 'unauthorized', 'Unknown token.');
    this.user = user;
  }

  /** The same data as another signed-in user, or undefined for an unknown token. */
  forToken(token: string): MemoryBackend | undefined {
    return this.world.users.some((u) => u.token === token) ? new MemoryBackend({ token }, this.world) : undefined;
  }

  /** Stops the simulated carrier's timers and every event stream. */
  dispose(): void {
    this.world.dispose();
  }

  private get workspaceId(): string {
    return this.user.workspaceId;
  }

  private numbersView(): PhoneNumber[] {
    return this.world.numbers
      .filter((n) => n.workspaceId === this.workspaceId && (n.kind === 'group' || n.users.includes(this.user.id)))
      .map(({ workspaceId: _w, users, ...n }) => ({ ...n, capabilities: { ...n.capabilities }, member: n.kind !== 'external' && users.includes(this.user.id) }));
  }

  private context(now: Date): SendContext {
    return {
      numbers: this.numbersView(),
      optedOut: (e164) => this.world.recipientState(this.workspaceId, e164).optedOut,
      now,
    };
  }

  async me(): Promise<Me> {
    const workspace = SEED_WORKSPACES.find((w) => w.id === this.workspaceId)!;
    return {
      user: { id: this.user.id, name: this.user.name },
      workspace: { id: workspace.id, name: workspace.name },
      numbers: this.numbersView(),
    };
  }

  async availableNumbers(query: AvailableQuery): Promise<AvailableNumbers> {
    const items = offers(query).filter((offer) => !this.world.numbers.some((n) => n.e164 === offer.e164));
    return { items, onlyVoice: items.length > 0 && items.every((item) => !item.capabilities.sms) };
  }

  async rentNumber(request: RentRequest): Promise<PhoneNumber> {
    const parsed = parsePhone(request.phoneNumber);
    const offer = parsed.ok ? offers({ country: parsed.country }, parsed.e164).find((o) => o.e164 === parsed.e164) : undefined;
    if (!parsed.ok || !offer || this.world.numbers.some((n) => n.e164 === parsed.e164)) {
      throw new BackendError(422, 'number_unavailable', 'That number is no longer available.');
    }
    const number: SeedNumber = {
      id: this.world.nextId('num_'),
      e164: offer.e164,
      country: offer.country,
      label: request.label ?? `${request.kind === 'group' ? 'Group' : this.user.name} (${offer.country})`,
      kind: request.kind,
      capabilities: offer.capabilities,
      workspaceId: this.workspaceId,
      users: [this.user.id],
    };
    this.world.numbers.push(number);
    return this.numbersView().find((n) => n.id === number.id)!;
  }

  async conversations(query: ConversationQuery = {}): Promise<Page<Conversation>> {
    const q = query.q?.trim().toLowerCase() ?? '';
    const digits = q.replace(/\D/g, '');
    const matches = (c: Conversation) =>
      !q ||
      c.contactName?.toLowerCase().includes(q) ||
      (digits.length > 0 && c.contact.includes(digits)) ||
      [...this.world.messages.values()].some((m) => m.workspaceId === this.workspaceId && m.contact === c.contact && m.message.body.toLowerCase().includes(q));
    const all = [...this.world.conversations.values()]
      .filter((r) => r.workspaceId === this.workspaceId)
      .map((r) => this.world.conversationView(r, this.user.id))
      .filter((c) => (query.filter === 'unread' ? c.unread : query.filter === 'errored' ? c.hasError : true))
      .filter(matches)
      .sort(compareConversations);
    const start = query.cursor ? all.findIndex((c) => conversationCursor(c) === query.cursor) + 1 : 0;
    if (query.cursor && start === 0) throw new BackendError(400, 'invalid_cursor', 'The page cursor is not valid.');
    const items = all.slice(start, start + CONVERSATION_PAGE_LIMIT);
    const more = start + CONVERSATION_PAGE_LIMIT < all.length;
    return { items, nextCursor: more ? conversationCursor(items[items.length - 1]!) : null };
  }

  async markRead(contact: string): Promise<void> {
    const e164 = this.normalize(contact);
    const record = this.world.conversations.get(key(this.workspaceId, e164));
    if (!record) throw new BackendError(404, 'not_found', 'No conversation with that number.');
    if (record.readBy.has(this.user.id)) return;
    record.readBy.add(this.user.id);
    this.world.emitConversation(this.workspaceId, e164);
  }

  async messages(query: MessageQuery): Promise<Page<Message>> {
    const contact = this.normalize(query.contact);
    const limit = Math.min(Math.max(query.limit ?? MESSAGE_PAGE_LIMIT, 1), MAX_PAGE_LIMIT);
    const before = query.cursor ? Number(query.cursor) : Infinity;
    if (Number.isNaN(before)) throw new BackendError(400, 'invalid_cursor', 'The page cursor is not valid.');
    const older = [...this.world.messages.values()]
      .filter((m) => m.workspaceId === this.workspaceId && m.contact === contact && m.seq < before)
      .sort((a, b) => a.seq - b.seq);
    const page = older.slice(-limit);
    return {
      items: page.map((m) => ({ ...m.message })),
      nextCursor: older.length > limit ? String(page[0]!.seq) : null,
    };
  }

  async send(request: SendRequest, options: SendOptions = {}): Promise<Message> {
    const idempotencyKey = options.idempotencyKey ? key(this.user.id, options.idempotencyKey) : undefined;
    const body = JSON.stringify(request);
    const previous = idempotencyKey ? this.world.idempotency.get(idempotencyKey) : undefined;
    if (previous) {
      if (previous.body !== body) throw new BackendError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another message.');
      return { ...this.world.messages.get(previous.messageId)!.message };
    }
    const media = (request.attachments ?? []).map(({ id }) => {
      const upload = this.world.uploads.get(id);
      if (!upload || upload.workspaceId !== this.workspaceId) throw new BackendError(400, 'unknown_media', 'An attachment was not uploaded.');
      return upload.media;
    });
    const now = this.world.now();
    const check = validateSend(
      { ...request, attachments: media.map(({ name, type, size }) => ({ name, type, size })) },
      this.context(now),
    );
    if (check.violations.length) {
      throw new BackendError(422, 'rule_violation', 'The message breaks a send rule.', check.violations);
    }
    const to = this.normalize(request.to);
    const from = request.from ? this.normalize(request.from) : check.from!;
    const message = this.world.createMessage({
      direction: 'outbound',
      from,
      to,
      body: request.body,
      media,
      status: request.sendAt ? 'scheduled' : 'queued',
      ...(request.sendAt ? { sendAt: new Date(request.sendAt).toISOString() } : {}),
      createdAt: now.toISOString(),
    });
    const stored = this.world.store(this.workspaceId, to, message, [
      ...(this.world.conversations.get(key(this.workspaceId, to))?.readBy ?? []),
      this.user.id,
    ]);
    if (idempotencyKey) this.world.idempotency.set(idempotencyKey, { body, messageId: message.id });
    this.world.emitMessage(stored, 'message.created');
    if (request.sendAt) this.world.schedule(stored);
    else this.world.dispatch(stored);
    return { ...stored.message };
  }

  async cancel(id: string): Promise<Message> {
    const stored = this.world.messages.get(id);
    if (!stored || stored.workspaceId !== this.workspaceId) throw new BackendError(404, 'not_found', 'No such message.');
    if (!this.numbersView().some((n) => n.e164 === stored.message.from && n.member)) {
      throw new BackendError(403, 'forbidden', 'Only the sender can cancel this message.');
    }
    if (stored.message.status !== 'scheduled') throw new BackendError(409, 'not_scheduled', 'The message is no longer scheduled.');
    this.world.update(stored, { status: 'canceled' });
    return { ...stored.message };
  }

  async upload(file: File, options: UploadOptions = {}): Promise<Media> {
    const problem = validateSend({ to: '', body: '', attachments: [{ name: file.name, type: file.type, size: file.size }] }, this.context(this.world.now()))
      .violations.find((v) => v.code === 'attachment_type' || v.code === 'attachments_too_large');
    if (problem) throw new BackendError(problem.code === 'attachment_type' ? 415 : 413, problem.code, problem.message);
    const steps = 4;
    for (let step = 1; step <= steps; step += 1) {
      await wait(this.world.delays.upload / steps, options.signal);
      options.onProgress?.(Math.round((file.size * step) / steps), file.size);
    }
    return { ...this.world.storeUpload(this.workspaceId, file) };
  }

  /** An upload of this workspace, for serving `/v1/media/{id}`. */
  media(id: string): { media: Media; file: Blob } | undefined {
    const upload = this.world.uploads.get(id);
    return upload && upload.workspaceId === this.workspaceId ? upload : undefined;
  }

  /** An upload by the signature of its URL, as `<img>` fetches it without a token. */
  signedMedia(id: string, signature: string): { media: Media; file: Blob } | undefined {
    const upload = this.world.uploads.get(id);
    return upload && upload.signature === signature ? upload : undefined;
  }

  async recipient(e164: string): Promise<Recipient> {
    return this.world.recipientView(this.workspaceId, this.normalize(e164));
  }

  /** Simulates an inbound message to one of the workspace's numbers, as the carrier would deliver it. */
  async inbound(inbound: SimulatorInbound): Promise<Message> {
    const number = this.world.numbers.find((n) => n.e164 === this.normalize(inbound.to) && n.workspaceId === this.workspaceId);
    if (!number) throw new BackendError(404, 'not_found', 'That number does not belong to this workspace.');
    return this.world.receive({ ...inbound, to: number.e164 });
  }

  /**
   * Live events of the user's workspace. With `lastEventId`, the events after it are replayed first, or a
   * `reset` when they are no longer kept.
   */
  subscribe(listener: EventListener, options: { lastEventId?: string } = {}): () => void {
    const log = this.world.logs.get(this.workspaceId)!;
    const subscriber = { userId: this.user.id, listener };
    if (options.lastEventId !== undefined) {
      const after = Number(options.lastEventId);
      const oldest = log.entries[0]?.id ?? log.nextId;
      if (!Number.isInteger(after) || after < oldest - 1) listener({ id: String(log.nextId - 1), type: 'reset', data: null });
      else for (const entry of log.entries) if (entry.id > after) listener(entry.view(this.user.id));
    }
    log.subscribers.add(subscriber);
    return () => log.subscribers.delete(subscriber);
  }

  private normalize(input: string): string {
    const parsed = parsePhone(input);
    return parsed.ok ? parsed.e164 : input;
  }
}

const key = (...parts: string[]) => parts.join('|');

const conversationCursor = (c: Conversation) => `${c.updatedAt}|${c.contact}`;

/** Calling code, national number length and default prefix of each country, for generating numbers to rent. */
const NUMBERING: Record<string, { code: string; length: number; prefix: string }> = {
  US: { code: '1', length: 10, prefix: '415' },
  CA: { code: '1', length: 10, prefix: '416' },
  PR: { code: '1', length: 10, prefix: '787' },
  GB: { code: '44', length: 10, prefix: '7400' },
  AU: { code: '61', length: 9, prefix: '412' },
  BE: { code: '32', length: 9, prefix: '470' },
  DK: { code: '45', length: 8, prefix: '20' },
  FR: { code: '33', length: 9, prefix: '612' },
  IL: { code: '972', length: 9, prefix: '52' },
  ZA: { code: '27', length: 9, prefix: '82' },
};

/** The simulator's stock: GB area code 20 (London landlines) is voice-only, MMS only in the US and Canada. */
function offers(query: { country: string; areaCode?: string; contains?: string }, exact?: string) {
  const numbering = NUMBERING[query.country];
  if (!numbering) return [];
  const prefix = exact ? exact.slice(numbering.code.length + 1, -2) : (query.areaCode ?? numbering.prefix);
  const voiceOnly = query.country === 'GB' && prefix.startsWith('20');
  const mms = query.country === 'US' || query.country === 'CA';
  const national = (prefix + '5550100000').slice(0, numbering.length - 2);
  return Array.from({ length: 5 }, (_, i) => ({
    e164: `+${numbering.code}${national}${String(20 + i * 7).padStart(2, '0')}`,
    country: query.country,
    capabilities: { sms: !voiceOnly, mms: mms && !voiceOnly, voice: true },
  }))
    .filter((offer) => !exact || offer.e164 === exact)
    .filter((offer) => !query.contains || offer.e164.includes(query.contains));
}

const PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A stand-in for the media a phone sends: a tiny image, or a small file of the type. */
function generatedMedia(type: string, index: number): File {
  const extension = type.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
  const bytes = type.startsWith('image/') ? PIXEL : new TextEncoder().encode(`Attachment ${index + 1}\n`);
  return new File([bytes], `attachment-${index + 1}.${extension}`, { type });
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BackendError(0, 'aborted', 'The upload was canceled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new BackendError(0, 'aborted', 'The upload was canceled.'));
    }, { once: true });
  });
}
