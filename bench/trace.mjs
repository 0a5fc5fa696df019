// Chromium traces of a benchmark page: its renderer main thread's events, what they cost, and
// the style and layout work that script forced.

/** What the checks need: tasks, frames, script, style and layout, canvas raster, user timing. */
export const TIMELINE = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'cc',
];

const MARK = 'data-feed-bench-trace';

/**
 * Traces what happens while `fn` runs and returns `{ events, result }`: the complete events
 * (`name`, `ts`, `dur`, `tdur` in µs, `args`) of the page's renderer main thread, oldest first,
 * parents before their children. The thread is the one a `performance.mark` made by the page
 * landed on, so other pages' renderers never count.
 */
export async function traceMain(page, fn, categories = TIMELINE) {
  const client = await page.createCDPSession();
  const raw = [];
  client.on('Tracing.dataCollected', ({ value }) => raw.push(...value));
  const done = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
  await client.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' });
  let result;
  try {
    await page.evaluate((mark) => performance.mark(mark), MARK);
    result = await fn();
  } finally {
    await client.send('Tracing.end');
    await done;
    await client.detach();
  }
  const mark = raw.find((e) => e.name === MARK);
  if (!mark) throw new Error('the trace holds no mark from the page');
  return { events: complete(raw.filter((e) => e.pid === mark.pid && e.tid === mark.tid)), result };
}

/** Begin/end pairs and complete events as complete events, sorted so that a parent precedes its children. */
function complete(events) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) out.push({ name: e.name, ts: e.ts, dur: e.dur, tdur: e.tdur ?? 0, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, tdur: (e.tts ?? 0) - (b.tts ?? 0), args: b.args });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Calls `visit(event, ancestors)` for each event with the events that enclose it, outermost first. */
export function walk(events, visit) {
  const stack = [];
  for (const e of events) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    visit(e, stack);
    stack.push(e);
  }
}

/** Style and layout work, under its names old and new. */
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout']);
/** Events in which script runs: style or layout inside one was forced by that script. */
const SCRIPT = new Set([
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'EvaluateScript',
  'RunMicrotasks',
  'v8.callFunction',
  'v8.run',
  'v8.evaluateModule',
  'V8.Execute',
  'FireIdleCallback',
]);

/**
 * Style recalculations and layouts forced by script: those inside an event where script runs,
 * rather than in a frame's own rendering steps. `{ count, byName, ms, calls }`: `count` events
 * (a read of layout after a style change usually makes two, UpdateLayoutTree then Layout) that
 * took `ms`; `calls` is how many times script asked for style and layout to be brought up to date
 * (Blink's ForcedStyleAndLayout), with work to do or not.
 */
export function forcedStyleLayout(events) {
  const byName = {};
  let count = 0;
  let calls = 0;
  let us = 0;
  walk(events, (e, ancestors) => {
    if (!ancestors.some((a) => SCRIPT.has(a.name))) return;
    if (e.name === 'Blink.ForcedStyleAndLayout.UpdateTime') calls++;
    if (!STYLE_LAYOUT.has(e.name)) return;
    count++;
    us += e.dur;
    byName[e.name] = (byName[e.name] ?? 0) + 1;
  });
  return { count, byName, ms: us / 1000, calls };
}

/** Self time (ms, wall and thread) per event name on the thread, largest first, and top-level task time. */
export function selfTimes(events, limit = 25) {
  const self = new Map();
  let tasks = 0;
  let tasksThread = 0;
  walk(events, (e, ancestors) => {
    const parent = ancestors.at(-1);
    if (parent) {
      const p = self.get(parent.name);
      p.wall -= e.dur;
      p.thread -= e.tdur;
    } else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      tasks += e.dur;
      tasksThread += e.tdur;
    }
    const s = self.get(e.name) ?? { name: e.name, wall: 0, thread: 0, count: 0 };
    s.wall += e.dur;
    s.thread += e.tdur;
    s.count++;
    self.set(e.name, s);
  });
  const list = [...self.values()]
    .map((s) => ({ ...s, wall: s.wall / 1000, thread: s.thread / 1000 }))
    .filter((s) => s.wall > 0.05)
    .sort((a, b) => b.thread - a.thread || b.wall - a.wall)
    .slice(0, limit);
  return { tasksMs: tasks / 1000, tasksThreadMs: tasksThread / 1000, events: list };
}
