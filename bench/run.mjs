// `npm run bench`: the benchmark of <data-feed> against hand-written uPlot and tuned Chart.js,
// in headless Chromium. Prints a table and writes docs/benchmarks.md.
//
//   node bench/run.mjs                  full run (~4 min on 2 cores), writes docs/benchmarks.md
//   node bench/run.mjs --smoke          every part at tiny sizes; checks only that numbers come out
//   node bench/run.mjs --only=update,size   some parts; writes nothing
//   node bench/run.mjs --profile [capacity] [variant]   CPU profile of one variant's updates
//   node bench/run.mjs --profile many [variant] [seconds]   trace of 50 streaming charts of one variant
//   (add --by-self to either: functions by self time, not inclusive time)
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { buildPages, root } from './pages.mjs';
import { runMany } from './parts/many.mjs';
import { runMemory } from './parts/memory.mjs';
import { runSize } from './parts/size.mjs';
import { runStartup } from './parts/startup.mjs';
import { runUpdate } from './parts/update.mjs';
import { profileMany } from './profile-many.mjs';
import { profileUpdates } from './profile.mjs';
import { consoleReport, markdownReport } from './report.mjs';
import { serve } from './serve.mjs';

const FULL = {
  update: [
    { capacity: 100, rounds: 300, warmup: 30 },
    { capacity: 10_000, rounds: 100, warmup: 10 },
    { capacity: 100_000, rounds: 40, warmup: 3 },
    { capacity: 1_000_000, rounds: 15, warmup: 2 },
  ],
  many: { count: 50, intervalS: 0.5, seconds: 10, settleS: 2, reps: 3 },
  memory: { first: 1_000, total: 20_000, warmCycles: 10, cycles: 200 },
  startup: { pages: 8, warmPerPage: 5 },
  size: { build: true },
};

const SMOKE = {
  update: [
    { capacity: 100, rounds: 5, warmup: 1 },
    { capacity: 1_000, rounds: 3, warmup: 1 },
  ],
  many: { count: 3, intervalS: 0.5, seconds: 0.6, settleS: 0.2, reps: 1 },
  memory: { first: 10, total: 50, warmCycles: 1, cycles: 5 },
  startup: { pages: 1, warmPerPage: 1 },
  size: { build: false, quick: true },
};

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const profile = args.indexOf('--profile');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const config = smoke ? SMOKE : FULL;
const log = (message) => console.error(message);

/** Every number in `value` (deeply), to check that a part produced finite ones. */
function numbers(value) {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

/** A part passes when it ran, produced numbers, all finite, and its drawing checks held. */
function check(result) {
  const found = numbers(result);
  if (found.length === 0) return 'no numbers';
  if (!found.every(Number.isFinite)) return 'a number is not finite';
  const rows = Array.isArray(result) ? result : [result];
  if (rows.some((row) => row.drawn === false)) return 'the drawing check failed';
  return null;
}

/** The commit measured, and whether src/ differs from it. */
function sourceState() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function main() {
  const started = Date.now();
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
    if (profile >= 0 && args[profile + 1] === 'many') {
      const variant = args[profile + 2] ?? 'element';
      const seconds = Number(args[profile + 3]) || 6;
      const r = await profileMany(needBrowser(), server.url, { ...FULL.many, variant, seconds });
      const pct = (ms) => `${((ms / 1000 / r.wall) * 100).toFixed(2).padStart(5)} %`;
      console.log(`${variant}, ${FULL.many.count} charts, ${r.wall.toFixed(1)} s traced: busy ${(r.busy * 100).toFixed(1)} %, script ${(r.script * 100).toFixed(1)} % (DevTools metrics); tasks in the trace ${pct(r.tasksMs)}`);
      console.log('main thread, self time per trace event:\n   share  self ms  count  event');
      for (const e of r.events) console.log(`${pct(e.self)}  ${e.self.toFixed(1).padStart(7)}  ${String(e.count).padStart(5)}  ${e.name}`);
      console.log('script, per function (CPU profile):\n   share  total ms  self ms  function');
      for (const f of r.functions) console.log(`${pct(f.total)}  ${f.total.toFixed(1).padStart(8)}  ${f.self.toFixed(1).padStart(7)}  ${f.name}`);
      return 0;
    }
    if (profile >= 0) {
      const capacity = Number(args[profile + 1]) || 1_000_000;
      const variant = args[profile + 2] ?? 'element';
      const rounds = capacity >= 1e6 ? 10 : capacity >= 1e5 ? 40 : 400;
      const { times, top } = await profileUpdates(needBrowser(), server.url, { capacity, variant, rounds });
      const median = [...times].sort((a, b) => a - b)[times.length >> 1];
      console.log(`${variant} at capacity ${capacity.toLocaleString('en')}: ${times.length} updates, median ${median.toFixed(2)} ms`);
      console.log('total ms  share  self ms  function');
      for (const { name, total, self, share } of top) {
        console.log(`${total.toFixed(1).padStart(8)}  ${(share * 100).toFixed(1).padStart(4)} %  ${self.toFixed(1).padStart(7)}  ${name}`);
      }
      return 0;
    }

    const machine = {
      date: new Date().toISOString().slice(0, 10),
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      browser: browser ? await browser.version() : 'none',
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      source: sourceState(),
      loadStart: os.loadavg()[0],
    };
    log(`${smoke ? 'Smoke run' : 'Benchmark'}: ${machine.cpu} × ${machine.cores}, ${machine.browser}, Node ${machine.node}`);

    const parts = {
      update: () => runUpdate(needBrowser(), server.url, config.update, log),
      many: () => runMany(needBrowser(), server.url, config.many, log),
      memory: () => runMemory(needBrowser(), server.url, config.memory, log),
      startup: () => runStartup(needBrowser(), server.url, config.startup, log),
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
    machine.loadEnd = os.loadavg()[0];
    log(`load average (1 min): ${machine.loadStart.toFixed(1)} at the start, ${machine.loadEnd.toFixed(1)} at the end, on ${machine.cores} cores`);
    console.log(consoleReport(results));
    console.log(`\nTook ${seconds.toFixed(0)} s.`);
    for (const failure of failures) console.log(`FAILED ${failure}`);
    // A full run writes the figures, but only when every part produced them.
    if (!smoke && !only && failures.length === 0) {
      const file = join(root, 'docs/benchmarks.md');
      await mkdir(join(root, 'docs'), { recursive: true });
      await writeFile(file, markdownReport(results, machine, seconds));
      console.log(`Wrote ${file}`);
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
