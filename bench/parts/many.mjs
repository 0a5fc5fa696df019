// Part 2: share of main-thread time busy with many streaming charts on one page, from the
// DevTools Performance metrics (TaskDuration over wall time). Variants alternate, one page each.
// 'uplot-in-frame' is the baseline drawing in the next animation frame, as the element does: it
// tells the cost of drawing inside the frame from the cost of the element itself.
import { openPage } from '../browser.mjs';
import { median, rotation } from '../stats.mjs';

export const VARIANTS = ['element', 'uplot', 'uplot-in-frame'];

/** `options`: { count, intervalS, seconds, settleS, reps }. */
export async function runMany(browser, url, { count, intervalS, seconds, settleS, reps }, log) {
  const runs = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let r = 0; r < reps; r++) {
    for (const variant of rotation(VARIANTS, r)) {
      const page = await openPage(browser, url, 'many');
      try {
        await page.evaluate((v, c, i) => bench.start(v, c, i), variant, count, intervalS);
        await sleep(settleS * 1000);
        const m0 = await page.metrics();
        const s0 = await page.evaluate(() => bench.strokes);
        await sleep(seconds * 1000);
        const m1 = await page.metrics();
        const s1 = await page.evaluate(() => bench.strokes);
        await page.evaluate(() => bench.stop());
        const wall = m1.Timestamp - m0.Timestamp;
        const share = (key) => (m1[key] - m0[key]) / wall;
        const run = {
          busy: share('TaskDuration'),
          script: share('ScriptDuration'),
          strokesPerChartPerS: (s1 - s0) / count / wall,
        };
        runs[variant].push(run);
        log(`  ${variant}: busy ${(run.busy * 100).toFixed(1)} % (script ${(run.script * 100).toFixed(1)} %), ${run.strokesPerChartPerS.toFixed(1)} strokes per chart per s`);
      } finally {
        await page.close();
      }
    }
  }
  const pick = (v, key) => median(runs[v].map((run) => run[key]));
  const result = { count, intervalS, seconds, reps, runs, busy: {}, script: {}, strokes: {} };
  for (const v of VARIANTS) {
    result.busy[v] = pick(v, 'busy');
    result.script[v] = pick(v, 'script');
    result.strokes[v] = pick(v, 'strokesPerChartPerS');
  }
  result.ratio = result.busy.element / result.busy.uplot;
  result.ratioInFrame = result.busy.element / result.busy['uplot-in-frame'];
  result.drawn = VARIANTS.every((v) => result.strokes[v] > 0);
  return result;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
