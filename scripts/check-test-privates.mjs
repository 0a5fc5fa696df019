// Tests go through the public API, parts, events, the DOM and the canvas; what they cannot see
// that way, test/harness.ts reads, and no other test file reads a private member. This check
// lists every read of a `_name` member in test/**/*.ts(x) outside the harness and exits non-zero
// when there is one: a rename in src/ then breaks the harness alone, and the tests can run against
// the bundle. Usage: node scripts/check-test-privates.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test');

/** The one file allowed to know the insides. */
const HARNESS = 'test/harness.ts';

/**
 * Reads allowed elsewhere, each with its reason: `file` (relative, with /), `text` (a substring of
 * the offending line) and `reason`. Keep this empty unless a read cannot move to the harness.
 */
const ALLOWED = [
  // { file: 'test/example.test.ts', text: 'obj._name', reason: 'why the harness cannot hold it' },
];

/** What is flagged: `in` says whether it is matched on the code with strings blanked, or with them kept. */
const PATTERNS = [
  { re: /(?:\?\.|\.)_[A-Za-z]\w*/g, in: 'code', what: 'a private member read (._name)' },
  { re: /as\s+unknown\s+as\s*\{\s*_/g, in: 'code', what: 'a cast to reach a private member (as unknown as { _name)' },
  { re: /(?:^\s*|\{\s*)_[A-Za-z]\w*\??\s*:/g, in: 'code', what: 'a private member named in a type or taken apart ({ _name: … })' },
  { re: /\[\s*(['"`])_[A-Za-z]\w*\1\s*\]/g, in: 'strings', what: "a private member read by key (['_name'])" },
  {
    re: /\b(?:spy|stub|replace|replaceGetter|replaceSetter)\s*\([^)]*?,\s*(['"`])_[A-Za-z]\w*\1/g,
    in: 'strings',
    what: "a spy or stub on a private member (spy(x, '_name'))",
  },
];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/**
 * A line without its comments, as `strings` (string contents kept) and as `code` (the contents of
 * '…' and "…" blanked, so that words in messages are not flagged). Template literals are kept
 * whole in both: their `${…}` parts are code. `state` carries block comments and template
 * literals from line to line.
 */
function split(line, state) {
  let code = '';
  let strings = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (state.comment) {
      if (c === '*' && line[i + 1] === '/') (state.comment = false), i++;
      continue;
    }
    if (state.quote) {
      if (c === '\\') {
        code += state.quote === '`' ? c + (line[i + 1] ?? '') : '  ';
        strings += c + (line[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === state.quote) state.quote = null;
      code += state.quote === "'" || state.quote === '"' ? ' ' : c;
      strings += c;
      continue;
    }
    if (c === '/' && line[i + 1] === '/') break;
    if (c === '/' && line[i + 1] === '*') {
      state.comment = true;
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') state.quote = c;
    code += c;
    strings += c;
  }
  // A template literal may span lines; a plain string may not.
  if (state.quote && state.quote !== '`') state.quote = null;
  return { code, strings };
}

const offenders = [];
const used = new Set();
for (const path of files(testDir)) {
  const file = relative(root, path).split(sep).join('/');
  if (file === HARNESS) continue;
  const state = { comment: false, quote: null };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const parts = split(line, state);
      for (const { re, in: where, what } of PATTERNS) {
        for (const match of parts[where].matchAll(re)) {
          const allowed = ALLOWED.find((a) => a.file === file && line.includes(a.text));
          if (allowed) {
            used.add(allowed);
            continue;
          }
          offenders.push(`${file}:${index + 1}: ${what}: ${match[0].trim()}\n    ${line.trim()}`);
        }
      }
    });
}

for (const stale of ALLOWED.filter((a) => !used.has(a))) {
  offenders.push(`${stale.file}: the allowed read "${stale.text}" is no longer there: remove it from ALLOWED in scripts/check-test-privates.mjs`);
}

if (offenders.length) {
  console.error(`Tests read private members outside ${HARNESS} (add a function there, or use the public API):\n`);
  console.error(offenders.join('\n'));
  process.exit(1);
}
console.log(`check-test-privates: no private reads outside ${HARNESS}.`);
