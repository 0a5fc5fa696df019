// Where the main thread's time goes with many streaming charts on one page: a Chromium trace
// (main-thread self time per trace event, frames produced) and a CPU profile (script per function).
// Used by `node bench/run.mjs --profile many [variant] [seconds]`.
import { openPage } from './browser.mjs';
import { byFunction } from './profile.mjs';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink',
  'cc',
].join(',');

/**
 * Traces `seconds` of `count` charts of `variant` streaming every `intervalS` seconds, after
 * `settleS` seconds of settling. Resolves to the main thread's self time per event name, the
 * frames it began, the script time per function (CPU profile), and the wall time traced.
 */
export async function profileMany(browser, url, { variant, count = 50, intervalS = 0.5, seconds = 6, settleS = 2 }) {
  const page = await openPage(browser, url, 'many');
  const client = await page.createCDPSession();
  try {
    await page.evaluate((v, c, i) => bench.start(v, c, i), variant, count, intervalS);
    await sleep(settleS * 1000);
    const events = [];
    client.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 100 });
    await client.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await client.send('Profiler.start');
    const m0 = await page.metrics();
    await sleep(seconds * 1000);
    const m1 = await page.metrics();
    const { profile } = await client.send('Profiler.stop');
    await client.send('Tracing.end');
    await done;
    await page.evaluate(() => bench.stop());
    const wall = m1.Timestamp - m0.Timestamp;
    return {
      wall,
      busy: (m1.TaskDuration - m0.TaskDuration) / wall,
      script: (m1.ScriptDuration - m0.ScriptDuration) / wall,
      ...mainThread(events),
      functions: byFunction(profile),
    };
  } finally {
    await client.detach();
    await page.close();
  }
}

/** Self time (ms) per event name on the renderer's main thread, and counts of frame events. */
function mainThread(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  // B/E pairs become complete events.
  const complete = [];
  const open = [];
  for (const e of mine) {
    if (e.ph === 'X' && e.dur !== undefined) complete.push({ name: e.name, ts: e.ts, dur: e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) complete.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const count = new Map();
  const stack = [];
  let top = 0;
  for (const e of complete) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') top += e.dur;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
    stack.push(e);
  }
  const events_ = [...self.entries()]
    .map(([name, us]) => ({ name, self: us / 1000, count: count.get(name) }))
    .filter((e) => e.self > 0.5)
    .sort((a, b) => b.self - a.self)
    .slice(0, 25);
  return { tasksMs: top / 1000, events: events_ };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
