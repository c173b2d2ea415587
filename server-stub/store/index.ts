import { randomUUID } from 'node:crypto';
import type { InboxFilter, MessageStatus } from '../../src/protocol/index.js';
import type { Capabilities, NumberKind, PhoneNumber } from '../../src/rules/types.js';
import { advanceStatus } from '../status.js';
import type { Db, Row, Sql } from './db.js';
import { migrate } from './schema.js';

export interface UserRecord {
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
}

export interface NumberRecord {
  id: string;
  workspaceId: string;
  e164: string;
  country: string;
  label: string;
  kind: NumberKind;
  ownerId: string | null;
  capabilities: Capabilities;
  members: string[];
}

export interface MediaInfo {
  id: string;
  type: string;
  size: number;
  name: string;
}

export interface MessageRecord {
  id: string;
  seq: number;
  workspaceId: string;
  contact: string;
  direction: 'outbound' | 'inbound';
  from: string;
  to: string;
  body: string;
  status: MessageStatus;
  errorCode: number | null;
  sentBy: string | null;
  sendAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  twilioSid: string | null;
  media: MediaInfo[];
}

export interface ConversationRecord {
  contact: string;
  contactName: string | null;
  lastMessage: MessageRecord;
  unread: boolean;
  hasError: boolean;
  updatedAt: Date;
}

export interface RecipientRecord {
  e164: string;
  optedOut: boolean;
  lastKeyword: 'STOP' | 'START' | null;
  blockedSenders: string[];
  lineType: string | null;
}

export interface EventRecord {
  id: number;
  type: string;
  data: unknown;
  /** The one user this event is for; null when it is for the whole workspace. */
  userId: string | null;
}

export interface NewEvent {
  type: string;
  data: unknown;
  userId?: string;
}

export type NewMessage = Omit<MessageRecord, 'seq' | 'media' | 'updatedAt' | 'id'> & { mediaIds: string[] };

/** The users, numbers and contacts a deployment starts with (the seed, or SMS_USERS_FILE). */
export interface Directory {
  workspaces: { id: string; name: string }[];
  users: { id: string; workspaceId: string; name: string; token: string }[];
  numbers?: NumberRecord[];
  contacts?: { workspaceId: string; e164: string; name: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Decodes a cursor this store handed out; anything else is the client's mistake. */
export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
}

function decodeCursor<T>(cursor: string, valid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (valid(value)) return value;
  } catch {
    // falls through to the error below
  }
  throw new BadCursorError('The cursor is not one this server handed out');
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Whether the conversation `c` holds an inbound message past the read mark `r` of one user. */
const UNREAD = `EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.contact = c.contact
  AND m.direction = 'inbound' AND m.seq > COALESCE(r.read_seq, 0))`;

const MESSAGE_COLUMNS = `m.seq, m.id, m.workspace_id, m.contact, m.direction, m.from_number, m.to_number, m.body, m.status,
  m.error_code, m.sent_by, m.send_at, m.created_at, m.updated_at, m.segments, m.encoding, m.twilio_sid`;

const toMessage = (row: Row, media: MediaInfo[] = []): MessageRecord => ({
  id: row.id as string,
  seq: Number(row.seq),
  workspaceId: row.workspace_id as string,
  contact: row.contact as string,
  direction: row.direction as MessageRecord['direction'],
  from: row.from_number as string,
  to: row.to_number as string,
  body: row.body as string,
  status: row.status as MessageStatus,
  errorCode: row.error_code === null ? null : Number(row.error_code),
  sentBy: row.sent_by as string | null,
  sendAt: row.send_at as Date | null,
  createdAt: row.created_at as Date,
  updatedAt: row.updated_at as Date,
  segments: Number(row.segments),
  encoding: row.encoding as MessageRecord['encoding'],
  twilioSid: row.twilio_sid as string | null,
  media,
});

const toNumber = (row: Row): NumberRecord => ({
  id: row.id as string,
  workspaceId: row.workspace_id as string,
  e164: row.e164 as string,
  country: row.country as string,
  label: row.label as string,
  kind: row.kind as NumberKind,
  ownerId: row.owner_id as string | null,
  capabilities: { sms: row.sms as boolean, mms: row.mms as boolean, voice: row.voice as boolean },
  members: (row.members as string[] | null) ?? [],
});

const NUMBER_SELECT = `SELECT n.*, ARRAY(SELECT user_id FROM number_members nm WHERE nm.number_id = n.id ORDER BY user_id) AS members
  FROM numbers n`;

/** Everything the stub keeps, as SQL that runs unchanged on PGlite and PostgreSQL. */
export class Store {
  private constructor(readonly db: Db) {}

