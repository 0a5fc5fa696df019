// Checks that the framework types shipped in dist/ (data-feed/react, data-feed/vue) name the same
// settable properties and events as custom-elements.json, both being made from src/ by `npm run build`.
// The types derive their names from the DataFeed class and DataFeedEventMap; this catches a derivation
// that lets a method or read-only property in, leaves a property out, or an event map that differs from
// the element's @fires.
//   node scripts/check-framework-types.mjs   exits non-zero on a difference
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const dist = (file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'data-feed');
if (!element) throw new Error('custom-elements.json declares no <data-feed>: run `npm run build`');

const fromManifest = {
  properties: (element.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (!m.privacy || m.privacy === 'public'))
    .map((m) => m.name),
  events: (element.events ?? []).map((e) => e.name),
};

const program = ts.createProgram([dist('frameworks/props.d.ts')], {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

/** The string literals of the union an exported type alias of `file` stands for. */
function literals(file, name) {
  const source = program.getSourceFile(file);
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no ${name}`);
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return (type.isUnion() ? type.types : [type]).map((t) => {
    if (!t.isStringLiteral()) throw new Error(`${name} has a member that is not a string literal: ${checker.typeToString(t)}`);
    return t.value;
  });
}

const fromTypes = {
  properties: literals(dist('frameworks/props.d.ts'), 'DataFeedPropertyName'),
  events: literals(dist('events.d.ts'), 'DataFeedEventName'),
};

let failed = false;
for (const kind of ['properties', 'events']) {
  const types = new Set(fromTypes[kind]);
  const listed = new Set(fromManifest[kind]);
  const missing = [...listed].filter((name) => !types.has(name));
  const extra = [...types].filter((name) => !listed.has(name));
  if (missing.length || extra.length) {
    failed = true;
    if (missing.length) console.error(`Framework types lack ${kind} the manifest lists: ${missing.join(', ')}`);
    if (extra.length) console.error(`Framework types have ${kind} the manifest does not list: ${extra.join(', ')}`);
  }
}
if (failed) {
  console.error('The types come from src/frameworks/props.ts (properties) and src/events.ts (events).');
  process.exit(1);
}
console.log(
  `Framework types match custom-elements.json: ${fromTypes.properties.length} properties, ${fromTypes.events.length} events.`,
);
