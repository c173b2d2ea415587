/**
 * `npm run stub`: the server stub with its database and, without Twilio credentials, the built-in
 * simulator. The only module that listens.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig, readUsersFile } from './config.js';
import { directoryFromUsers, SEED } from './seed.js';
import { openPglite, openPostgres } from './store/db.js';
import { Store } from './store/index.js';
import { createTwilioGateway } from './twilio/client.js';
import { createSimulator } from './twilio/simulator.js';

const listen = (server: ReturnType<typeof createServer>, port: number, host?: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const config = loadConfig();
const store = await Store.open(config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir));
if (config.usersFile) await store.upsertDirectory(directoryFromUsers(await readUsersFile(config.usersFile)));
else if (await store.isEmpty()) await store.upsertDirectory(SEED);

let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
  res.writeHead(503, { 'Retry-After': '1' }).end();
};
const server = createServer((req, res) => handle(req, res));
const port = await listen(server, config.port);
const baseUrl = config.publicBaseUrl ?? `http://localhost:${port}`;

let simulator: ReturnType<typeof createSimulator> | undefined;
let simulatorServer: ReturnType<typeof createServer> | undefined;
let gateway;
if (config.twilio) {
  gateway = createTwilioGateway(config.twilio);
} else {
  const numbers = await store.allNumbers();
  simulator = createSimulator({
    webhookBase: baseUrl,
    delayScale: config.simulatorDelayScale,
    numbers: numbers.map((number) => ({ phoneNumber: number.e164, capabilities: number.capabilities })),
  });
  const running = simulator;
  simulatorServer = createServer((req, res) => running.handler(req, res));
  const simulatorUrl = `http://127.0.0.1:${await listen(simulatorServer, 0, '127.0.0.1')}`;
  simulator.setBaseUrl(simulatorUrl);
  gateway = createTwilioGateway({ accountSid: simulator.accountSid, authToken: simulator.authToken, apiBaseUrl: simulatorUrl });
}

const app = await createApp({
  store,
  gateway,
  publicBaseUrl: baseUrl,
  signingSecret: config.signingSecret,
  allowedOrigins: config.allowedOrigins,
  ...(simulator ? { simulator } : {}),
  ...(config.staticDir ? { staticDir: config.staticDir } : {}),
});
handle = app.handle;
console.log(`sms stub listening on ${baseUrl} (${config.databaseUrl ? 'PostgreSQL' : `PGlite ${config.dataDir}`}, ${simulator ? 'Twilio simulator' : 'Twilio'})`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  await app.close();
  await simulator?.close();
  simulatorServer?.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
