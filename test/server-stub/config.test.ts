import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, readUsersFile } from '../../server-stub/config.js';
import { directoryFromUsers } from '../../server-stub/seed.js';

test('with nothing set: port 8787, PGlite in ./.data, the simulator, same origin only, a random signing secret', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8787);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, './.data');
  assert.equal(config.twilio, null);
  assert.deepEqual(config.allowedOrigins, []);
  assert.equal(config.publicBaseUrl, undefined);
  assert.match(config.signingSecret, /^[0-9a-f]{64}$/);
  assert.notEqual(loadConfig({}).signingSecret, config.signingSecret);
});

test('every variable is read', () => {
  const config = loadConfig({
    PORT: '9000',
    DATABASE_URL: 'postgres://x@h/db',
    SMS_DATA_DIR: 'memory://',
    TWILIO_ACCOUNT_SID: 'AC1',
    TWILIO_AUTH_TOKEN: 't',
    PUBLIC_BASE_URL: 'https://sms.example.com/',
    SMS_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
    SMS_USERS_FILE: 'users.json',
    SMS_SIGNING_SECRET: 's3cret',
    SMS_STATIC_DIR: 'dist-demo',
    SMS_SIMULATOR_DELAY_SCALE: '0.01',
  });
  assert.deepEqual(config, {
    port: 9000,
    databaseUrl: 'postgres://x@h/db',
    dataDir: 'memory://',
    twilio: { accountSid: 'AC1', authToken: 't' },
    publicBaseUrl: 'https://sms.example.com',
    allowedOrigins: ['https://a.example', 'https://b.example'],
    usersFile: 'users.json',
    signingSecret: 's3cret',
    staticDir: 'dist-demo',
    simulatorDelayScale: 0.01,
  });
});

test('inconsistent settings are refused at start', () => {
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ TWILIO_ACCOUNT_SID: 'AC1' }, /TWILIO_AUTH_TOKEN/],
    [{ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' }, /SMS_USERS_FILE/],
    [{ SMS_SIMULATOR_DELAY_SCALE: '-1' }, /SMS_SIMULATOR_DELAY_SCALE/],
  ];
  for (const [env, message] of cases) assert.throws(() => loadConfig(env), message, JSON.stringify(env));
});

test('SMS_USERS_FILE gives the users and their workspaces', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sms-users-'));
  const good = join(dir, 'users.json');
  await writeFile(good, JSON.stringify([{ token: 'tk-1', userId: 'u1', name: 'Una', workspaceId: 'w1' }, { token: 'tk-2', userId: 'u2', name: 'Dos', workspaceId: 'w1' }]));
  const directory = directoryFromUsers(await readUsersFile(good));
  assert.deepEqual(directory.workspaces, [{ id: 'w1', name: 'w1' }]);
  assert.deepEqual(directory.users.map((u) => [u.id, u.token, u.workspaceId]), [['u1', 'tk-1', 'w1'], ['u2', 'tk-2', 'w1']]);
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify([{ token: '', userId: 'u1' }]));
  await assert.rejects(readUsersFile(bad), /JSON list/);
});
