// CPU profile of the update benchmark: where the time of one variant's updates goes.
// Used by `node bench/run.mjs --profile [capacity] [variant]`.
import { openPage } from './browser.mjs';

/** Self time per function (ms) over `rounds` updates of `variant` at `capacity`, largest first. */
export async function profileUpdates(browser, url, { capacity, variant, rounds }) {
  const page = await openPage(browser, url, 'update');
  const client = await page.createCDPSession();
  try {
    await page.evaluate((c, v) => bench.setup(c, [v]), capacity, variant);
    for (let r = 0; r < 3; r++) await page.evaluate((v) => bench.round([v]), variant);
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 100 });
    await client.send('Profiler.start');
    const times = [];
    for (let r = 0; r < rounds; r++) times.push((await page.evaluate((v) => bench.round([v]), variant))[variant].total);
    const { profile } = await client.send('Profiler.stop');
    await page.evaluate(() => bench.teardown());
    return { times, top: selfTimes(profile) };
  } finally {
    await client.detach();
    await page.close();
  }
}

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.split('/').pop() : '';
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([name, ms]) => ({ name, ms, share: ms / total }));
}
