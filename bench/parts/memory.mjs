// Part 4: JS heap after a forced GC, after `first` and after `total` updates at capacity 100
// (each update followed by a rendered frame), and before and after many create/remove cycles.
import { heapAfterGc, liveCount, openPage } from '../browser.mjs';

export const VARIANTS = ['element', 'uplot'];

/** `options`: { first, total, warmCycles, cycles }. */
export async function runMemory(browser, url, { first, total, warmCycles, cycles }, log) {
  const result = { first, total, cycles, updates: {}, cycling: {} };
  for (const variant of VARIANTS) {
    const page = await openPage(browser, url, 'memory');
    try {
      await page.evaluate((v) => bench.setupUpdates(v), variant);
      await page.evaluate((n) => bench.updates(n), first);
      const atFirst = await heapAfterGc(page);
      await page.evaluate((n) => bench.updates(n), total - first);
      const atTotal = await heapAfterGc(page);
      await page.evaluate(() => bench.endUpdates());
      result.updates[variant] = { atFirst, atTotal, growth: atTotal - atFirst };

      await page.evaluate((v, n) => bench.cycles(v, n), variant, warmCycles);
      const before = await heapAfterGc(page);
      await page.evaluate((v, n) => bench.cycles(v, n), variant, cycles);
      const after = await heapAfterGc(page);
      // Every chart was removed: none of their canvases should be left.
      const canvases = await liveCount(page, 'HTMLCanvasElement.prototype');
      result.cycling[variant] = { before, after, growth: after - before, canvases };
      log(
        `  ${variant}: heap ${kb(atFirst)} after ${first} updates, ${kb(atTotal)} after ${total} (${signed(atTotal - atFirst)}); ` +
          `${kb(before)} before ${cycles} cycles, ${kb(after)} after (${signed(after - before)}); canvases alive after: ${canvases}`,
      );
    } finally {
      await page.close();
    }
  }
  return result;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const signed = (bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
