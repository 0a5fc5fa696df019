// The README's API tables, made from custom-elements.json (itself made from the JSDoc in src/).
//   node scripts/api-table.mjs --write   rewrites the tables between the markers in README.md
//   node scripts/api-table.mjs --check   exits non-zero if README.md differs from the manifest
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start (generated from custom-elements.json by `npm run docs`) -->';
const END = '<!-- api:end -->';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'data-feed');
if (!element) throw new Error('custom-elements.json declares no <data-feed>: run `npm run analyze`');

const cell = (text = '') => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const publicMembers = (element.members ?? []).filter((m) => !m.privacy || m.privacy === 'public');
const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));

const methods = new Map();
for (const m of publicMembers.filter((m) => m.kind === 'method' && !m.static)) {
  // Overloads appear once each: keep the first, documented one.
  if (!methods.has(m.name)) methods.set(m.name, m);
}

const sections = [
  '### Attributes and properties',
  table(
    ['attribute', 'property', 'type', 'default', 'description'],
    (element.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]),
  ),
  '### Properties only',
  table(
    ['property', 'type', 'default', 'description'],
    publicMembers
      .filter((m) => m.kind === 'field' && !attributeFields.has(m.name) && !m.static)
      .map((m) => [code(m.name), code(m.type?.text), code(m.default), cell((m.readonly ? 'Read-only. ' : '') + (m.description ?? ''))]),
  ),
  '### Methods',
  table(
    ['method', 'description'],
    [...methods.values()].map((m) => [
      code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')}): ${m.return?.type?.text ?? 'void'}`),
      cell(m.description),
    ]),
  ),
  '### Events',
  table(
    ['event', 'type', 'description'],
    (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
  ),
  '### Shadow parts',
  table(['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
  '### CSS custom properties',
  table(
    ['property', 'default', 'description'],
    (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
  ),
];
const generated = `${START}\n\n${sections.join('\n\n')}\n\n${END}`;

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < 0) throw new Error('README.md has no API markers');
const current = readme.slice(from, to + END.length);

if (process.argv.includes('--write')) {
  writeFileSync(readmeUrl, readme.slice(0, from) + generated + readme.slice(to + END.length));
  console.log('README.md: API tables written from custom-elements.json');
} else if (current !== generated) {
  console.error('README.md: the API tables differ from custom-elements.json. Run `npm run docs` and commit README.md.');
  process.exit(1);
} else {
  console.log('README.md: API tables match custom-elements.json');
}
