// `npm run bench [name...]`: runs bench/<name>/index.ts for each benchmark (all when none is named).
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

const names = process.argv.slice(2);
const all = readdirSync('bench').filter((name) => existsSync(`bench/${name}/index.ts`));
let status = 0;
for (const name of names.length ? names : all) {
  console.log(`\n# bench/${name}`);
  status ||= spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}/index.ts`], { stdio: 'inherit' }).status ?? 1;
}
process.exit(status);
