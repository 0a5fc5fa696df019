// Where one variant's update time goes: a CDP CPU profile (script per function) and a trace
// (main-thread self time per event, canvas raster included), over updates on the streaming path.
// Used by `node bench/run.mjs --profile [capacity] [variant]`.
import { cpuMeter, fitViewport, openPage } from './browser.mjs';
import { TICKS } from './parts/update.mjs';
import { selfTimes, traceMain } from './trace.mjs';

/**
 * Profiles `rounds` updates of `variant` (a name of parts/update.mjs) at `capacity`. Resolves to
 * the CPU ms per update (the benchmark's measure, here with the profiler's overhead in it), the
 * trace's self time per event and the profile's time per function.
 */
export async function profileUpdates(browser, url, { capacity, variant, rounds, intervalMs = 100 }) {
  const page = await openPage(browser, url, 'update');
  const cpu = await cpuMeter(page);
  const client = await page.createCDPSession();
  const ticking = TICKS.includes(variant);
  try {
    // The look of 'uplot-look' is read from an element.
    const names = variant === 'uplot-look' ? ['element', variant] : [variant];
    await page.evaluate((c, n) => bench.setup(c, n), capacity, names);
    await fitViewport(page);
    const run = ticking
      ? async (n) => {
          await page.evaluate((v, i) => bench.startTicks(v, i), variant, intervalMs);
          const m = await cpu.measure(() => page.evaluate((v, n) => bench.waitTicks(v, n), variant, n));
          await page.evaluate((v) => bench.stopTicks(v), variant);
          return m;
        }
      : (n) => cpu.measure(() => page.evaluate((v, n) => bench.updates(v, n), variant, n));
    await run(3);
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 50 });
    await client.send('Profiler.start');
    const { events, result: m } = await traceMain(page, () => run(rounds));
    const { profile } = await client.send('Profiler.stop');
    return { perUpdate: m.thread / rounds, trace: selfTimes(events), top: byFunction(profile) };
  } finally {
    await client.detach();
    await cpu.detach();
    await page.close();
  }
}

/** Script time per function: the 30 with the most inclusive time, or with `--by-self`, the most self time. */
export function byFunction(profile, bySelf = process.argv.includes('--by-self')) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, { ...node, self: 0 }]));
  for (let i = 0; i < profile.samples.length; i++) nodes.get(profile.samples[i]).self += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const parent = new Map();
  for (const node of nodes.values()) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = ({ callFrame: { functionName, url, lineNumber } }) => {
    const file = url ? url.split('/').pop() : '';
    return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
  };
  const stats = new Map();
  const stat = (key) => stats.get(key) ?? stats.set(key, { name: key, self: 0, total: 0 }).get(key);
  let all = 0;
  for (const node of nodes.values()) {
    if (node.self === 0) continue;
    all += node.self;
    stat(keyOf(node)).self += node.self;
    // Inclusive: credit each distinct function on the stack once.
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(nodes.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      stat(key).total += node.self;
    }
  }
  return [...stats.values()]
    .filter((s) => !['(root)', '(program)', '(idle)'].includes(s.name))
    .sort((a, b) => (bySelf ? b.self - a.self : b.total - a.total))
    .slice(0, 30)
    .map((s) => ({ ...s, share: s.total / all }));
}
