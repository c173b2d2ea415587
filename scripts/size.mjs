// `npm run size` (and the end of `npm run build`): the size of everything a page loads (every element, the
// HTTP adapter, the rules and the phone metadata) as one minified bundle, against the budget, with where the
// bytes go. Each output byte is attributed to its source through the bundle's source map; a group's gzip
// figure is its own code gzipped alone, scaled so the groups add up to the real total (an estimate: gzip
// shares its dictionary across groups).
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplates } from './minify-templates.mjs';

export const BUDGET_KB = 40;
/** `npm run size -- --files`: by source file rather than by package or folder. */
const BY_FILE = process.argv.includes('--files');

const ENTRY = [
  "import './src/define.ts';",
  "export { HttpBackend, getBackend } from './src/backend/http-backend.ts';",
  "export * from './src/rules/index.ts';",
].join('\n');

/** The group a source belongs to: its npm package (lit's own packages as one), or its folder under src/. */
export function groupOf(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (BY_FILE) return modules === -1 ? source.slice(source.indexOf('src/')) : source.slice(modules + 'node_modules/'.length);
  if (modules !== -1) {
    const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
    const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
    return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg) ? 'lit' : pkg;
  }
  const src = source.indexOf('src/');
  if (src === -1) return '(entry)';
  const parts = source.slice(src).split('/').slice(0, -1);
  // Elements by folder; generated metadata apart from the rules' own code.
  return parts.slice(0, parts[1] === 'elements' || parts[2] === 'generated' ? 3 : 2).join('/');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source-map `mappings` as [line, column, source index] triples, columns in UTF-16 units. */
function* decodeMappings(mappings) {
  let source = 0;
  let line = 0;
  for (const group of mappings.split(';')) {
    let column = 0;
    for (const segment of group.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        yield [line, column, source];
      }
    }
    line += 1;
  }
}

/** The bundle's code split into the text each group contributed (code no mapping names goes to `(runtime)`). */
function attribute(code, map) {
  const lines = code.split('\n');
  const texts = new Map();
  const add = (group, text) => texts.set(group, (texts.get(group) ?? '') + text);
  let cursor = [0, 0, '(runtime)'];
  const flush = (line, column) => {
    const [fromLine, fromColumn, group] = cursor;
    for (let l = fromLine; l <= line && l < lines.length; l += 1) {
      const text = lines[l];
      add(group, text.slice(l === fromLine ? fromColumn : 0, l === line ? column : text.length) + (l === line ? '' : '\n'));
    }
  };
  for (const [line, column, source] of decodeMappings(map.mappings)) {
    flush(line, column);
    cursor = [line, column, groupOf(map.sources[source])];
  }
  flush(lines.length - 1, lines.at(-1).length);
  return texts;
}

/** Builds the page bundle and measures it: total bytes and the estimated share of each group. */
export async function measureBundle() {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    tsconfig: 'tsconfig.json',
    write: false,
    outfile: 'bundle.js',
    sourcemap: 'external',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    plugins: [
      {
        name: 'minify-templates',
        setup: (bundle) =>
          bundle.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => ({
            contents: minifyTemplates(await readFile(path, 'utf8'), path),
            loader: 'ts',
          })),
      },
    ],
  });
  const file = (ext) => result.outputFiles.find((output) => output.path.endsWith(ext)).text;
  const code = file('.js');
  const bytes = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  const texts = attribute(code, JSON.parse(file('.js.map')));
  const alone = new Map([...texts].map(([group, text]) => [group, gzipSync(text, { level: 9 }).length]));
  const scale = gzip / [...alone.values()].reduce((sum, n) => sum + n, 0);
  const groups = [...texts]
    .map(([group, text]) => ({ group, bytes: Buffer.byteLength(text), gzip: alone.get(group) * scale }))
    .sort((a, b) => b.gzip - a.gzip);
  return { bytes, gzip, groups };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

export async function printSize() {
  const { bytes, gzip, groups } = await measureBundle();
  console.log(`\n# size: every element + HttpBackend + rules + phone metadata, one bundle`);
  // A figure to watch, not a gate: the build still succeeds when over.
  console.log(`${kb(bytes)} KB min, ${kb(gzip)} KB min+gzip (budget ${BUDGET_KB} KB): ${gzip <= BUDGET_KB * 1024 ? 'within' : 'over'}`);
  const width = Math.max(...groups.map(({ group }) => group.length)) + 2;
  console.log(`\n${'where the bytes go'.padEnd(width)}${'KB min'.padStart(8)}${'KB gzip (est.)'.padStart(16)}`);
  for (const { group, bytes: min, gzip: gz } of groups) {
    console.log(`${group.padEnd(width)}${kb(min).padStart(8)}${kb(gz).padStart(16)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await printSize();
