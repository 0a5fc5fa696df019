// Part 4: what stays on the JS heap after many updates at capacity 100, and after many
// create/remove cycles. The driver forces the garbage collection and reads the heap in between.
import { DEFAULT_LOOK, Series, painted } from './common.js';
import { seriesSource } from './element.js';
import { RawChart } from './raw-uplot.js';

type Name = 'element' | 'uplot';
const CAPACITY = 100;

let update: (() => Promise<void>) | null = null;
let teardown: (() => void) | null = null;

const bench = {
  /** One chart of `variant` at capacity 100, full, updated on the streaming path. */
  async setupUpdates(variant: Name): Promise<void> {
    const series = new Series(CAPACITY);
    const box = document.body.appendChild(document.createElement('div'));
    if (variant === 'element') {
      const el = document.createElement('data-feed');
      el.capacity = CAPACITY;
      el.backfill = series.reachS;
      el.source = seriesSource(series).source;
      box.append(el);
      await el.updateComplete;
      await el.refresh();
      update = () => el.refresh();
      teardown = () => el.remove();
    } else {
      const chart = new RawChart(box, CAPACITY, series.initial, DEFAULT_LOOK);
      let k = 0;
      update = async () => {
        chart.update(series.chunk(k++));
        await null;
      };
      teardown = () => chart.destroy();
    }
    await painted();
  },

  /** `n` more updates, each followed by a rendered frame. */
  async updates(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await update!();
      await painted();
    }
  },

  endUpdates(): void {
    teardown?.();
    teardown = update = null;
    document.body.replaceChildren();
  },

  /** `n` times: a new chart of `variant` with 100 points, attached, drawn and shown, removed. */
  async cycles(variant: Name, n: number): Promise<void> {
    const series = new Series(CAPACITY);
    for (let i = 0; i < n; i++) {
      if (variant === 'element') {
        const el = document.createElement('data-feed');
        el.backfill = series.reachS;
        el.source = seriesSource(series).source;
        document.body.append(el);
        await el.updateComplete;
        await el.refresh();
        await painted();
        el.remove();
      } else {
        const box = document.body.appendChild(document.createElement('div'));
        const chart = new RawChart(box, CAPACITY, series.initial, DEFAULT_LOOK);
        await painted();
        chart.destroy();
        box.remove();
      }
    }
    // Let observers and frame callbacks of the removed charts run out.
    await painted();
    await painted();
  },
};

Object.assign(globalThis, { bench });