  /** Runs the migrations, then hands out the store. */
  static async open(db: Db): Promise<Store> {
    await migrate(db);
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM workspaces LIMIT 1')).length === 0;
  }

  /** Inserts or refreshes the directory, leaving everything else alone. */
  async upsertDirectory(directory: Directory): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const ws of directory.workspaces) {
        await tx.query(
          `INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
          [ws.id, ws.name],
        );
        await tx.query(`INSERT INTO event_counters (workspace_id, last_id) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [ws.id]);
      }
      for (const user of directory.users) {
        await tx.query(
          `INSERT INTO users (id, workspace_id, name, token) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id, name = EXCLUDED.name, token = EXCLUDED.token`,
          [user.id, user.workspaceId, user.name, user.token],
        );
      }
      for (const number of directory.numbers ?? []) await insertNumber(tx, number);
      for (const contact of directory.contacts ?? []) {
        await tx.query(
          `INSERT INTO contacts (workspace_id, e164, name) VALUES ($1, $2, $3)
           ON CONFLICT (workspace_id, e164) DO UPDATE SET name = EXCLUDED.name`,
          [contact.workspaceId, contact.e164, contact.name],
        );
      }
    });
  }

  async userByToken(token: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.query(
      `SELECT u.id, u.name, u.workspace_id, w.name AS workspace_name FROM users u JOIN workspaces w ON w.id = u.workspace_id
       WHERE u.token = $1`,
      [token],
    );
    return row && { id: row.id as string, name: row.name as string, workspaceId: row.workspace_id as string, workspaceName: row.workspace_name as string };
  }

  async workspaceNumbers(workspaceId: string): Promise<NumberRecord[]> {
    return (await this.db.query(`${NUMBER_SELECT} WHERE n.workspace_id = $1 ORDER BY n.e164`, [workspaceId])).map(toNumber);
  }

  /** Every number of every workspace: the account's numbers at Twilio. */
  async allNumbers(): Promise<NumberRecord[]> {
    return (await this.db.query(`${NUMBER_SELECT} ORDER BY n.e164`)).map(toNumber);
  }

  async numberByE164(e164: string): Promise<NumberRecord | undefined> {
    const [row] = await this.db.query(`${NUMBER_SELECT} WHERE n.e164 = $1`, [e164]);
    return row && toNumber(row);
  }

  /** False when the number is already someone's. */
  async addNumber(number: NumberRecord): Promise<boolean> {
    return this.db.transaction((tx) => insertNumber(tx, number));
  }

  async saveMedia(media: MediaInfo & { workspaceId: string; bytes: Uint8Array; createdAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO media (id, workspace_id, type, size, name, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [media.id, media.workspaceId, media.type, media.size, media.name, media.bytes, media.createdAt],
    );
  }

  async mediaInfo(workspaceId: string, ids: string[]): Promise<MediaInfo[]> {
    const rows = await this.db.query(`SELECT id, type, size, name FROM media WHERE workspace_id = $1 AND id = ANY($2)`, [workspaceId, ids]);
    return rows.map((row) => ({ id: row.id as string, type: row.type as string, size: Number(row.size), name: row.name as string }));
  }

  async mediaContent(id: string): Promise<(MediaInfo & { workspaceId: string; bytes: Uint8Array }) | undefined> {
    const [row] = await this.db.query(`SELECT * FROM media WHERE id = $1`, [id]);
    if (!row) return undefined;
    return {
      id: row.id as string,
      workspaceId: row.workspace_id as string,
      type: row.type as string,
      size: Number(row.size),
      name: row.name as string,
      bytes: row.bytes as Uint8Array,
    };
  }

  /**
   * Stores a message with its media and moves its conversation. With an idempotency key it is stored only when
   * the key is new: otherwise nothing is written and the message the key already names comes back, with the
   * hash of the request that made it.
   */
  async insertMessage(
    message: NewMessage,
    idempotency?: { userId: string; key: string; requestHash: string },
  ): Promise<{ message: MessageRecord; created: boolean; requestHash?: string }> {
    const id = `msg_${randomUUID()}`;
    const outcome = await this.db.transaction(async (tx) => {
      if (idempotency) {
        const [claimed] = await tx.query(
          `INSERT INTO idempotency_keys (user_id, key, request_hash, message_id, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
          [idempotency.userId, idempotency.key, idempotency.requestHash, id, message.createdAt],
        );
        if (!claimed) {
          const [existing] = await tx.query(`SELECT message_id, request_hash FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [
            idempotency.userId,
            idempotency.key,
          ]);
          return { id: existing!.message_id as string, created: false, requestHash: existing!.request_hash as string };
        }
      }
      const inserted = await tx.query(
        `INSERT INTO messages (id, workspace_id, contact, direction, from_number, to_number, body, status, error_code, sent_by,
           send_at, created_at, updated_at, segments, encoding, twilio_sid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15)
         ON CONFLICT (twilio_sid) DO NOTHING RETURNING seq`,
        [
          id, message.workspaceId, message.contact, message.direction, message.from, message.to, message.body, message.status,
          message.errorCode, message.sentBy, message.sendAt, message.createdAt, message.segments, message.encoding, message.twilioSid,
        ],
      );
      if (inserted.length === 0) {
        const [existing] = await tx.query(`SELECT id FROM messages WHERE twilio_sid = $1`, [message.twilioSid]);
        return { id: existing!.id as string, created: false };
      }
      for (const [position, mediaId] of message.mediaIds.entries()) {
        await tx.query(`INSERT INTO message_media (message_id, media_id, position) VALUES ($1, $2, $3)`, [id, mediaId, position]);
      }
      await tx.query(
        `INSERT INTO conversations (workspace_id, contact, last_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, contact) DO UPDATE SET last_seq = GREATEST(conversations.last_seq, EXCLUDED.last_seq),
           updated_at = GREATEST(conversations.updated_at, EXCLUDED.updated_at)`,
        [message.workspaceId, message.contact, inserted[0]!.seq, message.createdAt],
      );
      // Whoever sends has seen the conversation up to their own message.
      if (message.sentBy) {
        await tx.query(
          `INSERT INTO reads (user_id, contact, read_seq) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, contact) DO UPDATE SET read_seq = GREATEST(reads.read_seq, EXCLUDED.read_seq)`,
          [message.sentBy, message.contact, inserted[0]!.seq],
        );
      }
      return { id, created: true };
    });
    const stored = await this.message(outcome.id);
    return { message: stored!, created: outcome.created, ...(outcome.requestHash ? { requestHash: outcome.requestHash } : {}) };
  }

  /** The message an idempotency key already names, with the hash of the request that made it. */
  async idempotencyRecord(userId: string, key: string): Promise<{ message: MessageRecord; requestHash: string } | undefined> {
    const [row] = await this.db.query(`SELECT message_id, request_hash FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]);
    const message = row && (await this.message(row.message_id as string));
    return message && { message, requestHash: row.request_hash as string };
  }

  /** Removes a message nothing ever saw (Twilio surely never got it), with its idempotency key. */
  async discardMessage(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM idempotency_keys WHERE message_id = $1`, [id]);
      await tx.query(`DELETE FROM message_media WHERE message_id = $1`, [id]);
      const [gone] = await tx.query(`DELETE FROM messages WHERE id = $1 RETURNING workspace_id, contact`, [id]);
      if (!gone) return;
      const [last] = await tx.query(`SELECT seq, created_at FROM messages WHERE workspace_id = $1 AND contact = $2 ORDER BY seq DESC LIMIT 1`, [
        gone.workspace_id,
        gone.contact,
      ]);
      if (last) {
        await tx.query(`UPDATE conversations SET last_seq = $3 WHERE workspace_id = $1 AND contact = $2`, [gone.workspace_id, gone.contact, last.seq]);
      } else {
        await tx.query(`DELETE FROM conversations WHERE workspace_id = $1 AND contact = $2`, [gone.workspace_id, gone.contact]);
      }
    });
  }

  async message(id: string): Promise<MessageRecord | undefined> {
    return (await this.withMedia(await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = $1`, [id])))[0];
  }

  async messageBySid(sid: string): Promise<MessageRecord | undefined> {
    return (await this.withMedia(await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.twilio_sid = $1`, [sid])))[0];
  }

  /** One thread: the newest `limit` messages before the cursor, oldest first. */
  async thread(workspaceId: string, contact: string, cursor: string | null, limit: number): Promise<Page<MessageRecord>> {
    const before = cursor === null ? null : decodeCursor(cursor, (v): v is number => Number.isSafeInteger(v));
    const rows = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.workspace_id = $1 AND m.contact = $2 AND ($3::bigint IS NULL OR m.seq < $3)
       ORDER BY m.seq DESC LIMIT $4`,
      [workspaceId, contact, before, limit + 1],
    );
    const page = rows.slice(0, limit).reverse();
    const oldest = page[0];
    return { items: await this.withMedia(page), nextCursor: rows.length > limit && oldest ? encodeCursor(Number(oldest.seq)) : null };
  }

  /** The inbox as `userId` sees it (unread state is theirs), most recent activity first. */
  async conversations(
    workspaceId: string,
    options: { userId: string; filter?: InboxFilter; q?: string; cursor?: string | null; contact?: string; limit?: number },
  ): Promise<Page<ConversationRecord>> {
    const limit = options.limit ?? 30;
    const after =
      options.cursor == null
        ? null
        : decodeCursor(options.cursor, (v): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string') && !Number.isNaN(Date.parse(v[0])));
    const q = options.q?.trim() || null;
    const digits = q?.replace(/\D/g, '') || null;
    const rows = await this.db.query(
      `SELECT * FROM (
         SELECT c.contact, c.updated_at, c.last_seq, ct.name AS contact_name,
           ${UNREAD} AS unread,
           EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.contact = c.contact
             AND m.status IN ('failed', 'undelivered')) AS has_error
         FROM conversations c
         JOIN messages lm ON lm.seq = c.last_seq
         LEFT JOIN contacts ct ON ct.workspace_id = c.workspace_id AND ct.e164 = c.contact
         LEFT JOIN reads r ON r.user_id = $2 AND r.contact = c.contact
         WHERE c.workspace_id = $1
           AND ($7::text IS NULL OR c.contact = $7)
           AND ($3::timestamptz IS NULL OR (c.updated_at, c.contact) < ($3::timestamptz, $4::text))
           AND ($5::text IS NULL OR ct.name ILIKE $5 OR c.contact ILIKE $5 OR ($6::text IS NOT NULL AND c.contact LIKE $6)
             OR EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.contact = c.contact AND m.body ILIKE $5))
       ) AS inbox
       WHERE ($8 = 'all' OR ($8 = 'unread' AND unread) OR ($8 = 'errored' AND has_error))
       ORDER BY updated_at DESC, contact DESC LIMIT $9`,
      [
        workspaceId, options.userId, after?.[0] ?? null, after?.[1] ?? null, q && likePattern(q), digits && `%${digits}%`,
        options.contact ?? null, options.filter ?? 'all', limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const lastMessages = new Map(
      (await this.withMedia(await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.seq = ANY($1)`, [page.map((r) => r.last_seq)]))).map(
        (m) => [m.seq, m],
      ),
    );
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        contact: row.contact as string,
        contactName: row.contact_name as string | null,
        lastMessage: lastMessages.get(Number(row.last_seq))!,
        unread: row.unread as boolean,
        hasError: row.has_error as boolean,
        updatedAt: row.updated_at as Date,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([(last.updated_at as Date).toISOString(), last.contact]) : null,
    };
  }

  async conversation(workspaceId: string, contact: string, userId: string): Promise<ConversationRecord | undefined> {
    return (await this.conversations(workspaceId, { userId, contact, limit: 1 })).items[0];
  }

  /** One conversation as each user of the workspace sees it. */
  async conversationViews(workspaceId: string, contact: string): Promise<{ userId: string; conversation: ConversationRecord }[]> {
    const users = await this.db.query(
      `SELECT u.id, ${UNREAD} AS unread FROM users u
       JOIN conversations c ON c.workspace_id = u.workspace_id AND c.contact = $2
       LEFT JOIN reads r ON r.user_id = u.id AND r.contact = c.contact
       WHERE u.workspace_id = $1 ORDER BY u.id`,
      [workspaceId, contact],
    );
    const conversation = users[0] && (await this.conversation(workspaceId, contact, users[0].id as string));
    if (!conversation) return [];
    return users.map((row) => ({ userId: row.id as string, conversation: { ...conversation, unread: row.unread as boolean } }));
  }

  /** `missing` when the workspace has no such conversation; `unchanged` when the user had already read all of it. */
  async markRead(user: UserRecord, contact: string): Promise<'missing' | 'unchanged' | 'marked'> {
    const [row] = await this.db.query(
      `WITH target AS (SELECT contact, last_seq FROM conversations WHERE workspace_id = $2 AND contact = $3),
       marked AS (
         INSERT INTO reads (user_id, contact, read_seq) SELECT $1, contact, last_seq FROM target
         ON CONFLICT (user_id, contact) DO UPDATE SET read_seq = EXCLUDED.read_seq WHERE reads.read_seq < EXCLUDED.read_seq
         RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM target) AS found, EXISTS (SELECT 1 FROM marked) AS changed`,
      [user.id, user.workspaceId, contact],
    );
    return !row!.found ? 'missing' : row!.changed ? 'marked' : 'unchanged';
  }

  /**
   * Applies a report from Twilio under a row lock: statuses only move forward, the sid is set once, and the error
   * travels with a failure. Resolves to the changed message, or undefined when nothing changed.
   */
  async applyTwilioReport(
    id: string,
    report: { sid?: string; status: MessageStatus; errorCode?: number | null; at: Date },
  ): Promise<MessageRecord | undefined> {
    const changed = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT status, twilio_sid FROM messages WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) return false;
      const status = advanceStatus(row.status as MessageStatus, report.status, row.twilio_sid !== null);
      const newSid = row.twilio_sid === null && report.sid ? report.sid : null;
      if (!status && !newSid) return false;
      await tx.query(
        `UPDATE messages SET status = COALESCE($2, status), twilio_sid = COALESCE(twilio_sid, $3),
           error_code = CASE WHEN $2::text IN ('failed', 'undelivered') THEN $4 ELSE error_code END, updated_at = $5
         WHERE id = $1`,
        [id, status, newSid, report.errorCode ?? null, report.at],
      );
      return true;
    });
    return changed ? this.message(id) : undefined;
  }

  /** Moves a message from one status to another only if it is still in the first; undefined when it was not. */
  async transition(id: string, from: MessageStatus, to: MessageStatus, at: Date): Promise<MessageRecord | undefined> {
    const rows = await this.db.query(`UPDATE messages SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2 RETURNING id`, [id, from, to, at]);
    return rows.length ? this.message(id) : undefined;
  }

  /** Claims due scheduled messages for this instance only: each row moves to `sending` exactly once. */
  async claimDue(now: Date, limit: number): Promise<MessageRecord[]> {
    const rows = await this.db.query(
      `UPDATE messages SET status = 'sending', updated_at = $1
       WHERE id IN (SELECT id FROM messages WHERE status = 'scheduled' AND send_at <= $1 ORDER BY send_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [now, limit],
    );
    return this.messagesById(rows.map((row) => row.id as string));
  }

  /**
   * Claims messages left `sending` without a Twilio sid since before `staleBefore` (the instance that was
   * handing them over died): touching `updated_at` makes the claim a lease only one instance gets.
   */
  async claimStale(staleBefore: Date, now: Date, limit: number): Promise<MessageRecord[]> {
    const rows = await this.db.query(
      `UPDATE messages SET updated_at = $2
       WHERE id IN (SELECT id FROM messages WHERE status = 'sending' AND twilio_sid IS NULL AND updated_at < $1
         ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [staleBefore, now, limit],
    );
    return this.messagesById(rows.map((row) => row.id as string));
  }

  /** Twilio sids already tied to a message, among these. */
  async knownSids(sids: string[]): Promise<Set<string>> {
    const rows = await this.db.query(`SELECT twilio_sid FROM messages WHERE twilio_sid = ANY($1)`, [sids]);
    return new Set(rows.map((row) => row.twilio_sid as string));
  }

  async recipient(workspaceId: string, e164: string): Promise<RecipientRecord> {
    const [row] = await this.db.query(`SELECT * FROM recipients WHERE workspace_id = $1 AND e164 = $2`, [workspaceId, e164]);
    return {
      e164,
      optedOut: (row?.opted_out as boolean | undefined) ?? false,
      lastKeyword: (row?.last_keyword as RecipientRecord['lastKeyword'] | undefined) ?? null,
      blockedSenders: (row?.blocked_senders as string[] | undefined) ?? [],
      lineType: (row?.line_type as string | null | undefined) ?? null,
    };
  }

  /** Applies `change` to the recipient's opt-out state under a row lock; resolves to the new state. */
  async updateRecipient(
    workspaceId: string,
    e164: string,
    at: Date,
    change: (current: RecipientRecord) => Partial<Omit<RecipientRecord, 'e164'>>,
  ): Promise<RecipientRecord> {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO recipients (workspace_id, e164, updated_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [workspaceId, e164, at]);
      const [row] = await tx.query(`SELECT * FROM recipients WHERE workspace_id = $1 AND e164 = $2 FOR UPDATE`, [workspaceId, e164]);
      const current: RecipientRecord = {
        e164,
        optedOut: row!.opted_out as boolean,
        lastKeyword: row!.last_keyword as RecipientRecord['lastKeyword'],
        blockedSenders: row!.blocked_senders as string[],
        lineType: row!.line_type as string | null,
      };
      const next = { ...current, ...change(current) };
      await tx.query(
        `UPDATE recipients SET opted_out = $3, last_keyword = $4, blocked_senders = $5, line_type = $6, updated_at = $7
         WHERE workspace_id = $1 AND e164 = $2`,
        [workspaceId, e164, next.optedOut, next.lastKeyword, next.blockedSenders, next.lineType, at],
      );
    });
    return this.recipient(workspaceId, e164);
  }

  /**
   * Appends events in one transaction. The counter row's lock serializes writers per workspace until commit,
   * so ids become visible in order; the NOTIFY goes out with the commit to every instance.
   */
  async appendEvents(workspaceId: string, events: NewEvent[], at: Date): Promise<number[]> {
    return this.db.transaction(async (tx) => {
      const [counter] = await tx.query(`UPDATE event_counters SET last_id = last_id + $2 WHERE workspace_id = $1 RETURNING last_id`, [
        workspaceId,
        events.length,
      ]);
      const first = Number(counter!.last_id) - events.length + 1;
      const ids = events.map((_, index) => first + index);
      await tx.query(
        `INSERT INTO events (workspace_id, id, type, data, user_id, created_at)
         SELECT $1, id, type, data::jsonb, user_id, $6 FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS e(id, type, data, user_id)`,
        [
          workspaceId, ids, events.map((event) => event.type), events.map((event) => JSON.stringify(event.data)),
          events.map((event) => event.userId ?? null), at,
        ],
      );
      await tx.query(`SELECT pg_notify('sms_events', $1)`, [workspaceId]);
      return ids;
    });
  }

  /** Every event of the workspace after `afterId`, whoever it is for: each stream picks its own. */
  async eventsAfter(workspaceId: string, afterId: number, limit = 1000): Promise<EventRecord[]> {
    const rows = await this.db.query(`SELECT id, type, data, user_id FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      workspaceId, afterId, limit,
    ]);
    return rows.map((row) => ({ id: Number(row.id), type: row.type as string, data: row.data, userId: row.user_id as string | null }));
  }

  /** The newest id handed out, and the oldest id still kept (newest + 1 when none is). */
  async eventBounds(workspaceId: string): Promise<{ last: number; oldestKept: number }> {
    const [row] = await this.db.query(
      `SELECT c.last_id, (SELECT MIN(id) FROM events e WHERE e.workspace_id = c.workspace_id) AS oldest
       FROM event_counters c WHERE c.workspace_id = $1`,
      [workspaceId],
    );
    const last = Number(row?.last_id ?? 0);
    return { last, oldestKept: row?.oldest == null ? last + 1 : Number(row.oldest) };
  }

  /** Drops events and idempotency keys older than `before` (kept at least 24 hours by the caller). */
  async purge(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM events WHERE created_at < $1`, [before]);
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [before]);
  }

  private async messagesById(ids: string[]): Promise<MessageRecord[]> {
    if (ids.length === 0) return [];
    return this.withMedia(await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ANY($1) ORDER BY m.seq`, [ids]));
  }

  private async withMedia(rows: Row[]): Promise<MessageRecord[]> {
    if (rows.length === 0) return [];
    const media = await this.db.query(
      `SELECT mm.message_id, md.id, md.type, md.size, md.name FROM message_media mm JOIN media md ON md.id = mm.media_id
       WHERE mm.message_id = ANY($1) ORDER BY mm.message_id, mm.position`,
      [rows.map((row) => row.id)],
    );
    const byMessage = new Map<string, MediaInfo[]>();
    for (const row of media) {
      const list = byMessage.get(row.message_id as string) ?? [];
      list.push({ id: row.id as string, type: row.type as string, size: Number(row.size), name: row.name as string });
      byMessage.set(row.message_id as string, list);
    }
    return rows.map((row) => toMessage(row, byMessage.get(row.id as string)));
  }
}

async function insertNumber(tx: Sql, number: NumberRecord): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO numbers (id, workspace_id, e164, country, label, kind, owner_id, sms, mms, voice)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [number.id, number.workspaceId, number.e164, number.country, number.label, number.kind, number.ownerId,
      number.capabilities.sms, number.capabilities.mms, number.capabilities.voice],
  );
  if (inserted.length === 0) return false;
  for (const userId of number.members) {
    await tx.query(`INSERT INTO number_members (number_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [number.id, userId]);
  }
  return true;
}

/** The numbers a user sees: their own personal and external numbers, and every group number. */
export function numbersForUser(numbers: NumberRecord[], userId: string): PhoneNumber[] {
  return numbers
    .filter((n) => n.kind === 'group' || n.ownerId === userId)
    .map((n) => ({
      id: n.id,
      e164: n.e164,
      country: n.country,
      label: n.label,
      kind: n.kind,
      capabilities: n.capabilities,
      member: n.kind === 'group' ? n.members.includes(userId) : true,
    }));
}
