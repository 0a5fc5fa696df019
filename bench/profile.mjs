// CPU profile of the update benchmark: where the time of one variant's updates goes.
// Used by `node bench/run.mjs --profile [capacity] [variant]`.
import { openPage } from './browser.mjs';

/**
 * Self and total (inclusive) time per function (ms) over `rounds` updates of `variant` at
 * `capacity`, largest total first, with the update times measured meanwhile.
 */
export async function profileUpdates(browser, url, { capacity, variant, rounds }) {
  const page = await openPage(browser, url, 'update');
  const client = await page.createCDPSession();
  try {
    await page.evaluate((c, v) => bench.setup(c, [v]), capacity, variant);
    for (let r = 0; r < 3; r++) await page.evaluate((v) => bench.round([v]), variant);
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 50 });
    await client.send('Profiler.start');
    const times = await page.evaluate(async (v, n) => {
      const out = [];
      for (let r = 0; r < n; r++) out.push((await bench.round([v]))[v].total);
      return out;
    }, variant, rounds);
    const { profile } = await client.send('Profiler.stop');
    await page.evaluate(() => bench.teardown());
    return { times, top: byFunction(profile) };
  } finally {
    await client.detach();
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
