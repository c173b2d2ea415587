import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The database could not be reached: the stub answers 503. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

/** The one SQL surface the store runs on, the same for PGlite and PostgreSQL. */
export interface Db extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Connection-level failures (as opposed to a query's own error) mean the database is unreachable. */
function unavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|57P|53)/.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return error instanceof Error && /closed|terminat|Connection/i.test(error.message) && code === undefined;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (unavailable(error)) throw new DatabaseUnavailableError((error as Error).message, { cause: error });
    throw error;
  }
}

export async function openPglite(dataDir: string): Promise<Db> {
  const db = await PGlite.create(dataDir);
  const sql = (target: Pick<PGlite, 'query'>): Sql => ({
    query: (text, params) => guarded(async () => (await target.query(text, params)).rows as never),
  });
  return {
    ...sql(db),
    transaction: (work) => guarded(() => db.transaction((tx) => work(sql(tx)))),
    listen: async (channel, onNotify) => {
      const stop = await db.listen(channel, onNotify);
      return () => stop();
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

/** `schema` puts every table in its own PostgreSQL schema (created when missing), so tests can share a database. */
export async function openPostgres(url: string, options: { schema?: string } = {}): Promise<Db> {
  const searchPath = options.schema ? `-c search_path=${options.schema}` : undefined;
  if (options.schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await setup.end();
  }
  const pool = new pg.Pool({ connectionString: url, options: searchPath, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  const listeners: pg.Client[] = [];
  return {
    query: (text, params) => guarded(async () => (await pool.query(text, params)).rows),
    transaction: (work) =>
      guarded(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work({ query: async (text, params) => (await client.query(text, params)).rows });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    listen: async (channel, onNotify) => {
      const client = new pg.Client({ connectionString: url, options: searchPath });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN "${channel}"`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    close: async () => {
      await Promise.all(listeners.splice(0).map((client) => client.end().catch(() => undefined)));
      await pool.end().catch(() => undefined);
    },
  };
}
