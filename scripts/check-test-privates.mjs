// Tests go through the public API, parts, events, the DOM and the canvas; what they cannot see
// that way, test/harness.ts reads, and no other test file reads a private member or looks for a
// node by uPlot's or the element's inner shape. This check lists, in test/**/*.ts(x) outside the
// harness, every read of a `_name` member and every querySelector(All)/closest/matches (and
// getElementsByClassName) whose selector holds a class (`.u-over`) or `canvas`, and exits non-zero
// when there is one: a rename in src/ or in uPlot then breaks the harness alone, and the tests can
// run against the bundle. Parts (`[part~=…]`), tags and attributes stay free. The pages under
// test/fixtures/ run the bundle in frames, without the harness: their selectors are not checked.
// Usage: node scripts/check-test-privates.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test');

/** The one file allowed to know the insides. */
const HARNESS = 'test/harness.ts';

/** Pages loaded in frames against the bundle: plain scripts, no harness. */
const FIXTURES = 'test/fixtures/';

/**
 * Reads and selectors allowed elsewhere, each with its reason: `file` (relative, with /), `text` (a
 * substring of the offending line) and `reason`. Keep this short: what can move to the harness moves.
 */
const ALLOWED = [
  // { file: 'test/example.test.ts', text: 'obj._name', reason: 'why the harness cannot hold it' },
  {
    file: 'test/data-feed.a11y.test.ts',
    text: "document.querySelectorAll('.outside')",
    reason: "the test's own buttons in the page (light DOM), put there to tab in and out of the element",
  },
];

/** Calls that find nodes by a selector, the selector's quote (1) and text (2): kept strings only. */
const SELECTOR_CALL =
  /\b(?:querySelector(?:All)?|closest|matches|getElementsByClassName)\s*(?:<[^>()]*>)?\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;

/** Whether a selector names a class or a canvas (attribute values, as in `[part~="a.b"]`, aside). */
function knowsShape(call, selector) {
  if (call.startsWith('getElementsByClassName')) return true;
  const bare = selector.replace(/\[[^\]]*\]/g, '[]');
  return /\.-?[_A-Za-z]/.test(bare) || /(?:^|[^\w-])canvas(?![\w-])/i.test(bare);
}

/**
 * What is flagged: `in` says whether it is matched on the code with strings blanked, or with them
 * kept; `skip` leaves files out, `when` keeps only some matches.
 */
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
  {
    re: SELECTOR_CALL,
    in: 'strings',
    skip: (file) => file.startsWith(FIXTURES),
    when: (match) => knowsShape(match[0], match[2]),
    what: 'a selector that knows the shadow DOM by a class or canvas (a harness function names that node)',
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
      for (const { re, in: where, what, skip, when } of PATTERNS) {
        if (skip?.(file)) continue;
        for (const match of parts[where].matchAll(re)) {
          if (when && !when(match)) continue;
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
  offenders.push(`${stale.file}: the allowed line "${stale.text}" is no longer there: remove it from ALLOWED in scripts/check-test-privates.mjs`);
}

if (offenders.length) {
  console.error(`Tests read private members or inner nodes outside ${HARNESS} (add a function there, or use the public API and parts):\n`);
  console.error(offenders.join('\n'));
  process.exit(1);
}
console.log(`check-test-privates: no private reads or inner selectors outside ${HARNESS}.`);
