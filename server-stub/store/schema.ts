import type { Db } from './db.js';

/** Applied in order, once each; append, never edit a released step. One dialect for PGlite and PostgreSQL. */
const MIGRATIONS: string[] = [
  `CREATE TABLE workspaces (id text PRIMARY KEY, name text NOT NULL)`,
  `CREATE TABLE users (
     id text PRIMARY KEY,
     workspace_id text NOT NULL REFERENCES workspaces(id),
     name text NOT NULL,
     token text NOT NULL UNIQUE)`,
  `CREATE TABLE numbers (
     id text PRIMARY KEY,
     workspace_id text NOT NULL REFERENCES workspaces(id),
     e164 text NOT NULL UNIQUE,
     country text NOT NULL,
     label text NOT NULL,
     kind text NOT NULL,
     owner_id text REFERENCES users(id),
     sms boolean NOT NULL,
     mms boolean NOT NULL,
     voice boolean NOT NULL,
     twilio_sid text)`,
  `CREATE TABLE number_members (
     number_id text NOT NULL REFERENCES numbers(id),
     user_id text NOT NULL REFERENCES users(id),
     PRIMARY KEY (number_id, user_id))`,
  `CREATE TABLE contacts (
     workspace_id text NOT NULL REFERENCES workspaces(id),
     e164 text NOT NULL,
     name text NOT NULL,
     PRIMARY KEY (workspace_id, e164))`,
  `CREATE TABLE media (
     id text PRIMARY KEY,
     workspace_id text NOT NULL REFERENCES workspaces(id),
     type text NOT NULL,
     size integer NOT NULL,
     name text NOT NULL,
     bytes bytea NOT NULL,
     created_at timestamptz NOT NULL)`,
  `CREATE TABLE messages (
     seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
     id text PRIMARY KEY,
     workspace_id text NOT NULL REFERENCES workspaces(id),
     contact text NOT NULL,
     direction text NOT NULL,
     from_number text NOT NULL,
     to_number text NOT NULL,
     body text NOT NULL,
     status text NOT NULL,
     error_code integer,
     sent_by text REFERENCES users(id),
     send_at timestamptz,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     segments integer NOT NULL,
     encoding text NOT NULL,
     twilio_sid text UNIQUE)`,
  `CREATE INDEX messages_thread ON messages (workspace_id, contact, seq)`,
  `CREATE INDEX messages_due ON messages (send_at) WHERE status = 'scheduled'`,
  `CREATE INDEX messages_in_flight ON messages (updated_at) WHERE status = 'sending' AND twilio_sid IS NULL`,
  `CREATE TABLE message_media (
     message_id text NOT NULL REFERENCES messages(id),
     media_id text NOT NULL REFERENCES media(id),
     position integer NOT NULL,
     PRIMARY KEY (message_id, position))`,
  `CREATE TABLE conversations (
     workspace_id text NOT NULL REFERENCES workspaces(id),
     contact text NOT NULL,
     last_seq bigint NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (workspace_id, contact))`,
  `CREATE INDEX conversations_recent ON conversations (workspace_id, updated_at DESC, contact)`,
  `CREATE TABLE reads (
     user_id text NOT NULL REFERENCES users(id),
     contact text NOT NULL,
     read_seq bigint NOT NULL,
     PRIMARY KEY (user_id, contact))`,
  `CREATE TABLE recipients (
     workspace_id text NOT NULL REFERENCES workspaces(id),
     e164 text NOT NULL,
     opted_out boolean NOT NULL DEFAULT false,
     last_keyword text,
     blocked_senders text[] NOT NULL DEFAULT '{}',
     line_type text,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (workspace_id, e164))`,
  `CREATE TABLE idempotency_keys (
     user_id text NOT NULL REFERENCES users(id),
     key text NOT NULL,
     request_hash text NOT NULL,
     message_id text NOT NULL,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (user_id, key))`,
  `CREATE TABLE event_counters (workspace_id text PRIMARY KEY REFERENCES workspaces(id), last_id bigint NOT NULL)`,
  `CREATE TABLE events (
     workspace_id text NOT NULL REFERENCES workspaces(id),
     id bigint NOT NULL,
     type text NOT NULL,
     data jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (workspace_id, id))`,
  `CREATE INDEX events_age ON events (created_at)`,
  // Set when an event is one user's own view (their unread state); null reaches the whole workspace.
  `ALTER TABLE events ADD COLUMN user_id text REFERENCES users(id)`,
];

/** Brings the schema up to date; an advisory lock keeps instances starting together from racing. */
export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(874211)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    for (const [index, statement] of MIGRATIONS.entries()) {
      if (done.has(index + 1)) continue;
      await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
    }
  });
}
