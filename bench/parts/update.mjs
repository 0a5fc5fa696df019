// Part 1: time per update (append 2 points, trim, draw) at each capacity, variants interleaved.
import { openPage } from '../browser.mjs';
import { median, quartiles, rotation } from '../stats.mjs';

export const VARIANTS = ['element', 'uplot', 'chartjs'];

/**
 * `plan`: [{ capacity, rounds, warmup }]. Resolves to one row per capacity: the median total
 * (until rasterized) and script (until the draw calls are made) per variant, and the drawing check.
 */
export async function runUpdate(browser, url, plan, log) {
  const page = await openPage(browser, url, 'update');
  try {
    if (!(await page.evaluate(() => bench.crossOriginIsolated))) log('warning: page not cross-origin isolated; timer resolution is 100 µs');
    const rows = [];
    for (const { capacity, rounds, warmup } of plan) {
      const started = Date.now();
      await page.evaluate((c, v) => bench.setup(c, v), capacity, VARIANTS);
      const verify = await page.evaluate((v) => bench.verify(v), VARIANTS);
      for (let r = 0; r < warmup; r++) await page.evaluate((o) => bench.round(o), rotation(VARIANTS, r));
      const total = Object.fromEntries(VARIANTS.map((v) => [v, []]));
      const script = Object.fromEntries(VARIANTS.map((v) => [v, []]));
      for (let r = 0; r < rounds; r++) {
        const times = await page.evaluate((o) => bench.round(o), rotation(VARIANTS, r));
        for (const [name, t] of Object.entries(times)) {
          total[name].push(t.total);
          script[name].push(t.script);
        }
      }
      await page.evaluate(() => bench.teardown());
      const row = summarize(capacity, total, script, verify);
      log(
        `  capacity ${capacity.toLocaleString('en')}: ` +
          VARIANTS.map((v) => `${v} ${row.total[v].toFixed(2)} ms (script ${row.script[v].toFixed(2)})`).join(', ') +
          ` — ${rounds} samples each, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    await page.close();
  }
}

const mapValues = (object, f) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));

function summarize(capacity, total, script, verify) {
  const t = mapValues(total, median);
  const s = mapValues(script, median);
  const drawn = Object.values(verify).every((c) => c.inside > 0 && c.after === 0 && c.pending === 0);
  return {
    capacity,
    n: total.element.length,
    total: t,
    script: s,
    iqr: mapValues(total, quartiles),
    verify,
    drawn,
    ratio: {
      elementVsUplot: t.element / t.uplot,
      chartjsVsElement: t.chartjs / t.element,
      scriptElementVsUplot: s.element / s.uplot,
      scriptChartjsVsElement: s.chartjs / s.element,
    },
  };
}
