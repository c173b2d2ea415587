// `npm start`: builds the demo page, then serves it from the server stub (simulator, embedded database, seed)
// in one process and prints the URL to open. Environment variables are the stub's (README, section server).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = `${root}dist-demo`;

const build = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const stub = spawn(process.execPath, ['--import', 'tsx', `${root}server-stub/main.ts`], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, SMS_STATIC_DIR: demoDir },
});

// The stub announces its address once it listens; that address serves the demo.
createInterface({ input: stub.stdout }).on('line', (line) => {
  console.log(line);
  const url = line.match(/^sms stub listening on (\S+)/)?.[1];
  if (url) console.log(`\nsms-elements demo: ${url}/\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stub.kill(signal));
stub.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
