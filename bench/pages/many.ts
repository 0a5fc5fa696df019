// Part 2: many charts on one page, each streaming a new point every 0.5 s. The driver reads how
// busy the main thread is (DevTools Performance metrics) while they run.
import type { DataFeed } from '../../src/index.js';
import { PERIOD_MS, nextFrame, sleep, strokes } from './common.js';
import { settleSize, widthFor } from './element.js';
import { RawChart } from './raw-uplot.js';

const BACKFILL_MS = 60_000;

/** What the element's built-in generator does: standard-normal values (Box–Muller), Math.random. */
function normal(): number {
  const radius = Math.sqrt(-2 * Math.log(1 - Math.random()));
  return radius * Math.cos(2 * Math.PI * Math.random());
}

/** The points after `since` and before `now`, one every PERIOD_MS, as the element's generator makes them. */
function generate(since: number, now: number) {
  const time: number[] = [];
  for (let t = since + PERIOD_MS; t < now; t += PERIOD_MS) time.push(t);
  const values = [0, 1].map(() => Float64Array.from(time, normal));
  return { time: Float64Array.from(time), values };
}

const stoppers: (() => void)[] = [];

async function startElements(count: number, intervalS: number): Promise<void> {
  const configure = (el: DataFeed) => {
    el.noControls = true;
    el.heading = '';
    el.setAttribute('min-interval', String(intervalS));
    el.setAttribute('interval', String(intervalS));
    el.setAttribute('sample-period', String(PERIOD_MS / 1000));
  };
  const width = await widthFor(configure, document.body);
  const elements: DataFeed[] = [];
  for (let i = 0; i < count; i++) {
    const el = document.createElement('data-feed');
    configure(el);
    el.style.width = `${width}px`;
    el.setAttribute('streaming', '');
    document.body.append(el);
    elements.push(el);
  }
  for (const el of elements) await el.updateComplete;
  for (const el of elements) await settleSize(el);
  stoppers.push(() => elements.forEach((el) => el.remove()));
}

/**
 * Hand-written: one uPlot chart and one setInterval per chart, doing what the element does.
 * `inFrame`: draw in the next animation frame (as the element does) instead of at once.
 */
async function startRaw(count: number, intervalS: number, inFrame = false): Promise<void> {
  for (let i = 0; i < count; i++) {
    const box = document.createElement('div');
    document.body.append(box);
    const now = Date.now();
    const chart = new RawChart(box, 100, generate(now - BACKFILL_MS, now));
    const timer = setInterval(() => {
      const chunk = generate(chart.columns.lastTime, Date.now());
      if (chunk.time.length === 0) return;
      if (!inFrame) return chart.update(chunk);
      chart.columns.append(chunk);
      requestAnimationFrame(() => chart.plot.setData(chart.columns.views()));
    }, intervalS * 1000);
    stoppers.push(() => {
      clearInterval(timer);
      chart.destroy();
      box.remove();
    });
  }
  await nextFrame();
}

const bench = {
  /** Puts `count` streaming charts of `variant` on the page and counts canvas strokes from then on. */
  async start(variant: 'element' | 'uplot' | 'uplot-in-frame', count: number, intervalS: number): Promise<void> {
    strokes.install();
    if (variant === 'element') await startElements(count, intervalS);
    else await startRaw(count, intervalS, variant === 'uplot-in-frame');
    await sleep(0);
  },
  get strokes(): number {
    return strokes.count;
  },
  stop(): void {
    while (stoppers.length) stoppers.pop()!();
    strokes.uninstall();
  },
};

Object.assign(globalThis, { bench });
