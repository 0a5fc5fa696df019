// Part 1: main-thread CPU per update on the streaming path, at each capacity.
// Refresh-driven variants: `batch` updates, each followed by a rendered frame, between two reads
// of the renderer's CPU time. Timer-driven variants: started, then `ticks` updates of their own
// schedule between the two reads, then stopped. Within each round every variant takes one turn,
// in an order that rotates from round to round.
import { cpuMeter, fitViewport, openPage } from '../browser.mjs';
import { median, quartiles, rotation } from '../stats.mjs';
import { forcedStyleLayout, traceMain } from '../trace.mjs';

/** `null` is the frame alone: the same wait for a rendered frame with no update. */
export const REFRESH = ['null', 'element', 'element-table', 'element-zoomed', 'uplot', 'uplot-look'];
export const TICKS = ['element-ticks', 'uplot-ticks'];
/** Per-round ratios reported: [key, numerator, denominator]. */
export const RATIOS = [
  ['element/uplot', 'element', 'uplot'],
  ['element/uplot-look', 'element', 'uplot-look'],
  ['uplot-look/uplot', 'uplot-look', 'uplot'],
  ['element-table/element', 'element-table', 'element'],
  ['element-zoomed/uplot', 'element-zoomed', 'uplot'],
  ['element-ticks/uplot-ticks', 'element-ticks', 'uplot-ticks'],
];
/** Updates traced per variant for the forced style and layout count. */
const TRACED = 4;

/**
 * `plan`: [{ capacity, rounds, warmup, batch, ticks, intervalMs }]. Resolves to one row per
 * capacity: medians of ms per update and of the per-round ratios, the checks, the forced count.
 */
export async function runUpdate(browser, url, plan, log) {
  const rows = [];
  for (const step of plan) {
    // A fresh page per capacity: the last one's heap and charts do not weigh on this one.
    const page = await openPage(browser, url, 'update');
    const cpu = await cpuMeter(page);
    try {
      rows.push(await runCapacity(page, cpu, step, log));
    } finally {
      await cpu.detach();
      await page.close();
    }
  }
  return rows;
}

async function runCapacity(page, cpu, { capacity, rounds, warmup, batch, ticks, intervalMs }, log) {
  const started = Date.now();
  const look = await page.evaluate((c, names) => bench.setup(c, names), capacity, [...REFRESH, ...TICKS]);
  await fitViewport(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

  const verify = {};
  for (const v of [...REFRESH, ...TICKS]) {
    if (v !== 'null') verify[v] = await page.evaluate((v, i) => bench.verify(v, i), v, intervalMs);
  }

  const forced = {};
  for (const v of REFRESH) {
    const { events } = await traceMain(page, () => page.evaluate((v, n) => bench.updates(v, n), v, TRACED));
    forced[v] = forcedStyleLayout(events);
  }
  for (const v of TICKS) {
    await page.evaluate((v, i) => bench.startTicks(v, i), v, intervalMs);
    const { events } = await traceMain(page, () => page.evaluate((v, n) => bench.waitTicks(v, n), v, TRACED));
    await page.evaluate((v) => bench.stopTicks(v), v);
    forced[v] = forcedStyleLayout(events);
  }
  for (const f of Object.values(forced)) f.perUpdate = f.count / TRACED;

  const ms = Object.fromEntries([...REFRESH, ...TICKS].map((v) => [v, []]));
  const wall = Object.fromEntries(TICKS.map((v) => [v, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    const round = {};
    for (const v of rotation(REFRESH, r)) {
      const m = await cpu.measure(() => page.evaluate((v, n) => bench.updates(v, n), v, batch));
      round[v] = m.thread / batch;
    }
    for (const v of rotation(TICKS, r)) {
      await page.evaluate((v, i) => bench.startTicks(v, i), v, intervalMs);
      const m = await cpu.measure(() => page.evaluate((v, n) => bench.waitTicks(v, n), v, ticks));
      await page.evaluate((v) => bench.stopTicks(v), v);
      round[v] = m.thread / ticks;
      if (r >= warmup) wall[v].push(m.value / ticks);
    }
    if (r >= warmup) for (const [v, x] of Object.entries(round)) ms[v].push(x);
  }

  const row = {
    capacity,
    rounds,
    batch,
    ticks,
    intervalMs,
    look,
    ms: mapValues(ms, median),
    iqr: mapValues(ms, quartiles),
    tickWallMs: mapValues(wall, median),
    ratio: {},
    ratioIqr: {},
    verify,
    forced,
  };
  for (const [key, a, b] of RATIOS) {
    const perRound = ms[a].map((x, i) => x / ms[b][i]);
    row.ratio[key] = median(perRound);
    row.ratioIqr[key] = quartiles(perRound);
  }
  row.drawn = Object.values(verify).every((c) => c.strokesInside > 0 && c.strokesAfter === 0);
  row.fed = Object.values(verify).every((c) => !c.sinceMismatches && !c.updatesNotAddingTwo && !c.sizeNotCapacity);
  log(
    `  capacity ${capacity.toLocaleString('en')}: ` +
      [...REFRESH, ...TICKS].map((v) => `${v} ${row.ms[v].toFixed(2)}`).join(', ') +
      ` ms; element/uplot ${row.ratio['element/uplot'].toFixed(2)}×, ticks ${row.ratio['element-ticks/uplot-ticks'].toFixed(2)}×` +
      `; forced style/layout per update: ${[...REFRESH, ...TICKS].map((v) => `${v} ${forced[v].perUpdate}`).join(', ')}` +
      ` — ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!row.drawn || !row.fed) log(`  checks: ${JSON.stringify(verify)}`);
  return row;
}

const mapValues = (object, f) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
