// Where the main thread's time goes with many streaming charts on one page: a trace (main-thread
// self time per event, canvas raster included) and a CPU profile (script per function).
// Used by `node bench/run.mjs --profile many [variant] [seconds]`.
import { cpuMeter, fitViewport, openPage } from './browser.mjs';
import { byFunction } from './profile.mjs';
import { selfTimes, traceMain } from './trace.mjs';

/**
 * Traces `seconds` of `count` charts of `variant` (a name of parts/many.mjs) streaming every
 * `intervalS` seconds, after `settleS` seconds of settling. Resolves to the busy share (CPU time
 * over wall time), updates and frames per second, the trace's self time per event and the
 * profile's script per function.
 */
export async function profileMany(browser, url, { variant, count = 50, intervalS = 0.5, seconds = 6, settleS = 2 }) {
  const page = await openPage(browser, url, 'many');
  const cpu = await cpuMeter(page);
  const client = await page.createCDPSession();
  try {
    await page.evaluate((v, c, i) => bench.setup(v, c, i), variant, count, intervalS);
    await fitViewport(page);
    await page.evaluate(() => bench.start());
    await sleep(settleS * 1000);
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 100 });
    await client.send('Profiler.start');
    const { events, result } = await traceMain(page, async () => {
      const c0 = await page.evaluate(() => bench.counts);
      const m = await cpu.measure(() => sleep(seconds * 1000));
      const c1 = await page.evaluate(() => bench.counts);
      return { m, updates: c1.updates - c0.updates, frames: c1.frames - c0.frames };
    });
    const { profile } = await client.send('Profiler.stop');
    await page.evaluate(() => bench.stop());
    const wall = result.m.wall / 1000;
    return {
      wall,
      busy: result.m.thread / result.m.wall,
      updatesPerS: result.updates / wall,
      framesPerS: result.frames / wall,
      trace: selfTimes(events),
      functions: byFunction(profile),
    };
  } finally {
    await client.detach();
    await cpu.detach();
    await page.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
