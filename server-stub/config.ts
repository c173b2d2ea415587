import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';

/** One API user: the bearer token that identifies them and the workspace they belong to. */
export interface UserEntry {
  token: string;
  userId: string;
  name: string;
  workspaceId: string;
}

export interface Config {
  port: number;
  /** PostgreSQL; when unset the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** PGlite's directory, or `memory://` for nothing on disk. */
  dataDir: string;
  /** Live Twilio credentials; null runs the built-in simulator. */
  twilio: { accountSid: string; authToken: string } | null;
  /** Where Twilio and browsers reach the stub; when unset, the listening address. */
  publicBaseUrl: string | undefined;
  /** Origins allowed by CORS; empty = same origin only. */
  allowedOrigins: string[];
  /** Path of a JSON list of users; unset = the seed's users. */
  usersFile: string | undefined;
  /** Signs media URLs; must be the same on every instance. */
  signingSecret: string;
  /** SMS_STATIC_DIR: files served outside /v1 and /twilio (the demo page). */
  staticDir: string | undefined;
  /** SMS_SIMULATOR_DELAY_SCALE: multiplies the simulator's delays (0.01 for fast tests). */
  simulatorDelayScale: number;
}

const usersSchema = z.array(
  z.object({
    token: z.string().check(z.minLength(1)),
    userId: z.string().check(z.minLength(1)),
    name: z.string(),
    workspaceId: z.string().check(z.minLength(1)),
  }),
);

/** Reads the environment variables the README documents. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const accountSid = env.TWILIO_ACCOUNT_SID || undefined;
  const authToken = env.TWILIO_AUTH_TOKEN || undefined;
  if (Boolean(accountSid) !== Boolean(authToken)) {
    throw new Error('Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither for the simulator');
  }
  const simulatorDelayScale = env.SMS_SIMULATOR_DELAY_SCALE ? Number(env.SMS_SIMULATOR_DELAY_SCALE) : 1;
  if (!(simulatorDelayScale >= 0)) throw new Error(`SMS_SIMULATOR_DELAY_SCALE must be a number of 0 or more, not "${env.SMS_SIMULATOR_DELAY_SCALE}"`);
  if (accountSid && !env.SMS_USERS_FILE) throw new Error('SMS_USERS_FILE is required when talking to the real Twilio');
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.SMS_DATA_DIR || './.data',
    twilio: accountSid && authToken ? { accountSid, authToken } : null,
    publicBaseUrl: env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, '') : undefined,
    allowedOrigins: (env.SMS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    usersFile: env.SMS_USERS_FILE || undefined,
    signingSecret: env.SMS_SIGNING_SECRET || randomBytes(32).toString('hex'),
    staticDir: env.SMS_STATIC_DIR || undefined,
    simulatorDelayScale,
  };
}

export async function readUsersFile(path: string): Promise<UserEntry[]> {
  const parsed = usersSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} must be a JSON list of { token, userId, name, workspaceId }`);
  return parsed.data;
}
