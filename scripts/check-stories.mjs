// `npm run test:stories`: builds the static Storybook (and type-checks the stories), then opens
// every story and the Docs page in headless Chromium, served from 127.0.0.1, and checks that
// - each renders <data-feed> elements whose shadow root holds a drawn uPlot canvas;
// - its play function passed (told by the preview's channel, see below);
// - nothing was logged as an error or warning, thrown, or fetched from outside this machine;
// - once unmounted, nothing it started still runs (no timer or frame callback, no data-feed-* event);
// - the Docs tables list every attribute, property, event, part, custom property and method
//   that custom-elements.json names, and nothing private.
// It prints a line per entry, then `N passed, M failed`, and exits non-zero on any failure.
//
//   node scripts/check-stories.mjs [--no-build] [id-filter…]
//
// --no-build reuses storybook-static/ as it is; an id filter keeps the entries whose id contains it.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { assertChromium, chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const filters = args.filter((arg) => !arg.startsWith('--'));

/** How long a story may take to render and play before it counts as failed. */
const STORY_TIMEOUT_MS = 15_000;
/** How long after unmounting a story nothing of it may run. */
const QUIET_AFTER_UNMOUNT_MS = 1_000;

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command quietly; on failure prints what it said and exits. */
function run(command, commandArgs) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code === 0) return resolve(seconds(started));
      process.stdout.write(output);
      console.error(`\n${command} ${commandArgs.join(' ')} failed (exit ${code})`);
      process.exit(1);
    });
  });
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves storybook-static on 127.0.0.1 (a built Storybook does not load from file://). */
function serve() {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    // Chromium asks for one on every page; Storybook has none.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(staticDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(staticDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Runs in the page before Storybook: records the preview's channel events (how a play function's
 * failure is told), timer and frame callbacks, and `data-feed-*` events dispatched.
 */
function instrumentPage() {
  const check = (window.__storyCheck = { events: [], feedEvents: 0 });
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const emit = value.emit.bind(value);
      value.emit = (type, ...rest) => {
        check.events.push({ type, args: rest });
        return emit(type, ...rest);
      };
    },
  });
  // Timer and frame callbacks run, with where they were scheduled: after unmounting there must be none.
  check.ticks = [];
  check.wait = window.setTimeout.bind(window); // the checker's own waiting is not counted
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame']) {
    const schedule = window[name];
    window[name] = function (callback, ...rest) {
      if (typeof callback !== 'function') return schedule.call(window, callback, ...rest);
      const where = new Error().stack.split('\n').slice(2, 4).map((line) => line.trim()).join(' ← ');
      return schedule.call(window, (...a) => (check.ticks.push(`${name} from ${where}`), callback(...a)), ...rest);
    };
  }
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event.type.startsWith('data-feed-')) check.feedEvents++;
    return dispatch.call(this, event);
  };
}

/** Storybook channel events that mean the story or its play function failed. */
const FAILURES = new Set([
  'playFunctionThrewException',
  'storyThrewException',
  'storyErrored',
  'storyMissing',
  'unhandledErrorsWhilePlaying',
]);

const describeArgs = (args) => {
  const first = args[0];
  if (first && typeof first === 'object') return first.message ?? first.title ?? JSON.stringify(first).slice(0, 300);
  return String(first ?? '');
};

/** Checks one index entry in a fresh page; returns the problems found (none: it passed). */
async function check(browser, base, entry, manifestNames) {
  const problems = [];
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === base) return request.continue();
    problems.push(`request to ${url.href} (no network)`);
    return request.abort();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === base) problems.push(`failed to load ${request.url()}`);
  });
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warn') problems.push(`console ${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluateOnNewDocument(instrumentPage);

  try {
    const done = entry.type === 'docs' ? 'docsRendered' : 'storyFinished';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`, { waitUntil: 'load' });
    // Storybook reports the end of every story, passed or failed, with storyFinished.
    await page.waitForFunction((done) => window.__storyCheck.events.some((e) => e.type === done), {
      timeout: STORY_TIMEOUT_MS,
      polling: 100,
    }, done);
    const state = await page.evaluate(inspect, entry.type);
    // A failed play function is told by playFunctionThrewException and an "errored" render phase
    // only: Storybook 10 sets throwPlayFunctionExceptions: false, so the story still "finishes"
    // with status "success" and #storybook-root shows no error display.
    const failures = state.events.filter((event) => FAILURES.has(event.type));
    for (const event of failures) problems.push(`${event.type}: ${describeArgs(event.args)}`);
    const errored = state.events.some((e) => e.type === 'storyRenderPhaseChanged' && e.args[0]?.newPhase === 'errored');
    if (errored && failures.length === 0) problems.push('the story render errored');
    const finished = state.events.find((e) => e.type === done);
    if (entry.type === 'story' && finished.args[0]?.status !== 'success') {
      problems.push(`story finished with status "${finished.args[0]?.status}"`);
    }
    if (state.errorShown) problems.push(`Storybook shows an error: ${state.errorShown}`);
    if (state.feeds.length === 0) problems.push('no <data-feed> rendered');
    state.feeds.forEach((feed, i) => {
      if (!feed.canvasWidth || !feed.boxWidth) {
        problems.push(`<data-feed> #${i + 1} has no drawn chart (canvas ${feed.canvasWidth ?? 'missing'} px wide)`);
      }
    });
    if (entry.type === 'docs') {
      for (const [category, names] of Object.entries(manifestNames)) {
        const shown = new Set(state.docsTables[category] ?? []);
        const missing = names.filter((name) => !shown.has(name));
        if (missing.length) problems.push(`Docs table "${category}" lacks ${missing.join(', ')}`);
      }
      const private_ = Object.values(state.docsTables).flat().filter((name) => name.startsWith('_'));
      if (private_.length) problems.push(`Docs tables show private members: ${private_.join(', ')}`);
    } else {
      const after = await page.evaluate(unmount, QUIET_AFTER_UNMOUNT_MS);
      if (after.events > 0) problems.push(`${after.events} data-feed-* event(s) fired after the story was unmounted`);
      for (const tick of after.ticks) problems.push(`still running after the story was unmounted: ${tick}`);
    }
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  } finally {
    await page.close();
  }
  return problems;
}

