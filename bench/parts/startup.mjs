// Part 3: warm start-up: the renderer's CPU time from creating a chart with 100 points to the
// rendered frame that shows its lines, in a page that has made such charts before. The variants
// take turns; 'null' is the wait for a frame alone.
import { cpuMeter, openPage } from '../browser.mjs';
import { median, quartiles, rotation } from '../stats.mjs';

export const VARIANTS = ['null', 'element', 'element-no-controls', 'uplot'];

/** `options`: { warmup, rounds }. */
export async function runStartup(browser, url, { warmup, rounds }, log) {
  const page = await openPage(browser, url, 'startup');
  const cpu = await cpuMeter(page);
  try {
    await page.evaluate(() => bench.calibrate());
    const verify = {};
    for (const v of VARIANTS.filter((v) => v !== 'null')) verify[v] = await page.evaluate((v) => bench.verify(v), v);
    const ms = Object.fromEntries(VARIANTS.map((v) => [v, []]));
    const sizes = new Set();
    for (let r = 0; r < warmup + rounds; r++) {
      for (const v of rotation(VARIANTS, r)) {
        const m = await cpu.measure(() => page.evaluate((v) => bench.create(v), v));
        const size = await page.evaluate(() => bench.remove());
        if (v !== 'null') sizes.add(size);
        if (r >= warmup) ms[v].push(m.thread);
      }
    }
    const ratios = {
      element: ms.element.map((x, i) => x / ms.uplot[i]),
      'element-no-controls': ms['element-no-controls'].map((x, i) => x / ms.uplot[i]),
    };
    const result = {
      rounds,
      ms: Object.fromEntries(VARIANTS.map((v) => [v, median(ms[v])])),
      iqr: Object.fromEntries(VARIANTS.map((v) => [v, quartiles(ms[v])])),
      ratio: Object.fromEntries(Object.entries(ratios).map(([v, list]) => [v, median(list)])),
      sizes: [...sizes],
      verify,
    };
    result.drawn = sizes.size === 1 && Object.values(verify).every((c) => c.inside > 0 && c.after === 0);
    log(`  ${VARIANTS.map((v) => `${v} ${result.ms[v].toFixed(2)} ms`).join(', ')}; element/uplot ${result.ratio.element.toFixed(2)}×; canvases ${[...sizes].join(', ')}; series strokes in the span / after: ${Object.entries(verify).map(([v, c]) => `${v} ${c.inside}/${c.after}`).join(', ')}`);
    return result;
  } finally {
    await cpu.detach();
    await page.close();
  }
}
