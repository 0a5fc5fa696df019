// Part 1: the cost of one update (append 2 points, trim to capacity, draw) at a given capacity,
// for `<data-feed>`, hand-written uPlot and tuned Chart.js, interleaved.
import {
  Chart,
  Decimation,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { DataFeed } from '../../src/index.js';
import { COLORS, HEIGHT, NAMES, Series, WIDTH, frames, rasterize, strokes, type Chunk } from './common.js';
import { elementCanvas, settleSize, silentSource, widthFor } from './element.js';
import { RawChart } from './raw-uplot.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Decimation, Legend, Tooltip);

interface Variant {
  /** Appends the chunk and starts the draw; the harness then lets microtasks run and reads a pixel. */
  update(chunk: Chunk): void;
  readonly canvas: HTMLCanvasElement;
  destroy(): void;
}

/**
 * `<data-feed>` driven by the host: `append()`, which draws at once when nothing was drawn since the
 * last frame, then the frame callbacks it holds further draws with, run now (frames pass between
 * updates when streaming).
 */
async function createElement(series: Series, box: HTMLElement): Promise<Variant> {
  const configure = (el: DataFeed) => {
    el.noControls = true;
    el.heading = '';
    el.capacity = series.capacity;
    el.source = silentSource;
  };
  const width = await widthFor(configure, box);
  const el = document.createElement('data-feed');
  configure(el);
  el.style.width = `${width}px`;
  box.append(el);
  await el.updateComplete;
  await el.refresh();
  await settleSize(el);
  el.append(series.initial);
  await el.refresh();
  const canvas = elementCanvas(el);
  return {
    canvas,
    update(chunk) {
      el.append(chunk);
      if (frames.flush() === 0 || frames.pending) throw new Error('<data-feed> did not draw and release its frame');
    },
    destroy: () => el.remove(),
  };
}

async function createRaw(series: Series, box: HTMLElement): Promise<Variant> {
  const chart = new RawChart(box, series.capacity, series.initial);
  await null;
  return { canvas: chart.canvas, update: (chunk) => chart.update(chunk), destroy: () => chart.destroy() };
}

/**
 * Chart.js 4 as its performance docs advise: no animation, data in its internal format with
 * parsing off and normalized, decimation (min-max), no points, spanGaps, a linear x axis with
 * min/max given, update('none').
 */
async function createChartJs(series: Series, box: HTMLElement): Promise<Variant> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;display:block`;
  box.append(canvas);
  const { time, values } = series.initial;
  const points: { x: number; y: number }[][] = values.map((column) => Array.from(column, (y, i) => ({ x: time[i], y })));
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: NAMES.map((label, s) => ({
        label,
        data: points[s],
        borderColor: COLORS[s],
        backgroundColor: COLORS[s],
        borderWidth: 2,
        pointRadius: 0,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: false,
      devicePixelRatio: 1,
      scales: {
        x: { type: 'linear', min: time[0], max: time[time.length - 1] },
        y: { type: 'linear' },
      },
      plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
    },
  });
  const x = chart.options.scales!.x!;
  return {
    canvas,
    update(chunk) {
      for (let s = 0; s < points.length; s++) {
        const data = points[s];
        const column = chunk.values[s];
        for (let i = 0; i < chunk.time.length; i++) data.push({ x: chunk.time[i], y: column[i] });
        while (data.length > series.capacity) data.shift();
      }
      x.min = points[0][0].x;
      x.max = points[0][points[0].length - 1].x;
      chart.update('none');
    },
    destroy: () => {
      chart.destroy();
      canvas.remove();
    },
  };
}

const FACTORIES = { element: createElement, uplot: createRaw, chartjs: createChartJs } as const;
type Name = keyof typeof FACTORIES;

let series: Series | null = null;
let variants = new Map<Name, Variant>();
/** Updates done per variant: each sees chunk k on its k-th update. */
let done = new Map<Name, number>();

/**
 * Times one update: `script` until the draw calls are made (uPlot makes them in a microtask queued
 * by setData), `total` until the canvas is rasterized too (reading a pixel forces what Chromium
 * would otherwise do at the next paint).
 */
async function timeOne(variant: Variant, chunk: Chunk): Promise<{ script: number; total: number }> {
  const t0 = performance.now();
  variant.update(chunk);
  await null;
  const t1 = performance.now();
  rasterize(variant.canvas);
  const t2 = performance.now();
  return { script: t1 - t0, total: t2 - t0 };
}

const bench = {
  crossOriginIsolated,

  /** Creates every variant named, filled to `capacity`. */
  async setup(capacity: number, names: Name[]): Promise<void> {
    bench.teardown();
    series = new Series(capacity);
    for (const name of names) {
      const box = document.createElement('div');
      box.style.margin = '8px';
      document.body.append(box);
      variants.set(name, await FACTORIES[name](series, box));
      done.set(name, 0);
    }
    frames.manual = true;
  },

  /** One update of each variant in `order`; returns the milliseconds each took (see timeOne). */
  async round(order: Name[]): Promise<Record<string, { script: number; total: number }>> {
    const times: Record<string, { script: number; total: number }> = {};
    for (const name of order) {
      const k = done.get(name)!;
      done.set(name, k + 1);
      times[name] = await timeOne(variants.get(name)!, series!.chunk(k));
    }
    return times;
  },

  /**
   * Checks, for one update of each variant, that the timed span holds all the drawing: strokes
   * happen inside it and none afterwards, and no frame callback is left waiting.
   */
  async verify(order: Name[]): Promise<Record<string, { inside: number; after: number; pending: number }>> {
    const out: Record<string, { inside: number; after: number; pending: number }> = {};
    strokes.install();
    try {
      for (const name of order) {
        const k = done.get(name)!;
        done.set(name, k + 1);
        const before = strokes.count;
        await timeOne(variants.get(name)!, series!.chunk(k));
        const inside = strokes.count - before;
        const pending = frames.pending;
        frames.manual = false;
        await new Promise((resolve) => setTimeout(resolve, 50));
        frames.manual = true;
        out[name] = { inside, after: strokes.count - before - inside, pending };
      }
    } finally {
      strokes.uninstall();
    }
    return out;
  },

  teardown(): void {
    frames.manual = false;
    frames.flush();
    for (const variant of variants.values()) variant.destroy();
    variants = new Map();
    done = new Map();
    series = null;
    document.body.replaceChildren();
  },
};

Object.assign(globalThis, { bench });
