// Part 4: start-up, from creating a chart to its first frame rasterized, with 100 points.
// "cold": the first chart of a freshly loaded page (one page per sample, variants alternating);
// "warm": further charts in the same page, variants interleaved.
import { openPage } from '../browser.mjs';
import { median, rotation } from '../stats.mjs';

export const VARIANTS = ['element', 'element-no-controls', 'uplot'];

/** `options`: { pages, warmPerPage }. */
export async function runStartup(browser, url, { pages, warmPerPage }, log) {
  const cold = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  const warm = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  let widths;
  let verify;
  {
    const page = await openPage(browser, url, 'startup');
    widths = await page.evaluate(() => bench.calibrate());
    verify = {};
    for (const v of VARIANTS) verify[v] = await page.evaluate((v, w) => bench.verify(v, w), v, widths[v] ?? 0);
    await page.close();
  }
  for (let p = 0; p < pages; p++) {
    for (const variant of rotation(VARIANTS, p)) {
      const page = await openPage(browser, url, 'startup');
      try {
        cold[variant].push(await page.evaluate((v, w) => bench.once(v, w), variant, widths[variant] ?? 0));
        for (let i = 0; i < warmPerPage; i++) {
          for (const v of rotation(VARIANTS, i)) warm[v].push(await page.evaluate((v, w) => bench.once(v, w), v, widths[v] ?? 0));
        }
      } finally {
        await page.close();
      }
    }
  }
  const result = { pages, cold: {}, warm: {}, n: { cold: cold.element.length, warm: warm.element.length }, verify };
  for (const v of VARIANTS) {
    result.cold[v] = median(cold[v]);
    result.warm[v] = median(warm[v]);
  }
  result.ratio = { cold: result.cold.element / result.cold.uplot, warm: result.warm.element / result.warm.uplot };
  result.drawn = Object.values(verify).every((c) => c.inside > 0 && c.after === 0);
  log(
    '  ' +
      VARIANTS.map((v) => `${v} cold ${result.cold[v].toFixed(2)} ms, warm ${result.warm[v].toFixed(2)} ms`).join('; '),
  );
  return result;
}
