// Part 2: fifty charts streaming every 0.5 s on one page: how busy the renderer's main thread is
// (CPU time over wall time), how many frames a second carry their updates, and whether any
// update forces style or layout. One fresh page per run; the variants take turns.
import { cpuMeter, fitViewport, openPage } from '../browser.mjs';
import { median, rotation } from '../stats.mjs';
import { forcedStyleLayout, traceMain } from '../trace.mjs';

/**
 * 'element': fifty `<data-feed interval="0.5">` with their built-in generator, started in one
 * task; 'uplot-timers': fifty hand-written uPlot charts, each with its own setInterval;
 * 'uplot-shared': the same charts, all updated by one shared setInterval.
 */
export const VARIANTS = ['element', 'uplot-timers', 'uplot-shared'];

/** `options`: { count, intervalS, seconds, settleS, reps, traceS }. */
export async function runMany(browser, url, { count, intervalS, seconds, settleS, reps, traceS }, log) {
  const runs = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  const ratios = { timers: [], shared: [] };
  for (let r = 0; r < reps; r++) {
    const rep = {};
    for (const variant of rotation(VARIANTS, r)) {
      const page = await openPage(browser, url, 'many');
      const cpu = await cpuMeter(page);
      try {
        await page.evaluate((v, c, i) => bench.setup(v, c, i), variant, count, intervalS);
        await fitViewport(page);
        await page.evaluate(() => bench.start());
        await sleep(settleS * 1000);
        const c0 = await page.evaluate(() => bench.counts);
        const m = await cpu.measure(() => sleep(seconds * 1000));
        const c1 = await page.evaluate(() => bench.counts);
        const wallS = m.wall / 1000;
        const run = {
          busy: m.thread / m.wall,
          taskBusy: m.task / m.wall,
          updatesPerS: (c1.updates - c0.updates) / wallS,
          framesPerS: (c1.frames - c0.frames) / wallS,
        };
        const traced = await traceMain(page, async () => {
          const before = await page.evaluate(() => bench.counts);
          await sleep(traceS * 1000);
          return (await page.evaluate(() => bench.counts)).updates - before.updates;
        });
        run.forced = forcedStyleLayout(traced.events).count;
        run.forcedPerUpdate = run.forced / Math.max(traced.result, 1);
        await page.evaluate(() => bench.stop());
        runs[variant].push(run);
        rep[variant] = run.busy;
        log(
          `  ${variant}: busy ${pct(run.busy)} (TaskDuration ${pct(run.taskBusy)}), ${run.updatesPerS.toFixed(1)} updates/s ` +
            `in ${run.framesPerS.toFixed(1)} frames/s; forced style/layout ${run.forced} in ${traced.result} updates`,
        );
      } finally {
        await cpu.detach();
        await page.close();
      }
    }
    ratios.timers.push(rep.element / rep['uplot-timers']);
    ratios.shared.push(rep.element / rep['uplot-shared']);
  }
  const pick = (v, key) => median(runs[v].map((run) => run[key]));
  const result = { count, intervalS, seconds, reps, runs, busy: {}, updatesPerS: {}, framesPerS: {}, forcedPerUpdate: {} };
  for (const v of VARIANTS) {
    result.busy[v] = pick(v, 'busy');
    result.updatesPerS[v] = pick(v, 'updatesPerS');
    result.framesPerS[v] = pick(v, 'framesPerS');
    result.forcedPerUpdate[v] = pick(v, 'forcedPerUpdate');
  }
  result.ratio = { timers: median(ratios.timers), shared: median(ratios.shared) };
  result.drawn = VARIANTS.every((v) => result.updatesPerS[v] > 0 && result.framesPerS[v] > 0);
  return result;
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