/** In the page: what the story rendered and what Storybook said about it. */
function inspect(type) {
  const container = document.querySelector(type === 'docs' ? '#storybook-docs' : '#storybook-root');
  const feeds = [...(container?.querySelectorAll('data-feed') ?? [])].map((feed) => {
    const canvas = feed.shadowRoot?.querySelector('.uplot canvas');
    return { canvasWidth: canvas?.width, boxWidth: canvas?.getBoundingClientRect().width };
  });
  const errorShown = document.body.classList.contains('sb-show-errordisplay')
    ? (document.querySelector('#error-message')?.textContent ?? 'error display').trim().slice(0, 300)
    : '';
  const events = window.__storyCheck.events.map(({ type, args }) => ({
    type,
    args: args.map((arg) => (arg && typeof arg === 'object' ? JSON.parse(JSON.stringify(arg)) : arg)),
  }));
  // The ArgTypes table: a header row per category ("Hide attributes items"), then a row per name.
  const docsTables = {};
  let category = '';
  for (const row of type === 'docs' ? container.querySelectorAll('table tbody tr') : []) {
    const header = row.querySelector('button')?.textContent.match(/^Hide (.+) items$/);
    if (header) category = header[1];
    else if (row.children.length > 1) (docsTables[category] ??= []).push(row.querySelector('td > span')?.textContent.trim());
  }
  return { feeds, errorShown, events, docsTables };
}

/**
 * In the page: unmounts the story as switching stories does, then waits: what still ticks (timer
 * and frame callbacks) or fires `data-feed-*` events was left running.
 */
async function unmount(quietMs) {
  const check = window.__storyCheck;
  await window.__STORYBOOK_PREVIEW__.currentRender.teardown(); // runs the story's cleanup callbacks
  document.querySelector('#storybook-root').innerHTML = ''; // what the next story's render does
  const events = check.feedEvents;
  await new Promise((resolve) => check.wait(resolve, 50)); // let callbacks already due run
  check.ticks = [];
  await new Promise((resolve) => check.wait(resolve, quietMs));
  return { events: check.feedEvents - events, ticks: [...new Set(check.ticks)] };
}

/** The names the Docs tables must show, by table category: all that custom-elements.json lists. */
async function documentedNames() {
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'data-feed');
  const isPublic = (m) => (!m.privacy || m.privacy === 'public') && !m.static && !m.name.startsWith('_');
  const members = (element.members ?? []).filter(isPublic);
  const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
  return {
    properties: members.filter((m) => m.kind === 'field' && !attributeFields.has(m.name)).map((m) => m.name),
    attributes: (element.attributes ?? []).map((a) => a.name),
    events: (element.events ?? []).map((e) => e.name),
    'css shadow parts': (element.cssParts ?? []).map((p) => `::part(${p.name})`),
    'css custom properties': (element.cssProperties ?? []).map((p) => p.name),
    methods: [...new Set(members.filter((m) => m.kind === 'method').map((m) => `${m.name}()`))],
  };
}

async function main() {
  const started = performance.now();
  assertChromium();
  if (build) {
    const [built, typed] = await Promise.all([
      run('npm', ['run', '--silent', 'build-storybook', '--', '--quiet']),
      run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.storybook/tsconfig.json']),
    ]);
    console.log(`Storybook built in ${built}, stories type-checked in ${typed}`);
  }
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
  const entries = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' || entry.type === 'docs')
    .filter((entry) => filters.length === 0 || filters.some((filter) => entry.id.includes(filter)));
  const manifestNames = await documentedNames();

  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  let passed = 0;
  let failed = 0;
  try {
    for (const entry of entries) {
      const storyStarted = performance.now();
      const problems = await check(browser, base, entry, manifestNames);
      const label = `${entry.title} › ${entry.name} (${entry.id})`;
      if (problems.length === 0) {
        passed++;
        console.log(`ok    ${label}  ${seconds(storyStarted)}`);
      } else {
        failed++;
        console.log(`FAIL  ${label}  ${seconds(storyStarted)}`);
        for (const problem of problems) console.log(`        ${problem}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`(${entries.length} entries in ${seconds(started)})`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || entries.length === 0) process.exit(1);
}

await main();
