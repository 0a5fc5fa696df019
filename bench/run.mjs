// `npm run bench`: <data-feed> against hand-written uPlot on the paths users take, in headless
// Chromium; the figure is the renderer main thread's CPU time, canvas raster included. Prints the
// tables and writes docs/benchmarks.md.
//
//   node bench/run.mjs                  full run, writes docs/benchmarks.md
//   node bench/run.mjs --smoke          every part at tiny sizes; checks only that numbers come out
//   node bench/run.mjs --only=update,size   some parts (metric, update, many, startup, memory, settings, size); writes nothing
//   node bench/run.mjs --profile [capacity] [variant]   where one variant's update time goes
//                                       (variants: element, element-table, element-zoomed, element-ticks, uplot, uplot-look, uplot-ticks)
//   node bench/run.mjs --profile many [variant] [seconds]   the same for 50 streaming charts
//                                       (variants: element, uplot-timers, uplot-shared)
//   (add --by-self to either: functions by self time, not inclusive time)
//   node bench/run.mjs --rewrite-docs   docs/benchmarks.md again from the last full run's figures
//                                       (kept in the system's temporary folder), e.g. after editing bench/notes.md
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { buildPages, root } from './pages.mjs';
import { runMany } from './parts/many.mjs';
import { runMemory } from './parts/memory.mjs';
import { runMetric } from './parts/metric.mjs';
import { runSettings } from './parts/settings.mjs';
import { runSize } from './parts/size.mjs';
import { runStartup } from './parts/startup.mjs';
import { runUpdate } from './parts/update.mjs';
import { profileMany } from './profile-many.mjs';
import { profileUpdates } from './profile.mjs';
import { consoleReport, markdownReport } from './report.mjs';
import { serve } from './serve.mjs';

const FULL = {
  metric: { draws: 20, points: 5_000 },
  update: [
    { capacity: 100, rounds: 25, warmup: 3, batch: 10, ticks: 5, intervalMs: 100 },
    { capacity: 10_000, rounds: 20, warmup: 2, batch: 8, ticks: 5, intervalMs: 100 },
    { capacity: 100_000, rounds: 15, warmup: 2, batch: 5, ticks: 4, intervalMs: 150 },
    { capacity: 1_000_000, rounds: 10, warmup: 1, batch: 3, ticks: 3, intervalMs: 300 },
  ],
  many: { count: 50, intervalS: 0.5, seconds: 10, settleS: 2, reps: 3, traceS: 2 },
  startup: { warmup: 5, rounds: 40 },
  memory: { first: 200, total: 1_200, warmCycles: 10, cycles: 100 },
  settings: { seeds: [1000, 1001], rounds: 2, changes: 320, warmup: 20, each: 100 },
  size: { build: true },
};

const SMOKE = {
  metric: { draws: 2, points: 1_000 },
  update: [
    { capacity: 100, rounds: 2, warmup: 0, batch: 2, ticks: 2, intervalMs: 50 },
    { capacity: 1_000, rounds: 1, warmup: 0, batch: 1, ticks: 1, intervalMs: 50 },
  ],
  many: { count: 3, intervalS: 0.5, seconds: 1.2, settleS: 0.6, reps: 1, traceS: 0.6 },
  startup: { warmup: 1, rounds: 2 },
  memory: { first: 5, total: 20, warmCycles: 1, cycles: 3 },
  settings: { seeds: [1000], rounds: 1, changes: 12, warmup: 2, each: 3 },
  size: { build: false },
};

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const profile = args.indexOf('--profile');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const config = smoke ? SMOKE : FULL;
/** The last full run's results, machine and duration, for --rewrite-docs. */
const LAST = join(tmpdir(), 'data-feed-bench-last.json');
const DOCS = join(root, 'docs/benchmarks.md');
const log = (message) => console.error(message);

