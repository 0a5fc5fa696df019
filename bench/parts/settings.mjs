// Part 6: changes of settings: seeded runs of random property and attribute changes (good and bad
// values) on a streaming chart, a fake clock moved between them, the canvas's drawing stubbed out.
// `<data-feed>` against `minimal-feed` (bench/pages/minimal-feed.ts), the same contract written as
// briefly as it can be. Each variant runs in a fresh page per round, after a warm-up run; every
// round runs the same changes (one sequence per seed), so rounds repeat one scenario.
import { cpuMeter, openPage } from '../browser.mjs';
import { median, quartiles, rotation } from '../stats.mjs';

export const VARIANTS = ['element', 'minimal'];
export const KINDS = ['property', 'attribute'];

/** `options`: { seeds, rounds, changes, warmup, each }: `each` sets of each setting alone, per round. */
export async function runSettings(browser, url, { seeds, rounds, changes, warmup, each }, log) {
  const single = {};
  const cases = seeds.flatMap((seed) => KINDS.map((kind) => `${seed} ${kind}`));
  const runs = Object.fromEntries(cases.map((c) => [c, Object.fromEntries(VARIANTS.map((v) => [v, []]))]));
  for (let r = 0; r < rounds; r++) {
    for (const variant of rotation(VARIANTS, r)) {
      const page = await openPage(browser, url, 'settings');
      const cpu = await cpuMeter(page);
      try {
        await page.evaluate((v, n) => bench.run(v, 'property', 999, n), variant, warmup);
        for (const c of cases) {
          const [seed, kind] = c.split(' ');
          const m = await cpu.measure(() => page.evaluate((v, k, s, n) => bench.run(v, k, s, n), variant, kind, Number(seed), changes));
          runs[c][variant].push({ cpu: m.thread, wall: m.wall, ...m.value });
        }
        for (const name of await page.evaluate(() => bench.settings)) {
          await page.evaluate((v, s, n) => bench.each(v, s, n), variant, name, Math.ceil(each / 10));
          const m = await cpu.measure(() => page.evaluate((v, s, n) => bench.each(v, s, n), variant, name, each));
          ((single[name] ??= {})[variant] ??= []).push(m.thread / each);
        }
      } finally {
        await cpu.detach();
        await page.close();
      }
    }
  }
  const result = { rounds, changes, each, cases: {}, single: {} };
  for (const [name, byVariant] of Object.entries(single)) {
    const ratios = byVariant.element.map((x, i) => x / byVariant.minimal[i]);
    result.single[name] = { element: median(byVariant.element), minimal: median(byVariant.minimal), ratio: median(ratios) };
  }
  log(`  one setting, ms per change (element / minimal): ${Object.entries(result.single).map(([n, s]) => `${n} ${s.element.toFixed(2)}/${s.minimal.toFixed(2)}`).join(', ')}`);
  for (const c of cases) {
    const of = (variant, key) => runs[c][variant].map((run) => run[key]);
    const ratios = of('element', 'cpu').map((x, i) => x / of('minimal', 'cpu')[i]);
    const [seed, kind] = c.split(' ');
    result.cases[c] = {
      seed: Number(seed),
      kind,
      variants: Object.fromEntries(
        VARIANTS.map((v) => [
          v,
          { cpu: median(of(v, 'cpu')), iqr: quartiles(of(v, 'cpu')), wall: median(of(v, 'wall')), timers: median(of(v, 'timers')), updates: median(of(v, 'updates')), warnings: median(of(v, 'warnings')) },
        ]),
      ),
      ratio: median(ratios),
      ratioIqr: quartiles(ratios),
    };
    const k = result.cases[c];
    log(
      `  seed ${seed}, ${kind}: ${VARIANTS.map((v) => `${v} ${k.variants[v].cpu.toFixed(0)} ms CPU, ${k.variants[v].wall.toFixed(0)} ms wall, ${k.variants[v].timers} timers, ${k.variants[v].updates} updates, ${k.variants[v].warnings} warnings`).join('; ')}; element/minimal ${k.ratio.toFixed(2)}×`,
    );
  }
  return result;
}
