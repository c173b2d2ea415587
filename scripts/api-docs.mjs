// Writes the README's element reference (attributes, properties, methods, events, slots, parts, custom
// properties) from custom-elements.json, after regenerating it from the elements' JSDoc.
// `--check` writes nothing and fails when the README is out of date.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const analyzed = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { encoding: 'utf8' });
if (analyzed.status !== 0) {
  process.stderr.write(analyzed.stderr);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (title, head, rows) =>
  rows.length === 0
    ? ''
    : [`**${title}**`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''].join('\n');

const isPublic = (member) => !member.privacy && !member.static && !member.name.startsWith('_');

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const reference = elements.map((element) => {
  const members = (element.members ?? []).filter(isPublic);
  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
  // An attribute backed by a field that is not public (`dir`, which HTMLElement already has as a property) names none.
  const publicField = (name) => (element.members ?? []).some((member) => member.name === name && isPublic(member));
  return [
    `### \`<${element.tagName}>\` (${element.name})\n\n${cell(element.summary ?? element.description)}\n`,
    table('Attributes', ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes.map((a) => [code(a.name), publicField(a.fieldName) ? code(a.fieldName) : '', code(a.type?.text), code(a.default), cell(a.description)])),
    table('Properties', ['Property', 'Type', 'Description'], members.filter((m) => m.kind === 'field' && !attributeFields.has(m.name)).map((m) => [code(m.name), code(m.type?.text), cell(m.description)])),
    table('Methods', ['Method', 'Description'], members.filter((m) => m.kind === 'method').map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)])),
    table('Events', ['Event', 'Description'], (element.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    table('Slots', ['Slot', 'Description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    table('Parts', ['Part', 'Description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table('Custom properties', ['Property', 'Description'], (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
  ].filter(Boolean).join('\n');
});

const begin = '<!-- section:api -->';
const end = '<!-- /section:api -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(begin);
if (rest === undefined) throw new Error(`README.md has no ${begin} marker`);
const after = rest.slice(rest.indexOf(end));
const generated = `${begin}\n## Element reference\n\nGenerated from custom-elements.json by \`npm run docs\`; do not edit by hand.\n\n${reference.join('\n')}\n`;
const updated = before + generated + after;

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md element reference is out of date: run `npm run docs`.');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', updated);
}