/** Every number in `value` (deeply), to check that a part produced finite ones. */
function numbers(value) {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

/** A part passes when it ran, produced numbers, all finite, and its drawing and data checks held. */
function check(result) {
  const found = numbers(result);
  if (found.length === 0) return 'no numbers';
  if (!found.every(Number.isFinite)) return 'a number is not finite';
  const rows = Array.isArray(result) ? result : [result];
  if (rows.some((row) => row.drawn === false)) return 'the drawing check failed';
  if (rows.some((row) => row.fed === false)) return 'the data check failed';
  return null;
}

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

/** The commit measured, and whether src/ differs from it. */
function sourceState() {
  try {
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** The CPU model as /proc/cpuinfo names it (Node's os.cpus() where there is none). */
async function cpuModel() {
  try {
    const info = await readFile('/proc/cpuinfo', 'utf8');
    return info.match(/^model name\s*:\s*(.+)$/m)?.[1].trim() ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model.trim() ?? 'unknown';
  }
}

function nproc() {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism?.() ?? os.cpus().length;
  }
}

async function runProfile(browser, url) {
  if (args[profile + 1] === 'many') {
    const variant = args[profile + 2] ?? 'element';
    const seconds = Number(args[profile + 3]) || 6;
    const r = await profileMany(browser, url, { ...FULL.many, variant, seconds });
    console.log(`${variant}, ${FULL.many.count} charts, ${r.wall.toFixed(1)} s: busy ${(r.busy * 100).toFixed(1)} % (ThreadTime), ${r.updatesPerS.toFixed(1)} updates/s in ${r.framesPerS.toFixed(1)} frames/s`);
    printTrace(r.trace, r.wall * 1000);
    printFunctions(r.functions, r.wall * 1000);
    return 0;
  }
  const capacity = Number(args[profile + 1]) || 1_000_000;
  const variant = args[profile + 2] ?? 'element';
  const rounds = capacity >= 1e6 ? 10 : capacity >= 1e5 ? 30 : 100;
  const r = await profileUpdates(browser, url, { capacity, variant, rounds });
  console.log(`${variant} at capacity ${capacity.toLocaleString('en')}: ${rounds} updates, ${r.perUpdate.toFixed(2)} ms of CPU per update (profiler and trace running)`);
  printTrace(r.trace, r.trace.tasksThreadMs);
  printFunctions(r.top, r.trace.tasksThreadMs);
  return 0;
}

function printTrace(trace, totalMs) {
  console.log(`main thread, self time per trace event (tasks: ${trace.tasksThreadMs.toFixed(1)} ms of thread time):\n   share  thread ms  wall ms  count  event`);
  for (const e of trace.events) {
    console.log(`${((e.thread / totalMs) * 100).toFixed(1).padStart(6)} %  ${e.thread.toFixed(1).padStart(9)}  ${e.wall.toFixed(1).padStart(7)}  ${String(e.count).padStart(5)}  ${e.name}`);
  }
}

function printFunctions(functions, totalMs) {
  console.log('script, per function (CPU profile):\n   share  total ms  self ms  function');
  for (const f of functions) {
    console.log(`${((f.total / totalMs) * 100).toFixed(1).padStart(6)} %  ${f.total.toFixed(1).padStart(8)}  ${f.self.toFixed(1).padStart(7)}  ${f.name}`);
  }
}

async function main() {
  if (args.includes('--rewrite-docs')) {
    const { results, machine, seconds } = JSON.parse(await readFile(LAST, 'utf8'));
    await writeFile(DOCS, markdownReport(results, machine, seconds));
    console.log(`Wrote ${DOCS} from the run of ${machine.date} (${machine.source})`);
    return 0;
  }
  const started = Date.now();
  const loadStart = os.loadavg();
  const dir = await buildPages();
  const server = await serve(dir);
  let browser = null;
  let noBrowser = null;
  try {
    browser = await launch();
  } catch (error) {
    noBrowser = error;
  }
  /** The browser, or the reason there is none (that part then fails). */
  const needBrowser = () => {
    if (!browser) throw noBrowser;
    return browser;
  };
  try {
    if (profile >= 0) return await runProfile(needBrowser(), server.url);

    const machine = {
      date: new Date().toISOString().slice(0, 10),
      cpu: await cpuModel(),
      nproc: nproc(),
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      browser: browser ? await browser.version() : 'none',
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      source: sourceState(),
      loadStart,
    };
    log(`${smoke ? 'Smoke run' : 'Benchmark'}: ${machine.cpu}, nproc ${machine.nproc}, ${machine.browser}, Node ${machine.node}, source ${machine.source}`);
    log(`load average ${loadStart.map((x) => x.toFixed(2)).join(', ')}`);

    const parts = {
      metric: () => runMetric(needBrowser(), server.url, config.metric, log),
      update: () => runUpdate(needBrowser(), server.url, config.update, log),
      many: () => runMany(needBrowser(), server.url, config.many, log),
      startup: () => runStartup(needBrowser(), server.url, config.startup, log),
      memory: () => runMemory(needBrowser(), server.url, config.memory, log),
      settings: () => runSettings(needBrowser(), server.url, config.settings, log),
      size: () => runSize(config.size, log),
    };
    const results = {};
    const failures = [];
    for (const [name, run] of Object.entries(parts)) {
      if (only && !only.includes(name)) continue;
      const t = Date.now();
      log(`${name}…`);
      try {
        results[name] = await run();
        const problem = check(results[name]);
        if (problem) failures.push(`${name}: ${problem}`);
      } catch (error) {
        failures.push(`${name}: ${error?.message ?? error}`);
        if (error?.stack) log(error.stack);
        delete results[name];
      }
      log(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    const seconds = (Date.now() - started) / 1000;
    machine.loadEnd = os.loadavg();
    log(`load average ${machine.loadStart.map((x) => x.toFixed(2)).join(', ')} at the start, ${machine.loadEnd.map((x) => x.toFixed(2)).join(', ')} at the end, on ${machine.nproc} CPUs`);
    console.log(consoleReport(results));
    console.log(`\nTook ${seconds.toFixed(0)} s.`);
    for (const failure of failures) console.log(`FAILED ${failure}`);
    // A full run writes the figures, but only when every part produced them.
    if (!smoke && !only && failures.length === 0) {
      await mkdir(join(root, 'docs'), { recursive: true });
      await writeFile(DOCS, markdownReport(results, machine, seconds));
      await writeFile(LAST, JSON.stringify({ results, machine, seconds }));
      console.log(`Wrote ${DOCS}`);
    }
    const ran = Object.keys(parts).filter((name) => !only || only.includes(name)).length;
    console.log(`${ran - failures.length} passed, ${failures.length} failed`);
    return failures.length ? 1 : 0;
  } finally {
    await browser?.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  return 1;
});
