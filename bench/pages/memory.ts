// Part 3: what stays on the JS heap after many updates at capacity 100, and after many
// create/remove cycles. The driver forces the garbage collection and reads the heap in between.
import type { DataFeed } from '../../src/index.js';
import { Series, frames, nextFrame, type Chunk } from './common.js';
import { silentSource } from './element.js';
import { RawChart } from './raw-uplot.js';

type Name = 'element' | 'uplot';
const CAPACITY = 100;

let series = new Series(CAPACITY);
let done = 0;
let update: ((chunk: Chunk) => void) | null = null;
let teardown: (() => void) | null = null;

const bench = {
  /** One chart of `variant` at capacity 100, full, driven by the host. */
  async setupUpdates(variant: Name): Promise<void> {
    series = new Series(CAPACITY);
    done = 0;
    const box = document.createElement('div');
    document.body.append(box);
    if (variant === 'element') {
      const el = document.createElement('data-feed');
      el.noControls = true;
      el.capacity = CAPACITY;
      el.source = silentSource;
      box.append(el);
      await el.updateComplete;
      await el.refresh();
      el.append(series.initial);
      await el.refresh();
      update = (chunk) => {
        el.append(chunk);
        frames.flush();
      };
      teardown = () => el.remove();
    } else {
      const chart = new RawChart(box, CAPACITY, series.initial);
      update = (chunk) => chart.update(chunk);
      teardown = () => chart.destroy();
    }
    frames.manual = true;
  },

  /** `n` more updates of two points, each drawn; yields to the event loop now and then. */
  async updates(n: number): Promise<number> {
    for (let i = 0; i < n; i++) {
      update!(series.chunk(done++));
      await null;
      if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return done;
  },

  endUpdates(): void {
    frames.manual = false;
    teardown?.();
    teardown = update = null;
    document.body.replaceChildren();
  },

  /** `n` times: a new chart of `variant` with 100 points, attached, drawn, removed. */
  async cycles(variant: Name, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      if (variant === 'element') {
        const el: DataFeed = document.createElement('data-feed');
        document.body.append(el);
        await el.updateComplete;
        await el.refresh();
        el.remove();
      } else {
        const box = document.createElement('div');
        document.body.append(box);
        const chart = new RawChart(box, CAPACITY, series.initial);
        await null;
        chart.destroy();
        box.remove();
      }
    }
    // Let observers and frame callbacks of the removed charts run out.
    await nextFrame();
    await nextFrame();
  },
};

Object.assign(globalThis, { bench });
