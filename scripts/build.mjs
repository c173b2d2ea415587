// `npm run build`: the library (vite, lib mode), its type declarations, custom-elements.json, and the size of
// everything a page loads (all elements, the HTTP adapter, the rules and phone metadata) against the budget.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_KB = 40;

const step = (label, command, args) => {
  console.log(`\n# ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

step('library', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'lib']);
step('type declarations', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
step('custom-elements.json', 'npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);

const bundle = await build({
  stdin: {
    contents: [
      "import './src/define.ts';",
      "export { HttpBackend, getBackend } from './src/backend/http-backend.ts';",
      "export * from './src/rules/index.ts';",
    ].join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  tsconfig: 'tsconfig.json',
  write: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
});
const code = bundle.outputFiles[0].contents;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const gzipped = gzipSync(code, { level: 9 }).length;
console.log(`\n# size: every element + HttpBackend + rules + phone metadata, one bundle`);
// A figure to watch, not a gate: the build still succeeds when over.
console.log(`${kb(code.length)} KB min, ${kb(gzipped)} KB min+gzip (budget ${BUDGET_KB} KB): ${gzipped <= BUDGET_KB * 1024 ? 'within' : 'over'}`);
