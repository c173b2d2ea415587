// `npm run build`: the library (vite, lib mode), its type declarations, custom-elements.json, and the size of
// everything a page loads (all elements, the HTTP adapter, the rules and phone metadata) against the budget,
// with where the bytes go (scripts/size.mjs, also `npm run size`).
import { spawnSync } from 'node:child_process';
import { printSize } from './size.mjs';

const step = (label, command, args) => {
  console.log(`\n# ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

step('library', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'lib']);
step('type declarations', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
step('custom-elements.json', 'npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);

await printSize();
